import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import * as links from '../../worker/links/service';
import * as organisations from '../../worker/organisations/service';
import * as responses from '../../worker/responses/service';
import * as surveys from '../../worker/surveys/service';
import { SYSTEM } from '../../worker/audit/service';
import { Forbidden, InvalidInput, InvalidLink, NotFound } from '../../worker/errors';
import type { SurveyDefinition } from '../../schema/survey-definition';
import { db, publishedSurvey } from './helpers';

const pepper = () => env.PASSWORD_PEPPER;
const twoPages: SurveyDefinition = {
  format: 1,
  title: 'Two pages',
  pages: [
    { id: 'p1', questions: [{ id: 'ok', type: 'yes_no', title: 'OK?', required: true }] },
    { id: 'p2', questions: [{ id: 'more', type: 'text', title: 'More?' }] }
  ]
};

async function setup() {
  const s = await publishedSurvey(twoPages);
  const definition = await surveys.definitionOf(db(), s.survey.id, 1);
  const survey = (await surveys.findBySlug(db(), s.slug))!;
  return { ...s, survey, target: { surveyId: s.survey.id, version: 1, definition } };
}

/** Answer both pages of the survey as the page flow does, with a source. */
async function answerAll(t: Awaited<ReturnType<typeof setup>>, responseId: string, source: links.Source, submittedBy?: string) {
  const first = await responses.answerPage(db(), t.target, { responseId, page: 0, answers: { ok: 'yes' }, language: 'en', direction: 'next', source });
  expect(first).toEqual({ kind: 'page', page: 1 });
  return responses.answerPage(db(), t.target, { responseId, page: 1, answers: { more: 'thanks' }, language: 'en', direction: 'next', source, submittedBy });
}

const row = (id: string) => env.DB.prepare('SELECT status, link_id, mode, entered_by FROM responses WHERE id = ?').bind(id).first<Record<string, string | null>>();

describe('public and kiosk links', () => {
  it('a response that starts from a link is counted on it, with the kiosk mode for kiosks', async () => {
    const t = await setup();
    const poster = await links.createLink(db(), SYSTEM, t.network.id, t.slug, { label: '  QR poster, Hall of Memory ', area: 'City centre' });
    expect(poster).toMatchObject({ kind: 'public', label: 'QR poster, Hall of Memory', area: 'City centre' });
    expect(poster.code).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);
    const kiosk = await links.createLink(db(), SYSTEM, t.network.id, t.slug, { kind: 'kiosk', label: 'Tablet at the fair' });
    expect((await links.byCode(db(), poster.code!.toLowerCase()))?.id).toBe(poster.id);

    const a = crypto.randomUUID();
    const viaPoster = await links.sourceOf(db(), t.survey, a, { via: poster.code });
    expect(await answerAll(t, a, viaPoster)).toEqual({ kind: 'done', duplicate: false });
    const b = crypto.randomUUID();
    const viaKiosk = await links.sourceOf(db(), t.survey, b, { via: kiosk.code });
    expect(viaKiosk).toMatchObject({ mode: 'kiosk', kiosk: kiosk.code });
    await answerAll(t, b, viaKiosk);
    expect(await row(a)).toMatchObject({ status: 'complete', link_id: poster.id, mode: 'online' });
    expect(await row(b)).toMatchObject({ status: 'complete', link_id: kiosk.id, mode: 'kiosk' });

    const listed = (await links.list(db(), t.network.id, t.slug)).links;
    expect(listed.find((l) => l.id === poster.id)).toMatchObject({ complete: 1, partial: 0 });
    expect(listed.find((l) => l.id === kiosk.id)).toMatchObject({ complete: 1 });
  });

  it('a code of another survey, a withdrawn link or a made-up code count as the survey’s own address', async () => {
    const t = await setup();
    const other = await setup();
    const theirs = await links.createLink(db(), SYSTEM, other.network.id, other.slug, { label: 'Theirs' });
    const mine = await links.createLink(db(), SYSTEM, t.network.id, t.slug, { label: 'Mine' });
    await links.withdraw(db(), SYSTEM, t.network.id, t.slug, mine.id);
    for (const via of [theirs.code, mine.code, 'ZZZZZZ', '<script>', null])
      expect(await links.sourceOf(db(), t.survey, crypto.randomUUID(), { via })).toMatchObject({ linkId: null, mode: 'online' });
  });

  it('refuses bad input and another network’s survey, storing nothing', async () => {
    const t = await setup();
    const other = await setup();
    for (const bad of [{}, { label: '' }, { label: 'x'.repeat(121) }, { label: 'a\nb' }, { label: 'ok', kind: 'organisation' }, { label: 'ok', area: 5 }])
      await expect(links.createLink(db(), SYSTEM, t.network.id, t.slug, bad)).rejects.toBeInstanceOf(InvalidInput);
    await expect(links.createLink(db(), SYSTEM, other.network.id, t.slug, { label: 'sneaky' })).rejects.toBeInstanceOf(NotFound);
    await expect(links.withdraw(db(), SYSTEM, other.network.id, t.slug, 'x')).rejects.toBeInstanceOf(NotFound);
    expect((await links.list(db(), t.network.id, t.slug)).links).toHaveLength(0);
  });
});

describe('organisation invitations', () => {
  async function invited() {
    const t = await setup();
    await organisations.create(db(), SYSTEM, t.network.id, { name: 'Acme Care Ltd', kind: 'care_home', area: 'Ladywood' });
    await organisations.create(db(), SYSTEM, t.network.id, { name: 'Bolt & Co', kind: 'employer' });
    expect(await links.createInvitations(db(), SYSTEM, t.network.id, t.slug, { kinds: ['care_home'] })).toEqual({ created: 1 });
    // Repeating, or widening the kinds, never gives an organisation a second invitation.
    expect(await links.createInvitations(db(), SYSTEM, t.network.id, t.slug, { kinds: ['care_home'] })).toEqual({ created: 0 });
    expect(await links.createInvitations(db(), SYSTEM, t.network.id, t.slug, { kinds: ['care_home', 'employer'] })).toEqual({ created: 1 });
    const { invitations } = await links.invitations(db(), pepper(), 'https://surveys.example.org', t.network.id, t.slug);
    const acme = invitations.find((i) => i.organisation === 'Acme Care Ltd')!;
    expect(acme.status).toBe('not opened');
    expect(acme.url).toMatch(/^https:\/\/surveys\.example\.org\/i\/[a-z2-7]{28}$/);
    return { ...t, acme, token: acme.url.split('/i/')[1] };
  }

  it('everyone who opens the link continues one response; a named person sends it once; then it is read-only', async () => {
    const t = await invited();
    const opened = await links.openInvitation(db(), pepper(), t.token);
    expect(opened).toMatchObject({ organisation: 'Acme Care Ltd', submitted: false, slug: t.slug });
    const again = await links.openInvitation(db(), pepper(), t.token);
    expect(again.responseId).toBe(opened.responseId);

    // Two colleagues answer the first page at the same moment: one response, not two.
    const source = await links.sourceOf(db(), t.survey, opened.responseId);
    expect(source).toMatchObject({ organisation: 'Acme Care Ltd', linkId: t.acme.id });
    await Promise.all([0, 1].map(() => responses.answerPage(db(), t.target, { responseId: opened.responseId, page: 0, answers: { ok: 'no' }, language: 'en', direction: 'next', source })));
    expect(await env.DB.prepare('SELECT count(*) AS n FROM responses WHERE survey_id = ?').bind(t.survey.id).first('n')).toBe(1);
    let listed = await links.invitations(db(), pepper(), 'https://x.example', t.network.id, t.slug);
    expect(listed.invitations.find((i) => i.id === t.acme.id)?.status).toBe('in progress');

    // The last page needs the sender's name.
    const unnamed = await responses.answerPage(db(), t.target, { responseId: opened.responseId, page: 1, answers: {}, language: 'en', direction: 'next', source, submittedBy: '  ' });
    expect(unnamed).toMatchObject({ kind: 'errors', errors: [{ question: responses.SUBMITTED_BY }] });
    expect(await row(opened.responseId)).toMatchObject({ status: 'partial' });
    const sent = await responses.answerPage(db(), t.target, { responseId: opened.responseId, page: 1, answers: { more: 'done' }, language: 'en', direction: 'next', source, submittedBy: 'Sam Patel, manager' });
    expect(sent).toEqual({ kind: 'done', duplicate: false });
    const dup = await responses.answerPage(db(), t.target, { responseId: opened.responseId, page: 1, answers: { more: 'changed' }, language: 'en', direction: 'next', source, submittedBy: 'Someone else' });
    expect(dup).toEqual({ kind: 'done', duplicate: true });

    const after = await links.openInvitation(db(), pepper(), t.token);
    expect(after).toMatchObject({ submitted: true });
    expect(after.link).toMatchObject({ submittedBy: 'Sam Patel, manager' });
    expect((await responses.submitted(db(), opened.responseId))?.answers).toEqual({ ok: 'no', more: 'done' });
    listed = await links.invitations(db(), pepper(), 'https://x.example', t.network.id, t.slug);
    expect(listed.invitations.find((i) => i.id === t.acme.id)?.status).toBe('submitted');
  });

  it('forged, altered and withdrawn links are refused', async () => {
    const t = await invited();
    const flipped = t.token.slice(0, -1) + (t.token.endsWith('a') ? 'b' : 'a');
    for (const bad of [flipped, 'a'.repeat(28), t.token.slice(0, 27), `${t.token}x`, '../../etc', ''])
      await expect(links.openInvitation(db(), pepper(), bad)).rejects.toBeInstanceOf(InvalidLink);
    await expect(links.openInvitation(db(), 'another-secret', t.token)).rejects.toBeInstanceOf(InvalidLink);
    await links.withdraw(db(), SYSTEM, t.network.id, t.slug, t.acme.id);
    await expect(links.openInvitation(db(), pepper(), t.token)).rejects.toThrow(/withdrawn/);
  });

  it('the JSON API cannot send an organisation’s answers without its named person', async () => {
    const t = await invited();
    const opened = await links.openInvitation(db(), pepper(), t.token);
    await expect(responses.submit(db(), t.slug, { id: opened.responseId, answers: { ok: 'yes' } })).rejects.toBeInstanceOf(InvalidInput);
    expect(await row(opened.responseId)).toBeNull();
  });
});

describe('single-use cards', () => {
  it('each card allows one response; a used card is refused and no longer knows its response', async () => {
    const t = await setup();
    const pack = await links.createPack(db(), SYSTEM, t.network.id, t.slug, { label: 'Wing B', count: '3' });
    const printed = await links.packCards(db(), pepper(), 'https://s.example', t.network.id, t.slug, pack.id);
    expect(printed.cards).toHaveLength(3);
    expect(new Set(printed.cards.map((c) => c.url)).size).toBe(3);
    const token = printed.cards[0].url.split('/c/')[1];

    const card = await links.openCard(db(), pepper(), token);
    expect((await links.openCard(db(), pepper(), token)).responseId).toBe(card.responseId);
    const source = await links.sourceOf(db(), t.survey, card.responseId);
    expect(source).toMatchObject({ card: true, linkId: pack.id });
    expect(await answerAll(t, card.responseId, source)).toEqual({ kind: 'done', duplicate: false });

    await expect(links.openCard(db(), pepper(), token)).rejects.toThrow(/already been used/);
    expect(await env.DB.prepare('SELECT count(*) AS n FROM cards WHERE response_id = ?').bind(card.responseId).first('n')).toBe(0);
    const listed = (await links.list(db(), t.network.id, t.slug)).links.find((l) => l.id === pack.id)!;
    expect(listed).toMatchObject({ used: 1, complete: 1, cardCount: 3 });
    // Reprinting leaves the used card out of nothing: it is marked, so volunteers can skip it.
    expect((await links.packCards(db(), pepper(), 'https://s.example', t.network.id, t.slug, pack.id)).cards.filter((c) => c.used)).toHaveLength(1);
  });

  it('refuses packs of no cards or too many, and tokens of another kind', async () => {
    const t = await setup();
    for (const count of [0, -1, 501, 'many', 2.5]) await expect(links.createPack(db(), SYSTEM, t.network.id, t.slug, { label: 'x', count })).rejects.toBeInstanceOf(InvalidInput);
    await organisations.create(db(), SYSTEM, t.network.id, { name: 'Org', kind: 'employer' });
    await links.createInvitations(db(), SYSTEM, t.network.id, t.slug, { kinds: ['employer'] });
    const { invitations } = await links.invitations(db(), pepper(), 'https://x', t.network.id, t.slug);
    // An invitation's token is not a card's, even though both are made the same way.
    await expect(links.openCard(db(), pepper(), invitations[0].url.split('/i/')[1])).rejects.toBeInstanceOf(InvalidLink);
  });
});

describe('surveys by invitation', () => {
  it('take no response that does not come through an invitation, a card or a member', async () => {
    const t = await setup();
    await surveys.setAccess(db(), SYSTEM, t.survey.id, 'invitation');
    const survey = (await surveys.findBySlug(db(), t.slug))!;
    await expect(links.sourceOf(db(), survey, crypto.randomUUID())).rejects.toBeInstanceOf(Forbidden);
    await expect(links.createLink(db(), SYSTEM, t.network.id, t.slug, { label: 'Poster' })).rejects.toBeInstanceOf(InvalidInput);
    const id = crypto.randomUUID();
    await expect(responses.submit(db(), t.slug, { id, answers: { ok: 'yes' } })).rejects.toBeInstanceOf(Forbidden);
    expect(await row(id)).toBeNull();
    expect(await links.sourceOf(db(), survey, crypto.randomUUID(), { member: { userId: 'u1', mode: 'paper' } })).toMatchObject({ mode: 'paper', enteredBy: 'u1' });
    await expect(surveys.setAccess(db(), SYSTEM, t.survey.id, 'everyone')).rejects.toBeInstanceOf(InvalidInput);
  });
});
