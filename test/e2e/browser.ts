/** Debian's Chromium through playwright-core, and axe-core for accessibility checks. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Launch headless Chromium with the flags this machine needs (no sandbox as root, no background network). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run']
  });
}

/**
 * Click something that loads a new page (a form post, a link) and wait until that page has
 * loaded. Playwright's click no longer waits for navigations, so without this the next
 * line could still be looking at the old page.
 */
export async function clickAndLoad(page: Page, target: Locator): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
  await target.click();
  await navigated;
  await page.waitForLoadState('load');
}

/** One browser for a test file, opened before its tests and closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser is not open yet');
    return browser;
  };
}

/**
 * Run axe-core (WCAG 2.x A and AA, including 2.2) on what the page shows now and return the
 * violations, summarised. The DOM is copied into a scratch page with JavaScript on, because
 * axe needs timers and pages under test may have JavaScript switched off.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const html = await page.content();
  const scratch = await page.context().browser()!.newPage({ javaScriptEnabled: true });
  try {
    await scratch.route('**/*', (route) => route.abort());
    await scratch.setContent(html, { waitUntil: 'domcontentloaded' });
    await scratch.evaluate(axeSource);
    const violations = await scratch.evaluate(async () => {
      // @ts-expect-error axe is injected above
      const result = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }
      });
      return result.violations.map(
        (v: { id: string; help: string; nodes: { target: string[] }[] }) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
      );
    });
    return violations as string[];
  } finally {
    await scratch.close();
  }
}
