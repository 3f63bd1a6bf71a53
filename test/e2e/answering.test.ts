import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { SurveyDefinition } from '../../schema/survey-definition';
import { templates } from '../../schema/templates';
import { random, syntheticAnswers } from '../../worker/seed/synthetic';
import { axeViolations, useBrowser } from './browser';
import { apiCookie, PEOPLE, signIn } from './people';
import { answerToEnd } from './survey-flow';

const base = inject('baseURL');
const browser = useBrowser();

type Results = { responses: { count: number | null }; questions: { id: string; options: { id: string; count: number | null }[] }[] };
let reviewer = '';
beforeAll(async () => {
  reviewer = await apiCookie(base, PEOPLE.reviewer);
});
const results = async (slug: string): Promise<Results> => (await fetch(`${base}/api/surveys/${slug}/results`, { headers: { cookie: reviewer } })).json();

/** Post enough responses through the API for results to pass the minimum group size. */
async function preload(slug: string, def: SurveyDefinition, n: number) {
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${base}/api/surveys/${slug}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: crypto.randomUUID(), answers: syntheticAnswers(def, random(i)) })
    });
    expect(res.status, await res.clone().text()).toBe(201);
  }
}

describe.each(templates.map((t) => [t.slug, t.definition] as const))('/s/%s', (slug, def) => {
  const min = def.sensitivity === 'sensitive' ? 10 : 5;

  beforeAll(async () => {
    await preload(slug, def, min);
  });

  for (const javaScript of [false, true]) {
    it(`is answered to the thank-you page with JavaScript ${javaScript ? 'on' : 'off'}, and the results change`, async () => {
      const before = await results(slug);
      const context = await browser().newContext({ javaScriptEnabled: javaScript });
      const page = await context.newPage();
      await page.goto(`${base}/s/${slug}`);
      expect(await axeViolations(page), 'first page').toEqual([]);

      const plan = syntheticAnswers(def, random(javaScript ? 1003 : 1004));
      await answerToEnd(page, def, plan);
      await expect(page.getByRole('heading', { name: 'Thank you. Your answers have been sent.' }).isVisible()).resolves.toBe(true);
      if (def.signposting) expect(await page.locator('.signposting').textContent()).toContain(String(def.signposting.contacts[0].name));
      expect(await axeViolations(page), 'thank-you page').toEqual([]);

      await signIn(page, base, PEOPLE.reviewer);
      await page.goto(`${base}/surveys/${slug}/results`);
      await expect(page.getByTestId('response-count').textContent()).resolves.toContain(String((before.responses.count ?? 0) + 1));
      const after = await results(slug);
      expect(after.responses.count).toBe((before.responses.count ?? 0) + 1);
      // The first closed question's chosen option went up by exactly one.
      const firstClosed = after.questions.find((q) => q.options.length && plan[q.id] && typeof plan[q.id] === 'object' && 'option' in (plan[q.id] as object));
      if (firstClosed) {
        const chosen = (plan[firstClosed.id] as { option: string }).option;
        const was = before.questions.find((q) => q.id === firstClosed.id)!.options.find((o) => o.id === chosen)!.count;
        const now = firstClosed.options.find((o) => o.id === chosen)!.count;
        if (was !== null && now !== null) expect(now).toBe(was + 1);
      }
      await context.close();
    });
  }
});
