/** Answering a survey in the browser the way a respondent does: fill each page, press Continue. */
import type { Page } from 'playwright-core';
import { answersToFormValues, type Answers } from '../../schema/answers';
import type { SurveyDefinition } from '../../schema/survey-definition';
import { clickAndLoad } from './browser';

/** Fill the current survey page's inputs with the planned answers (only inputs a person can see and use). */
export async function fillPage(page: Page, def: SurveyDefinition, plan: Answers): Promise<number> {
  const index = Number(await page.locator('input[name="page"]').inputValue());
  const values = answersToFormValues(def.pages[index].questions, plan);
  for (const [name, vals] of Object.entries(values)) {
    const inputs = page.locator(`[name="${name}"]`);
    const n = await inputs.count();
    for (let i = 0; i < n; i++) {
      const el = inputs.nth(i);
      if (!(await el.isVisible()) || !(await el.isEnabled())) continue;
      const tag = await el.evaluate((e) => e.tagName.toLowerCase());
      const type = (await el.getAttribute('type')) ?? '';
      if (type === 'radio' || type === 'checkbox') {
        if (vals.includes((await el.getAttribute('value')) ?? '')) await el.check();
      } else if (tag === 'select') await el.selectOption(vals[0]);
      else await el.fill(vals[0]);
    }
  }
  return index;
}

/** Answer every page until the thank-you page; returns the number of pages answered. */
export async function answerToEnd(page: Page, def: SurveyDefinition, plan: Answers): Promise<number> {
  let pages = 0;
  for (; pages < def.pages.length + 2; ) {
    await fillPage(page, def, plan);
    pages++;
    await clickAndLoad(page, page.getByRole('button', { name: /continue|send my answers/i }));
    const problem = await page.locator('[data-error-summary]').count();
    if (problem) throw new Error(`the page reported problems: ${await page.locator('[data-error-summary]').innerText()}`);
    if (new URL(page.url()).pathname.endsWith('/thanks')) return pages;
  }
  throw new Error(`did not reach the thank-you page after ${pages} pages: ${page.url()}`);
}
