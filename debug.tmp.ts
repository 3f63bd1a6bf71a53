import { chromium } from 'playwright-core';
import { templates } from './schema/templates';
import { sampleAnswers } from './test/fixtures/sample-answers';
import { fillPage } from './test/e2e/survey-flow';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ javaScriptEnabled: false });
ctx.setDefaultTimeout(5000);
const page = await ctx.newPage();
const def = templates[0].definition;
const plan = sampleAnswers(def, 4);
await page.goto('http://127.0.0.1:8787/s/employers');
for (let i = 0; i < 6; i++) {
  const t0 = Date.now();
  try { await fillPage(page, def, plan); } catch (e) { console.log('fill error', (e as Error).message.slice(0, 300)); }
  console.log('filled in', Date.now() - t0);
  await page.getByRole('button', { name: /continue|send my answers/i }).click();
  await page.waitForLoadState();
  console.log(page.url(), await page.locator('.error-summary').textContent().catch(() => 'no errors'));
  if (page.url().includes('thanks')) break;
}
await browser.close();
