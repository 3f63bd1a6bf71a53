import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_BODY_LIMIT } from '../../worker/app';
import * as responses from '../../worker/responses/service';
import { everyType, everyTypeAnswers } from '../fixtures/definitions';
import { call, countRows, db, post, publishedSurvey } from './helpers';

let slug: string;
let surveyId: string;

beforeAll(async () => {
  const s = await publishedSurvey(everyType);
  slug = s.slug;
  surveyId = s.survey.id;
});

const answerRows = (responseId: string) => countRows('answers', 'response_id', responseId);

describe('POST /api/surveys/:slug/responses', () => {
  it('stores a complete response with one row per answer, the version and the mode, and no client details', async () => {
    const id = crypto.randomUUID();
    const res = await post(`/surveys/${slug}/responses`, { id, answers: everyTypeAnswers });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id, status: 'complete', duplicate: false });

    const row = await env.DB.prepare('SELECT * FROM responses WHERE id = ?').bind(id).first<Record<string, unknown>>();
    expect(row).toMatchObject({ survey_id: surveyId, version: 1, mode: 'online', language: 'en', status: 'complete' });
    expect(row?.completed_at).toBeTruthy();
    expect(Object.keys(row ?? {}).some((k) => /ip|agent|address/i.test(k))).toBe(false);
    // pick 1 + why_b 1 + many 2 + agree 1 + score 1 + grid 2 + order 2 + ok 1 + story 1 + count 1 + when 1 + consent 1
    expect(await answerRows(id)).toBe(15);
    const story = await env.DB.prepare("SELECT text FROM answers WHERE response_id = ? AND question_id = 'story'").bind(id).first<{ text: string }>();
    expect(story?.text).toBe('A story\nover two lines');
    expect(await countRows('response_drafts', 'response_id', id)).toBe(0);
  });

  it('never creates a second response for the same id: retries, double submits and concurrent submits', async () => {
    const id = crypto.randomUUID();
    const first = await post(`/surveys/${slug}/responses`, { id, answers: everyTypeAnswers });
    expect(first.status).toBe(201);
    const again = await post(`/surveys/${slug}/responses`, { id, answers: { ...everyTypeAnswers, ok: 'no' } });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id, status: 'complete', duplicate: true });
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => post(`/surveys/${slug}/responses`, { id, answers: everyTypeAnswers }))
    );
    expect(concurrent.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await countRows('responses', 'id', id)).toBe(1);
    expect(await answerRows(id)).toBe(15);
    const ok = await env.DB.prepare("SELECT option_id FROM answers WHERE response_id = ? AND question_id = 'ok'").bind(id).first<{ option_id: string }>();
    expect(ok?.option_id).toBe('yes');
  });

  it('races of brand-new submissions with one id still make exactly one response', async () => {
    const id = crypto.randomUUID();
    const all = await Promise.all(Array.from({ length: 6 }, () => post(`/surveys/${slug}/responses`, { id, answers: everyTypeAnswers })));
    expect(all.filter((r) => r.status === 201)).toHaveLength(1);
    expect(all.filter((r) => r.status === 200)).toHaveLength(5);
    expect(await answerRows(id)).toBe(15);
  });

  it('the database itself refuses answers for a complete response', async () => {
    const id = crypto.randomUUID();
    await post(`/surveys/${slug}/responses`, { id, answers: everyTypeAnswers });
    await expect(
      env.DB.prepare("INSERT INTO answers (response_id, survey_id, question_id, option_id) VALUES (?, ?, 'ok', 'no')").bind(id, surveyId).run()
    ).rejects.toThrow(/response already complete/);
  });

  it('drops answers to questions hidden by show_if', async () => {
    const id = crypto.randomUUID();
    const res = await post(`/surveys/${slug}/responses`, { id, answers: { ...everyTypeAnswers, pick: { option: 'a' } } });
    expect(res.status).toBe(201);
    expect(await countRows('answers', 'response_id', id)).toBe(14);
    const hidden = await env.DB.prepare("SELECT count(*) AS n FROM answers WHERE response_id = ? AND question_id = 'why_b'").bind(id).first<{ n: number }>();
    expect(hidden?.n).toBe(0);
  });

  const json = (slug: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    call(`/surveys/${slug}/responses`, { method: 'POST', headers, body });
  const fresh = (answers: Record<string, unknown>) => ({ id: crypto.randomUUID(), answers });
  const bad: [string, (slug: string) => Promise<Response>, number, RegExp][] = [
    ['malformed JSON', (s) => json(s, '{"id": '), 400, /malformed|json/i],
    ['a body that is not JSON', (s) => json(s, 'id=1', { 'content-type': 'application/x-www-form-urlencoded' }), 400, /expected shape/],
    ['an id that is not a UUID', (s) => post(`/surveys/${s}/responses`, { id: 'abc', answers: {} }), 400, /UUID/],
    ['an extra top-level key', (s) => post(`/surveys/${s}/responses`, { ...fresh({}), ip: '1.2.3.4' }), 400, /expected shape/],
    ['an unknown question id', (s) => post(`/surveys/${s}/responses`, fresh({ ...everyTypeAnswers, nope: 'x' })), 400, /not a question/],
    ['an unknown option id', (s) => post(`/surveys/${s}/responses`, fresh({ ...everyTypeAnswers, pick: { option: 'zzz' } })), 400, /Choose one of the options/],
    ['a wrong type', (s) => post(`/surveys/${s}/responses`, fresh({ ...everyTypeAnswers, count: 'twelve' })), 400, /Enter a number/],
    ['a number out of range', (s) => post(`/surveys/${s}/responses`, fresh({ ...everyTypeAnswers, count: 101 })), 400, /100 or less/],
    ['oversized text', (s) => post(`/surveys/${s}/responses`, fresh({ ...everyTypeAnswers, story: 'x'.repeat(201) })), 400, /200 characters or fewer/],
    ['control characters', (s) => post(`/surveys/${s}/responses`, fresh({ ...everyTypeAnswers, story: 'hi\u0000there' })), 400, /unusual characters/],
    ['a missing required answer', (s) => post(`/surveys/${s}/responses`, fresh({ ok: 'yes' })), 400, /Choose an answer/],
    ['an invalid question id key', (s) => post(`/surveys/${s}/responses`, fresh({ 'Bad Key': 'x' })), 400, /expected shape/],
    ['a body over the size limit', (s) => post(`/surveys/${s}/responses`, fresh({ story: 'x'.repeat(API_BODY_LIMIT) })), 413, /too large/],
    ['an unknown survey', () => post(`/surveys/no-such-survey/responses`, fresh(everyTypeAnswers)), 404, /could not find/],
    ['a bad survey address', () => post(`/surveys/NOT_A_SLUG/responses`, fresh(everyTypeAnswers)), 400, /survey address/]
  ];

  it.each(bad)('rejects %s with a clear 4xx and stores nothing', async (_name, send, status, message) => {
    const before = await env.DB.prepare('SELECT (SELECT count(*) FROM responses) AS r, (SELECT count(*) FROM answers) AS a, (SELECT count(*) FROM response_drafts) AS d').first();
    const res = await send(slug);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { message: string; problems?: { message: string }[] } };
    const words = [body.error.message, ...(body.error.problems ?? []).map((p) => p.message)].join(' | ');
    expect(words).toMatch(message);
    const after = await env.DB.prepare('SELECT (SELECT count(*) FROM responses) AS r, (SELECT count(*) FROM answers) AS a, (SELECT count(*) FROM response_drafts) AS d').first();
    expect(after).toEqual(before);
  });

  it('refuses a response id already used by another survey', async () => {
    const other = await publishedSurvey(everyType);
    const id = crypto.randomUUID();
    expect((await post(`/surveys/${slug}/responses`, { id, answers: everyTypeAnswers })).status).toBe(201);
    const res = await post(`/surveys/${other.slug}/responses`, { id, answers: everyTypeAnswers });
    expect(res.status).toBe(409);
    expect(await countRows('answers', 'survey_id', other.survey.id)).toBe(0);
  });

  it('refuses answers to a closed survey with 410', async () => {
    const closed = await publishedSurvey(everyType);
    await env.DB.prepare("UPDATE surveys SET status = 'closed' WHERE id = ?").bind(closed.survey.id).run();
    const res = await post(`/surveys/${closed.slug}/responses`, { id: crypto.randomUUID(), answers: everyTypeAnswers });
    expect(res.status).toBe(410);
    expect(await countRows('responses', 'survey_id', closed.survey.id)).toBe(0);
  });
});

describe('answering page by page', () => {
  const target = async () => {
    const s = await publishedSurvey(everyType);
    const { definitionOf } = await import('../../worker/surveys/service');
    return { surveyId: s.survey.id, version: 1, definition: await definitionOf(db(), s.survey.id, 1) };
  };
  const page1 = { pick: { option: 'b' }, why_b: 'Because', score: 4 };
  const page2 = { ok: 'no', count: 3 };

  it('keeps a draft between pages and completes once on the last page, whatever is resent', async () => {
    const t = await target();
    const responseId = crypto.randomUUID();
    const base = { responseId, language: 'en', direction: 'next' as const };
    expect(await responses.answerPage(db(), t, { ...base, page: 0, answers: page1 })).toEqual({ kind: 'page', page: 1 });
    // A double click on page 1 changes nothing.
    expect(await responses.answerPage(db(), t, { ...base, page: 0, answers: page1 })).toEqual({ kind: 'page', page: 1 });
    expect(await countRows('response_drafts', 'response_id', responseId)).toBe(1);
    expect(await countRows('answers', 'response_id', responseId)).toBe(0);

    expect(await responses.answerPage(db(), t, { ...base, page: 1, answers: page2 })).toEqual({ kind: 'done', duplicate: false });
    expect(await responses.answerPage(db(), t, { ...base, page: 1, answers: page2 })).toEqual({ kind: 'done', duplicate: true });
    expect(await responses.answerPage(db(), t, { ...base, page: 0, answers: page1 })).toEqual({ kind: 'done', duplicate: true });
    expect(await countRows('responses', 'id', responseId)).toBe(1);
    expect(await countRows('answers', 'response_id', responseId)).toBe(5);
    expect(await countRows('response_drafts', 'response_id', responseId)).toBe(0);
  });

  it('requires required questions when going on but not when going back, and stores nothing on errors', async () => {
    const t = await target();
    const responseId = crypto.randomUUID();
    const out = await responses.answerPage(db(), t, { responseId, page: 0, answers: { score: 4 }, language: 'en', direction: 'next' });
    expect(out).toEqual({ kind: 'errors', errors: [{ question: 'pick', message: 'Choose an answer' }] });
    expect(await countRows('responses', 'id', responseId)).toBe(0);

    await responses.answerPage(db(), t, { responseId, page: 0, answers: page1, language: 'en', direction: 'next' });
    const back = await responses.answerPage(db(), t, { responseId, page: 1, answers: { ok: 'yes' }, language: 'en', direction: 'back' });
    expect(back).toEqual({ kind: 'page', page: 0 });
    const progress = await responses.load(db(), t.surveyId, responseId);
    expect(progress?.answers).toEqual({ ...page1, ok: 'yes' });
  });

  it('forgets answers that a changed earlier answer hides', async () => {
    const t = await target();
    const responseId = crypto.randomUUID();
    await responses.answerPage(db(), t, { responseId, page: 0, answers: page1, language: 'en', direction: 'next' });
    await responses.answerPage(db(), t, { responseId, page: 0, answers: { ...page1, pick: { option: 'a' } }, language: 'en', direction: 'next' });
    const progress = await responses.load(db(), t.surveyId, responseId);
    expect(progress?.answers.why_b).toBeUndefined();
  });
});
