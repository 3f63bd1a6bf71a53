/**
 * Indicators against a real D1: live values equal hand-computed results (with small
 * numbers suppressed), snapshots never move after later responses, and only editors of
 * the action's own network can add or record them.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Membership } from '../../worker/accounts/authz';
import * as indicators from '../../worker/evidence/indicators';
import { actions, standards } from '../../schema/tables';
import { everyType, everyTypeAnswers } from '../fixtures/definitions';
import { db, post, publishedSurvey } from './helpers';

const actor = { userId: null, email: 'editor@example.org' };

async function setUp(picks: string[]) {
  const made = await publishedSurvey(everyType, { minGroupSize: 5 });
  for (const pick of picks) {
    const res = await post(`/surveys/${made.slug}/responses`, {
      id: crypto.randomUUID(),
      answers: { ...everyTypeAnswers, pick: { option: pick }, why_b: pick === 'b' ? 'Because' : undefined }
    });
    expect(res.status).toBe(201);
  }
  const standardId = crypto.randomUUID();
  const actionId = crypto.randomUUID();
  await db().insert(standards).values({ id: standardId, networkId: made.network.id, sector: 'Workplaces', title: 'All workplaces have support' });
  await db().insert(actions).values({ id: actionId, networkId: made.network.id, standardId, title: 'Run the employer survey every year' });
  const as = (role: Membership['role']): Membership[] => [{ networkId: made.network.id, networkSlug: made.network.slug, networkName: made.network.name, role }];
  return { ...made, actionId, as };
}

const times = (n: number, v: string) => Array.from({ length: n }, () => v);

describe('indicators', () => {
  it('compute shares, means and counts as the results do, hiding small groups and their complements', async () => {
    const s = await setUp([...times(6, 'a'), ...times(5, 'b'), 'c']);
    const add = (input: Record<string, unknown>) => indicators.create(db(), actor, s.as('editor'), s.network.slug, s.actionId, { label: 'x', survey: s.slug, ...input });
    await add({ label: 'Chose A', metric: 'share', question: 'pick', options: ['a'], target: '40' });
    await add({ label: 'Chose C', metric: 'share', question: 'pick', options: 'c' });
    await add({ label: 'Chose A or B', metric: 'share', question: 'pick', options: ['a', 'b'] });
    await add({ label: 'Agreement', metric: 'mean', question: 'agree' });
    await add({ label: 'Grid row 1', metric: 'mean', question: 'grid/r1' });
    await add({ label: 'Responses', metric: 'responses', target: 20 });
    await add({ label: 'Organisations', metric: 'organisations' });
    const list = await indicators.list(db(), s.as('reviewer'), s.network.slug, s.actionId);
    const values = Object.fromEntries(await Promise.all(list.map(async (i) => [i.label, await indicators.value(db(), i)] as const)));
    expect(values['Chose A']).toMatchObject({ value: 50, display: '50%', base: 12, met: true, suppressed: false });
    // One person chose C: hidden. Eleven chose A or B, so the one who did not is hidden with them.
    expect(values['Chose C']).toMatchObject({ value: null, display: 'fewer than 5 people', suppressed: true });
    expect(values['Chose A or B']).toMatchObject({ value: null, suppressed: true });
    expect(values['Agreement']).toMatchObject({ value: 3, base: 12 }); // every response chose the third point
    expect(values['Grid row 1'].value).toBe(1);
    expect(values['Responses']).toMatchObject({ value: 12, met: false });
    expect(values['Organisations']).toMatchObject({ value: 0, suppressed: false });
    expect(list.find((i) => i.label === 'Grid row 1')?.questionTitle).toBe('Grid – Row 1');
  });

  it('freeze a value as evidence that later responses do not move, and that the database will not let change', async () => {
    const s = await setUp(times(6, 'a'));
    const id = await indicators.create(db(), actor, s.as('editor'), s.network.slug, s.actionId, { label: 'Chose A', survey: s.slug, metric: 'share', question: 'pick', options: ['a'] });
    const evidenceId = await indicators.snapshot(db(), actor, s.as('editor'), s.network.slug, s.actionId, id, new Date('2026-01-10T10:00:00Z'));
    for (const pick of times(6, 'b'))
      await post(`/surveys/${s.slug}/responses`, { id: crypto.randomUUID(), answers: { ...everyTypeAnswers, pick: { option: pick } } });
    const [live] = await indicators.list(db(), s.as('editor'), s.network.slug, s.actionId);
    expect((await indicators.value(db(), live)).value).toBe(50);
    const frozen = await env.DB.prepare('SELECT title, snapshot, recorded_at, recorded_by_email FROM evidence WHERE id = ?').bind(evidenceId).first<Record<string, string>>();
    expect(frozen).toMatchObject({ title: 'Chose A: 100%', recorded_at: '2026-01-10T10:00:00.000Z', recorded_by_email: 'editor@example.org' });
    expect(JSON.parse(frozen!.snapshot)).toMatchObject({ value: 100, base: 6, responses: 6, survey: { slug: s.slug } });
    await expect(env.DB.prepare(`UPDATE evidence SET title = 'Chose A: 50%' WHERE id = ?`).bind(evidenceId).run()).rejects.toThrow(/never changed/);
    // A second snapshot later: the change between the two waves.
    await indicators.snapshot(db(), actor, s.as('editor'), s.network.slug, s.actionId, id, new Date('2027-01-10T10:00:00Z'));
    expect((await indicators.snapshotsOf(db(), id)).map((x) => x.value)).toEqual([100, 50]);
    // Removing the indicator keeps what was recorded.
    await indicators.remove(db(), actor, s.as('editor'), s.network.slug, s.actionId, id);
    expect((await env.DB.prepare('SELECT count(*) AS n FROM evidence WHERE action_id = ?').bind(s.actionId).first<{ n: number }>())?.n).toBe(2);
  });

  it('refuse bad input with a 400 naming each field, and change nothing', async () => {
    const s = await setUp(times(6, 'a'));
    const other = await publishedSurvey(everyType);
    for (const [input, field] of [
      [{ label: '', survey: s.slug, metric: 'responses' }, 'label'],
      [{ label: 'x', survey: s.slug, metric: 'median' }, 'metric'],
      [{ label: 'x', survey: s.slug, metric: 'share', question: 'pick' }, 'options'],
      [{ label: 'x', survey: s.slug, metric: 'share', question: 'story', options: ['a'] }, 'question'],
      [{ label: 'x', survey: s.slug, metric: 'share', question: 'pick', options: ['zzz'] }, 'options'],
      [{ label: 'x', survey: s.slug, metric: 'mean', question: 'pick' }, 'question'],
      [{ label: 'x', survey: s.slug, metric: 'mean', question: 'grid' }, 'question'],
      [{ label: 'x', survey: s.slug, metric: 'share', question: 'pick', options: ['a'], target: '150' }, 'target'],
      [{ label: 'x', survey: other.slug, metric: 'responses' }, 'survey']
    ] as const) {
      const err = await indicators.create(db(), actor, s.as('editor'), s.network.slug, s.actionId, input).catch((e) => e);
      expect(err.status, JSON.stringify(input)).toBe(400);
      expect(err.problems.map((p: { path: string }) => p.path), JSON.stringify(input)).toContain(field);
    }
    expect((await indicators.list(db(), s.as('editor'), s.network.slug, s.actionId)).length).toBe(0);
  });

  it('let only editors and admins of the action’s network add or record them; others see nothing', async () => {
    const s = await setUp(times(6, 'a'));
    const stranger = await setUp([]);
    const input = { label: 'Responses', survey: s.slug, metric: 'responses' };
    for (const role of ['reviewer', 'data-entry'] as const)
      await expect(indicators.create(db(), actor, s.as(role), s.network.slug, s.actionId, input)).rejects.toMatchObject({ status: 403 });
    await expect(indicators.list(db(), s.as('data-entry'), s.network.slug, s.actionId)).rejects.toMatchObject({ status: 403 });
    // Another network's editor: the action is not found there, under either network's address.
    await expect(indicators.create(db(), actor, stranger.as('editor'), stranger.network.slug, s.actionId, input)).rejects.toMatchObject({ status: 404 });
    await expect(indicators.list(db(), stranger.as('admin'), s.network.slug, s.actionId)).rejects.toMatchObject({ status: 403 });
    await expect(indicators.list(db(), null, s.network.slug, s.actionId)).rejects.toMatchObject({ status: 401 });
    const id = await indicators.create(db(), actor, s.as('admin'), s.network.slug, s.actionId, input);
    await expect(indicators.snapshot(db(), actor, s.as('reviewer'), s.network.slug, s.actionId, id)).rejects.toMatchObject({ status: 403 });
  });
});

describe('you said, we did', () => {
  it('publishes only with both parts, keeps its first publication date, and can be withdrawn', async () => {
    const outcomes = await import('../../worker/evidence/outcomes');
    const s = await setUp(times(6, 'a'));
    const survey = { id: s.survey.id, slug: s.slug, networkId: s.network.id };
    const err = await outcomes.save(db(), actor, survey, { youSaid: 'Lots', weDid: '', publish: 'on' }).catch((e) => e);
    expect(err.status).toBe(400);
    expect(err.problems.map((p: { path: string }) => p.path)).toEqual(['weDid']);
    expect(await outcomes.isPublished(db(), s.survey.id)).toBe(false);
    await expect(outcomes.published(db(), s.slug)).rejects.toMatchObject({ status: 404 });

    const first = await outcomes.save(db(), actor, survey, { youSaid: 'Lots\r\nof things', weDid: 'Something', publish: 'on' });
    expect(first.youSaid).toBe('Lots\nof things');
    const again = await outcomes.save(db(), actor, survey, { youSaid: 'Lots', weDid: 'Something more', publish: 'on' });
    expect(again.publishedAt).toBe(first.publishedAt);
    const page = await outcomes.published(db(), s.slug);
    expect(page).toMatchObject({ responses: 6, outcome: { weDid: 'Something more' } });
    await outcomes.save(db(), actor, survey, { youSaid: 'Lots', weDid: 'Something more' });
    expect(await outcomes.isPublished(db(), s.survey.id)).toBe(false);
    const audit = await env.DB.prepare(`SELECT action FROM audit_log WHERE network_id = ? AND action LIKE 'outcome.%' ORDER BY id`).bind(s.network.id).all<{ action: string }>();
    expect(audit.results.map((r) => r.action)).toEqual(['outcome.publish', 'outcome.publish', 'outcome.save']);
  });
});

describe('quotes as evidence', () => {
  it('cite only approved or redacted words, copied as they are', async () => {
    const review = await import('../../worker/results/review');
    const s = await setUp([]);
    for (let i = 0; i < 6; i++)
      await post(`/surveys/${s.slug}/responses`, { id: crypto.randomUUID(), answers: { ...everyTypeAnswers, pick: { option: 'a' }, why_b: undefined, story: `words ${i}` } });
    const ids = await env.DB.prepare(`SELECT id, text FROM answers WHERE survey_id = ? AND question_id = 'story' ORDER BY text`).bind(s.survey.id).all<{ id: number; text: string }>();
    const [a0, a1, a2] = ids.results;
    const editor = { userId: null, email: 'editor@example.org' };
    await review.decide(db(), editor, s.network.id, s.slug, { answer: a0.id, decision: 'approve' });
    await review.decide(db(), editor, s.network.id, s.slug, { answer: a1.id, decision: 'redact', text: 'words [name]' });
    await review.decide(db(), editor, s.network.id, s.slug, { answer: a2.id, decision: 'reject' });
    const citable = await indicators.citableQuotes(db(), s.as('editor'), s.network.slug, s.actionId, s.slug);
    expect(citable.map((q) => q.words).sort()).toEqual(['words 0', 'words [name]']);
    const id = await indicators.addQuote(db(), actor, s.as('editor'), s.network.slug, s.actionId, s.slug, a1.id);
    const row = await env.DB.prepare('SELECT kind, body, title FROM evidence WHERE id = ?').bind(id).first();
    expect(row).toEqual({ kind: 'quote', body: 'words [name]', title: 'Tell us' });
    for (const refused of [a2.id, ids.results[3].id])
      await expect(indicators.addQuote(db(), actor, s.as('editor'), s.network.slug, s.actionId, s.slug, refused)).rejects.toMatchObject({ status: 404 });
    await expect(indicators.addQuote(db(), actor, s.as('reviewer'), s.network.slug, s.actionId, s.slug, a0.id)).rejects.toMatchObject({ status: 403 });
  });
});
