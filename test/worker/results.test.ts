import { describe, expect, it } from 'vitest';
import * as responses from '../../worker/responses/service';
import * as results from '../../worker/results/service';
import * as surveys from '../../worker/surveys/service';
import { everyType, everyTypeAnswers } from '../fixtures/definitions';
import { call, db, memberCookie, post, publishedSurvey } from './helpers';

type Summary = results.Summary;

async function respond(slug: string, answers: Record<string, unknown>, id: string = crypto.randomUUID()) {
  const res = await post(`/surveys/${slug}/responses`, { id, answers });
  expect(res.status).toBeLessThan(300);
  return id;
}

describe('results', () => {
  it('counts exactly with SQL over the answer rows, and suppresses small numbers', async () => {
    const { slug, survey, network } = await publishedSurvey(everyType, { minGroupSize: 5 });
    const cookie = await memberCookie(network.id, 'reviewer');
    // 12 responses: pick a×6, b×5, c×1; score 0..11; ok yes×7 no×5; why_b only for b.
    for (let i = 0; i < 11; i++) {
      const pick = i < 6 ? 'a' : i < 11 ? 'b' : 'c';
      await respond(slug, { ...everyTypeAnswers, pick: { option: pick }, score: i % 11, ok: i < 7 ? 'yes' : 'no' });
    }
    // A retried submission and a partial response must not count.
    const last = await respond(slug, { ...everyTypeAnswers, pick: { option: 'c' }, score: 0, ok: 'no' });
    await respond(slug, { ...everyTypeAnswers, pick: { option: 'a' } }, last);
    const definition = await surveys.definitionOf(db(), survey.id, 1);
    await responses.answerPage(db(), { surveyId: survey.id, version: 1, definition }, { responseId: crypto.randomUUID(), page: 0, answers: { pick: { option: 'a' } }, language: 'en', direction: 'next' });
    const raw = await results.rawCounts(db(), survey.id);
    expect(raw.responses).toBe(12);
    expect(raw.cells.get('pick||a')?.count).toBe(6);
    expect(raw.cells.get('pick||b')?.count).toBe(5);
    expect(raw.cells.get('pick||c')?.count).toBe(1);
    expect(raw.answered.get('why_b|')?.respondents).toBe(5);
    expect(raw.cells.get('grid|r1|lo')?.count).toBe(12);

    const res = await call(`/surveys/${slug}/results`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const s = (await res.json()) as Summary;
    expect(s.responses).toEqual({ count: 12, percent: 100, suppressed: false });
    expect(s.enough).toBe(true);
    const pick = s.questions.find((q) => q.id === 'pick')!;
    const byId = Object.fromEntries(pick.options.map((o) => [o.id, o]));
    expect(byId.a).toEqual({ id: 'a', label: 'A', count: 6, percent: 50, suppressed: false });
    // c (1) is below 5, and b is hidden with it so c cannot be worked out as 12 - 6.
    expect(byId.c).toMatchObject({ count: null, percent: null, suppressed: true });
    expect(byId.b).toMatchObject({ count: null, suppressed: true });
    expect(byId.other).toMatchObject({ count: 0, suppressed: false });

    const ok = s.questions.find((q) => q.id === 'ok')!;
    expect(ok.options.map((o) => o.count)).toEqual([7, 5]);
    const score = s.questions.find((q) => q.id === 'score')!;
    // scores 0..10 then 0 again: mean = (55 + 0) / 12
    expect(score.mean).toBeCloseTo(55 / 12, 2);
    const agree = s.questions.find((q) => q.id === 'agree')!;
    expect(agree.mean).toBe(3); // every response chose the third point
    expect(agree.median).toBe('Agree');
    // scores 0..10 then 0: twelve answers, the lower middle one is 4
    expect(score.median).toBe('4');
    const grid = s.questions.find((q) => q.id === 'grid')!;
    expect(grid.rows?.map((r) => r.options.map((o) => o.count))).toEqual([[12, 0], [0, 12]]);
    expect(grid.rows?.map((r) => r.median)).toEqual(['Low', 'High']);
    const story = s.questions.find((q) => q.id === 'story')!;
    expect(story.textAnswers).toMatchObject({ count: 12 });
    expect(JSON.stringify(s)).not.toContain('A story'); // never the words themselves
    const order = s.questions.find((q) => q.id === 'order')!;
    expect(order.options.find((o) => o.id === 'q')).toMatchObject({ count: 12, mean: 1 });
    expect(order.options.find((o) => o.id === 'p')).toMatchObject({ count: 12, mean: 2 });
  });

  it('keeps running totals that always equal a GROUP BY over the answers, whatever is retried or raced', async () => {
    const { slug, survey } = await publishedSurvey(everyType, { minGroupSize: 2 });
    const ids = Array.from({ length: 6 }, () => crypto.randomUUID());
    const variants = ['a', 'b', 'c', 'other', 'prefer_not_to_say', 'b'] as const;
    // Each response sent three times at once, then once more.
    await Promise.all(
      ids.flatMap((id, i) => {
        const pick = variants[i] === 'other' ? { option: 'other', other: 'Mine' } : { option: variants[i] };
        const body = { id, answers: { ...everyTypeAnswers, pick, score: i, agree: i % 2 ? 'prefer_not_to_say' : 'sa' } };
        return [0, 1, 2].map(() => post(`/surveys/${slug}/responses`, body));
      })
    );
    await respond(slug, { pick: { option: 'a' } }, ids[0]);
    await respond(slug, { pick: { option: 'c' } }); // a response with one answer
    const meta = { slug, status: 'open', version: 1, minGroupSize: 2, network: { slug: 'n', name: 'n', isDemo: false }, lang: 'en' };
    const tallied = await results.talliedCounts(db(), survey.id);
    const raw = await results.rawCounts(db(), survey.id);
    expect(tallied.responses).toBe(7);
    expect(results.summarise(everyType, tallied, meta)).toEqual(results.summarise(everyType, raw, meta));
    expect(tallied.answered.get('agree|')?.mean).toBe(4); // prefer-not-to-say is not a point on the scale
  });

  it('shows nothing but "fewer than N" until the minimum group size is reached', async () => {
    const { slug, network } = await publishedSurvey(everyType, { minGroupSize: 10 });
    const cookie = await memberCookie(network.id, 'reviewer');
    for (let i = 0; i < 3; i++) await respond(slug, everyTypeAnswers);
    const s = (await (await call(`/surveys/${slug}/results`, { headers: { cookie } })).json()) as Summary;
    expect(s.responses).toEqual({ count: null, percent: null, suppressed: true });
    expect(s.enough).toBe(false);
    expect(s.questions.every((q) => q.options.length === 0 && q.mean === null)).toBe(true);
    expect(JSON.stringify(s)).not.toMatch(/"count":3/);
  });

  it('answers 404 for an unknown survey to a signed-in member, 401 to anyone else', async () => {
    const { network } = await publishedSurvey(everyType);
    const cookie = await memberCookie(network.id, 'reviewer');
    expect((await call('/surveys/not-here/results', { headers: { cookie } })).status).toBe(404);
    expect((await call('/surveys/not-here/results')).status).toBe(401);
  });
});
