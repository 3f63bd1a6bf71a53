import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import * as accounts from '../../worker/accounts/service';
import type { Actor } from '../../worker/audit/service';
import { DomainError, InvalidInput, NotFound } from '../../worker/errors';
import * as responses from '../../worker/responses/service';
import * as review from '../../worker/results/review';
import * as results from '../../worker/results/service';
import * as texts from '../../worker/results/texts';
import * as surveys from '../../worker/surveys/service';
import { everyType, everyTypeAnswers } from '../fixtures/definitions';
import { call, db, memberCookie, post, publishedSurvey } from './helpers';

type Results = results.Summary & { quotes: Record<string, texts.QuestionTexts> };

async function respond(slug: string, answers: Record<string, unknown>) {
  const res = await post(`/surveys/${slug}/responses`, { id: crypto.randomUUID(), answers });
  expect(res.status).toBe(201);
}

/** A published `everyType` survey with an editor, and `n` complete responses whose long-text answer is `story <i>`. */
async function world(n: number, opts: { minGroupSize?: number } = {}) {
  const ctx = await publishedSurvey(everyType, { minGroupSize: opts.minGroupSize ?? 5 });
  const email = `editor-${crypto.randomUUID()}@example.org`;
  const userId = await accounts.createMember(db(), env.PASSWORD_PEPPER, { networkId: ctx.network.id, email, role: 'editor', password: 'a long enough password' });
  const actor: Actor = { userId, email };
  for (let i = 0; i < n; i++) await respond(ctx.slug, { ...everyTypeAnswers, pick: { option: 'a' }, why_b: undefined, story: `story ${i}` });
  return { ...ctx, actor };
}

/** The queue's answers of one state, all pages. */
async function all(networkId: string, slug: string, status: string) {
  const out: review.QueueItem[] = [];
  for (let page = 1; ; page++) {
    const q = await review.queue(db(), networkId, slug, { status, page });
    out.push(...q.items);
    if (page >= q.pages) return out;
  }
}

const idOf = async (networkId: string, slug: string, text: string) => (await all(networkId, slug, 'pending')).find((i) => i.text === text)!.id;

async function auditCount(networkId: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM audit_log WHERE network_id = ? AND action LIKE 'text.%'`).bind(networkId).first<{ n: number }>();
  return row?.n ?? 0;
}

async function reviewRow(answerId: number) {
  return env.DB.prepare('SELECT status, redacted_text AS redactedText, reviewed_by AS reviewedBy FROM text_reviews WHERE answer_id = ?').bind(answerId).first();
}

/** The error a promise rejects with. */
async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe('the review queue', () => {
  it('holds the free text of complete responses (text, long text, "other" words; never dates), pending until decided', async () => {
    const { network, slug, survey } = await world(2);
    await respond(slug, { ...everyTypeAnswers, pick: { option: 'b' }, why_b: 'Because of B', story: 'story b' });
    await respond(slug, { ...everyTypeAnswers, pick: { option: 'other', other: 'My own words' }, why_b: undefined, story: undefined });
    // A response still in progress is not in the queue.
    const definition = await surveys.definitionOf(db(), survey.id, 1);
    await responses.answerPage(db(), { surveyId: survey.id, version: 1, definition }, { responseId: crypto.randomUUID(), page: 1, answers: { story: 'not sent' }, language: 'en', direction: 'next' });
    const q = await review.queue(db(), network.id, slug);
    expect(q.filter).toEqual({ status: 'pending', question: null });
    expect(q.items.map((i) => [i.questionId, i.kind, i.text, i.status])).toEqual([
      ['story', 'text', 'story 0', 'pending'],
      ['story', 'text', 'story 1', 'pending'],
      ['why_b', 'text', 'Because of B', 'pending'],
      ['story', 'text', 'story b', 'pending'],
      ['pick', 'other', 'My own words', 'pending']
    ]);
    expect(q.items.some((i) => i.text === everyTypeAnswers.when || i.text === 'not sent')).toBe(false);
    expect(await env.DB.prepare(`SELECT count(*) AS n FROM response_drafts d JOIN responses r ON r.id = d.response_id WHERE r.survey_id = ?`).bind(survey.id).first('n')).toBe(1);
    expect(q.counts.all).toEqual({ pending: 5, approved: 0, redacted: 0, rejected: 0 });
    expect(q.counts.byQuestion.story.pending).toBe(3);
    expect(q.questions.map((x) => x.id)).toEqual(['pick', 'why_b', 'story']);
    const onlyPick = await review.queue(db(), network.id, slug, { question: 'pick' });
    expect(onlyPick.items.map((i) => i.text)).toEqual(['My own words']);
    expect(await review.pendingCount(db(), network.id, slug)).toBe(5);
  });

  it('pages the queue and falls back to sensible filters for unknown ones', async () => {
    const { network, slug } = await world(review.PAGE_SIZE + 3);
    const first = await review.queue(db(), network.id, slug, { status: 'nonsense', question: 'nope', page: 'x' });
    expect(first).toMatchObject({ page: 1, pages: 2, total: review.PAGE_SIZE + 3, filter: { status: 'pending', question: null } });
    expect(first.items).toHaveLength(review.PAGE_SIZE);
    const second = await review.queue(db(), network.id, slug, { page: 2 });
    expect(second.items.map((i) => i.text)).toEqual(['story 20', 'story 21', 'story 22']);
    expect((await review.queue(db(), network.id, slug, { page: 99 })).page).toBe(2);
  });
});

describe('review decisions', () => {
  it('approve, redact and reject are stored with who and when, audited without the words, and deciding the same again changes nothing', async () => {
    const { network, slug, actor } = await world(3);
    const [a, b, c] = (await all(network.id, slug, 'pending')).map((i) => i.id);

    expect(await review.decide(db(), actor, network.id, slug, { answer: String(a), decision: 'approve' })).toEqual({ status: 'approved', changed: true });
    expect(await reviewRow(a)).toEqual({ status: 'approved', redactedText: null, reviewedBy: actor.userId });
    expect(await auditCount(network.id)).toBe(1);
    // A double click or a resubmitted form: same state, no second audit entry.
    expect(await review.decide(db(), actor, network.id, slug, { answer: a, decision: 'approve' })).toEqual({ status: 'approved', changed: false });
    expect(await auditCount(network.id)).toBe(1);

    await review.decide(db(), actor, network.id, slug, { answer: b, decision: 'redact', text: '  [name] told a story\r\n ' });
    expect(await reviewRow(b)).toMatchObject({ status: 'redacted', redactedText: '[name] told a story' });
    expect((await review.decide(db(), actor, network.id, slug, { answer: b, decision: 'redact', text: '[name] told a story' })).changed).toBe(false);
    expect((await review.decide(db(), actor, network.id, slug, { answer: b, decision: 'redact', text: '[name] told a [place] story' })).changed).toBe(true);
    expect(await reviewRow(b)).toMatchObject({ redactedText: '[name] told a [place] story' });

    await review.decide(db(), actor, network.id, slug, { answer: c, decision: 'reject' });
    // A later, different decision replaces the earlier one; a redacted version does not outlive it.
    await review.decide(db(), actor, network.id, slug, { answer: b, decision: 'approve' });
    expect(await reviewRow(b)).toMatchObject({ status: 'approved', redactedText: null });
    expect(await auditCount(network.id)).toBe(5);

    const entries = await env.DB.prepare(`SELECT action, subject, details FROM audit_log WHERE network_id = ? AND action LIKE 'text.%' ORDER BY id`).bind(network.id).all();
    expect(entries.results.map((e) => e.action)).toEqual(['text.approve', 'text.redact', 'text.redact', 'text.reject', 'text.approve']);
    expect(JSON.parse(entries.results[4].details as string)).toEqual({ answer: b, question: 'story', from: 'redacted' });
    expect(JSON.stringify(entries.results)).not.toMatch(/story \d|told a/);

    const q = await review.queue(db(), network.id, slug, { status: 'approved' });
    expect(q.items.map((i) => i.id)).toEqual([a, b]);
    expect(q.items[0]).toMatchObject({ reviewedBy: actor.email, status: 'approved' });
    expect(q.counts.all).toEqual({ pending: 0, approved: 2, redacted: 0, rejected: 1 });
  });

  it.each([
    ['an empty redaction', { decision: 'redact', text: '   ' }, 'text', /Enter the answer as it should be shown/],
    ['no redacted text at all', { decision: 'redact' }, 'text', /Enter the answer/],
    ['a redaction the same as the original', { decision: 'redact', text: ' story 0 ' }, 'text', /same as the original/],
    ['a redaction that is too long', { decision: 'redact', text: 'x'.repeat(5001) }, 'text', /5,000 characters or fewer/],
    ['a redaction with control characters', { decision: 'redact', text: 'a\u0007b' }, 'text', /unusual characters/],
    ['an unknown decision', { decision: 'publish' }, 'decision', /approve, redact or reject/],
    ['an answer that is not a number', { decision: 'approve', answer: 'abc' }, 'answer', /answer number/]
  ])('refuses %s with a 400 naming the field, and changes nothing', async (_what, body, path, message) => {
    const { network, slug, actor } = await world(1);
    const id = await idOf(network.id, slug, 'story 0');
    await review.decide(db(), actor, network.id, slug, { answer: id, decision: 'approve' });
    const before = { row: await reviewRow(id), audit: await auditCount(network.id) };
    const e = await refusal(review.decide(db(), actor, network.id, slug, { answer: id, ...body }));
    expect(e).toBeInstanceOf(InvalidInput);
    expect(e.status).toBe(400);
    const problem = (e as InvalidInput).problems.find((p) => ('path' in p ? p.path : '') === path);
    expect(problem?.message).toMatch(message);
    expect({ row: await reviewRow(id), audit: await auditCount(network.id) }).toEqual(before);
  });

  it('refuses another network, another survey’s answer and answers that are not free text, changing nothing', async () => {
    const mine = await world(1);
    const theirs = await world(1);
    const myAnswer = await idOf(mine.network.id, mine.slug, 'story 0');
    const theirAnswer = await idOf(theirs.network.id, theirs.slug, 'story 0');
    // A member of another network naming this survey: as if it did not exist.
    expect(await refusal(review.queue(db(), theirs.network.id, mine.slug))).toBeInstanceOf(NotFound);
    expect(await refusal(review.pendingCount(db(), theirs.network.id, mine.slug))).toBeInstanceOf(NotFound);
    expect(await refusal(review.decide(db(), theirs.actor, theirs.network.id, mine.slug, { answer: myAnswer, decision: 'approve' }))).toBeInstanceOf(NotFound);
    expect(await refusal(review.createTheme(db(), theirs.actor, theirs.network.id, mine.slug, { name: 'Theirs' }))).toBeInstanceOf(NotFound);
    // An answer of another survey, through a survey one may review.
    const e = await refusal(review.decide(db(), mine.actor, mine.network.id, mine.slug, { answer: theirAnswer, decision: 'approve' }));
    expect(e.status).toBe(404);
    // A number answer, a date, a choice: not free text.
    const other = await env.DB.prepare(`SELECT id FROM answers WHERE survey_id = ? AND question_id IN ('count', 'when', 'ok')`).bind(mine.survey.id).all<{ id: number }>();
    for (const { id } of other.results) expect((await refusal(review.decide(db(), mine.actor, mine.network.id, mine.slug, { answer: id, decision: 'approve' }))).status).toBe(404);
    expect(await reviewRow(myAnswer)).toBeNull();
    expect(await reviewRow(theirAnswer)).toBeNull();
    expect(await auditCount(mine.network.id)).toBe(0);
    expect(await auditCount(theirs.network.id)).toBe(0);
  });
});

describe('themes', () => {
  it('are unique per survey whatever their case, tag reviewed answers only, and are audited', async () => {
    const { network, slug, actor } = await world(2);
    const other = await world(0);
    const [a, b] = (await all(network.id, slug, 'pending')).map((i) => i.id);
    const talk = await review.createTheme(db(), actor, network.id, slug, { name: '  Time   to talk ' });
    expect(talk.name).toBe('Time to talk');
    const dup = await refusal(review.createTheme(db(), actor, network.id, slug, { name: 'TIME TO TALK' }));
    expect(dup.status).toBe(400);
    expect((dup as InvalidInput).problems).toEqual([{ path: 'name', message: 'There is already a theme called “TIME TO TALK”' }]);
    expect(((await refusal(review.createTheme(db(), actor, network.id, slug, { name: '' }))) as InvalidInput).problems[0]).toMatchObject({ path: 'name' });
    expect(((await refusal(review.createTheme(db(), actor, network.id, slug, { name: 'x'.repeat(61) }))) as InvalidInput).problems[0]).toMatchObject({ path: 'name' });
    // The same name in another survey is fine.
    const elsewhere = await review.createTheme(db(), other.actor, other.network.id, other.slug, { name: 'Time to talk' });
    const money = await review.createTheme(db(), actor, network.id, slug, { name: 'Money' });

    // Pending answers are reviewed first.
    const pending = await refusal(review.tag(db(), actor, network.id, slug, { answer: a, themes: [talk.id] }));
    expect((pending as InvalidInput).problems).toEqual([{ path: 'themes', message: 'Approve, redact or reject this answer before tagging it' }]);
    await review.decide(db(), actor, network.id, slug, { answer: a, decision: 'approve' });
    await review.decide(db(), actor, network.id, slug, { answer: b, decision: 'reject' });
    const audit = await auditCount(network.id);
    expect(await review.tag(db(), actor, network.id, slug, { answer: a, themes: [talk.id, money.id] })).toEqual({ changed: true });
    expect(await review.tag(db(), actor, network.id, slug, { answer: a, themes: [money.id, talk.id, talk.id] })).toEqual({ changed: false });
    expect(await review.tag(db(), actor, network.id, slug, { answer: b, themes: [talk.id] })).toEqual({ changed: true });
    expect(await auditCount(network.id)).toBe(audit + 2);
    // Another survey's theme, or something that is not a theme id: refused, nothing changes.
    expect((await refusal(review.tag(db(), actor, network.id, slug, { answer: a, themes: [elsewhere.id] }))).status).toBe(400);
    expect((await refusal(review.tag(db(), actor, network.id, slug, { answer: a, themes: ['<script>'] }))).status).toBe(400);
    const q = await review.queue(db(), network.id, slug, { status: 'approved' });
    expect(q.items[0].themes.sort()).toEqual([talk.id, money.id].sort());
    // Untagging: an empty set.
    expect(await review.tag(db(), actor, network.id, slug, { answer: a })).toEqual({ changed: true });
    expect((await review.queue(db(), network.id, slug, { status: 'approved' })).items[0].themes).toEqual([]);
  });

  it('counts on the review page obey the group-size rule', async () => {
    const { network, slug, actor } = await world(8, { minGroupSize: 5 });
    const ids = (await all(network.id, slug, 'pending')).map((i) => i.id);
    const common = await review.createTheme(db(), actor, network.id, slug, { name: 'Common' });
    const rare = await review.createTheme(db(), actor, network.id, slug, { name: 'Rare' });
    const none = await review.createTheme(db(), actor, network.id, slug, { name: 'None yet' });
    for (const [i, id] of ids.entries()) {
      await review.decide(db(), actor, network.id, slug, { answer: id, decision: 'approve' });
      await review.tag(db(), actor, network.id, slug, { answer: id, themes: i < 6 ? (i < 2 ? [common.id, rare.id] : [common.id]) : [] });
    }
    const { themes } = await review.queue(db(), network.id, slug);
    expect(themes.find((t) => t.id === common.id)).toMatchObject({ count: 6, suppressed: false });
    expect(themes.find((t) => t.id === rare.id)).toMatchObject({ count: null, suppressed: true });
    expect(themes.find((t) => t.id === none.id)).toMatchObject({ count: 0, suppressed: false });
  });
});

describe('quotes in the results', () => {
  it('show approved words and redacted versions only, once enough people answered, with suppressed theme counts', async () => {
    const { network, slug, survey, actor } = await world(4, { minGroupSize: 5 });
    const cookie = await memberCookie(network.id, 'reviewer');
    const items = await all(network.id, slug, 'pending');
    const byText = (t: string) => items.find((i) => i.text === t)!.id;
    await review.decide(db(), actor, network.id, slug, { answer: byText('story 0'), decision: 'approve' });
    await review.decide(db(), actor, network.id, slug, { answer: byText('story 1'), decision: 'redact', text: 'A [name] story' });
    await review.decide(db(), actor, network.id, slug, { answer: byText('story 2'), decision: 'reject' });
    const theme = await review.createTheme(db(), actor, network.id, slug, { name: 'Stories' });
    for (const t of ['story 0', 'story 1', 'story 2']) await review.tag(db(), actor, network.id, slug, { answer: byText(t), themes: [theme.id] });

    // Four people: not enough for anything, approved or not.
    const early = await texts.quotes(db(), survey.id, ['story'], 5);
    expect(early).toEqual({ story: { shown: false, quotes: [], themes: [] } });
    let res = (await (await call(`/surveys/${slug}/results`, { headers: { cookie } })).json()) as Results;
    expect(res.quotes.story).toEqual({ shown: false, quotes: [], themes: [] });

    await respond(slug, { ...everyTypeAnswers, pick: { option: 'a' }, why_b: undefined, story: 'story 4' });
    res = (await (await call(`/surveys/${slug}/results`, { headers: { cookie } })).json()) as Results;
    // Sorted by their words, never by when they were sent.
    expect(res.quotes.story.quotes).toEqual(['A [name] story', 'story 0']);
    expect(res.quotes.story.shown).toBe(true);
    // Three tagged answers (one of them rejected) out of five: a figure below 5 is never shown.
    expect(res.quotes.story.themes).toEqual([{ id: theme.id, name: 'Stories', count: null, percent: null, suppressed: true }]);
    const body = JSON.stringify(res);
    for (const secret of ['story 1', 'story 2', 'story 3', 'story 4']) expect(body).not.toContain(secret);

    // Two more tagged: five of five shown.
    await review.decide(db(), actor, network.id, slug, { answer: byText('story 3'), decision: 'approve' });
    await review.tag(db(), actor, network.id, slug, { answer: byText('story 3'), themes: [theme.id] });
    const last = (await all(network.id, slug, 'pending')).find((i) => i.text === 'story 4')!.id;
    await review.decide(db(), actor, network.id, slug, { answer: last, decision: 'reject' });
    await review.tag(db(), actor, network.id, slug, { answer: last, themes: [theme.id] });
    const now = await texts.quotes(db(), survey.id, ['story', 'why_b', 'pick', 'not-a-question'], 5);
    expect(now.story.themes).toEqual([{ id: theme.id, name: 'Stories', count: 5, percent: 100, suppressed: false }]);
    expect(now.story.quotes).toEqual(['A [name] story', 'story 0', 'story 3']);
    // Nobody answered why_b; everyone answered pick but nobody wrote "other" words, and the
    // group for words is the people who wrote them, not everyone who answered.
    expect(now.why_b).toEqual({ shown: false, quotes: [], themes: [] });
    expect(now.pick).toEqual({ shown: false, quotes: [], themes: [] });
  });

  it('need at least the minimum number of people to have answered that question, not just the survey', async () => {
    const { network, slug, survey, actor } = await world(6, { minGroupSize: 5 });
    for (let i = 0; i < 4; i++) await respond(slug, { ...everyTypeAnswers, pick: { option: 'b' }, why_b: `because ${i}`, story: undefined });
    for (const item of await all(network.id, slug, 'pending')) await review.decide(db(), actor, network.id, slug, { answer: item.id, decision: 'approve' });
    const q = await texts.quotes(db(), survey.id, ['why_b', 'story'], 5);
    expect(q.why_b).toEqual({ shown: false, quotes: [], themes: [] });
    expect(q.story.quotes).toHaveLength(6);
    // One more person answers why_b: now five have.
    await respond(slug, { ...everyTypeAnswers, pick: { option: 'b' }, why_b: 'because 4', story: undefined });
    expect((await texts.quotes(db(), survey.id, ['why_b'], 5)).why_b).toEqual({ shown: true, quotes: ['because 0', 'because 1', 'because 2', 'because 3'], themes: [] });
  });

  it('are refused to a member of another network, and to data entry, like the figures', async () => {
    const { network, slug } = await world(5);
    const otherNetwork = await world(0);
    for (const cookie of [await memberCookie(otherNetwork.network.id, 'admin'), await memberCookie(network.id, 'data-entry')]) {
      const res = await call(`/surveys/${slug}/results`, { headers: { cookie } });
      expect(res.status).toBe(403);
      expect(await res.text()).not.toContain('story');
    }
  });
});
