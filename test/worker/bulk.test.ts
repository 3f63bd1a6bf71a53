/**
 * Bulk loads of made-up responses (the benchmark and scripts/synthetic.ts) end in the
 * same state as responses completed one by one: the recounted running totals equal the
 * ones kept response by response, and the results read from them equal a fresh count.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { templates } from '../../schema/templates';
import * as responses from '../../worker/responses/service';
import * as results from '../../worker/results/service';
import { bulkLoad } from '../../worker/seed/bulk';
import { random, syntheticAnswers } from '../../worker/seed/synthetic';
import { db, publishedSurvey } from './helpers';

const employers = templates.find((t) => t.slug === 'employers')!.definition;
const tallies = async (surveyId: string) =>
  (await env.DB.prepare('SELECT question_id, row_id, option_id, count, numbers, round(sum, 6) AS sum, texts FROM tallies WHERE survey_id = ? ORDER BY 1, 2, 3').bind(surveyId).all()).results;

describe('bulk loading', () => {
  it('recounts the same running totals that completing responses one by one keeps', async () => {
    const { survey } = await publishedSurvey(employers);
    const rand = random(7);
    for (let i = 0; i < 25; i++)
      await responses.complete(db(), { surveyId: survey.id, version: 1, definition: employers, responseId: crypto.randomUUID(), language: 'en', answers: syntheticAnswers(employers, rand) });
    const kept = await tallies(survey.id);
    expect(kept.length).toBeGreaterThan(50);
    await responses.rebuildTallies(db(), survey.id);
    expect(await tallies(survey.id)).toEqual(kept);
  });

  it('loads complete responses whose results read the same from the totals as from the answers', async () => {
    const { survey } = await publishedSurvey(employers);
    await bulkLoad(env.DB, { surveyId: survey.id, version: 1, definition: employers, count: 300, seed: 3 });
    const raw = await results.rawCounts(db(), survey.id);
    expect(raw.responses).toBe(300);
    const meta = { slug: survey.slug, status: 'open', version: 1, minGroupSize: 5, network: { slug: 'n', name: 'n', isDemo: false }, lang: 'en' };
    expect(results.summarise(employers, await results.talliedCounts(db(), survey.id), meta)).toEqual(results.summarise(employers, raw, meta));
    const partial = await env.DB.prepare(`SELECT count(*) AS n FROM responses WHERE survey_id = ? AND status <> 'complete'`).bind(survey.id).first<{ n: number }>();
    expect(partial?.n).toBe(0);
  });
});
