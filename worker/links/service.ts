/**
 * Ways into a survey, and what each response came through.
 *
 * - Public links (posters, QR codes) and kiosk links: a short public code, /l/<code>.
 * - Organisation invitations: one per organisation in the register, /i/<token>. Every
 *   opener continues the same reserved response; a named person sends it once.
 * - Packs of anonymous single-use cards: /c/<token> per card. A card reserves one
 *   response; when it completes the card is marked used and forgets the response.
 *
 * Invitation and card tokens are the row id plus a keyed hash of it (HMAC-SHA256 with the
 * Worker's secret), so nothing that opens a survey is stored, yet packs and mail-merge
 * files can be printed again. Changing the secret invalidates every token.
 */
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { cards, links, LINK_KINDS, organisations, ORGANISATION_KINDS, responses, surveys, RESPONSE_MODES } from '../../schema/tables';
import { entry, type Actor } from '../audit/service';
import { batch, type Db } from '../db';
import { Forbidden, InvalidInput, InvalidLink, NotFound } from '../errors';

export type Link = typeof links.$inferSelect;
export type LinkKind = (typeof LINK_KINDS)[number];
type Mode = (typeof RESPONSE_MODES)[number];
type SurveyRow = typeof surveys.$inferSelect;

/** Letters and digits nobody confuses when reading a poster aloud. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** The most cards one pack may hold (a print run a volunteer can cut and count). */
export const MAX_PACK = 500;
/** D1 binds at most 100 parameters per statement. */
const CARDS_PER_INSERT = 30;
const LINKS_PER_INSERT = 9;

function randomCode(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

const B32 = 'abcdefghijklmnopqrstuvwxyz234567';
function base32(bytes: Uint8Array, chars: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

const ID_LENGTH = 12;
const MAC_LENGTH = 16;
function newId(): string {
  return base32(crypto.getRandomValues(new Uint8Array(8)), ID_LENGTH);
}

async function mac(secret: string, purpose: string, id: string): Promise<string> {
  if (!secret) throw new Error('The Worker secret PASSWORD_PEPPER is not set');
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const sig = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`survey-link:${purpose}:${id}`));
  return base32(new Uint8Array(sig), MAC_LENGTH);
}

/** The secret token for an invitation or a card. */
export async function tokenFor(secret: string, purpose: 'invitation' | 'card', id: string): Promise<string> {
  return id + (await mac(secret, purpose, id));
}

/** The row id a token stands for, if its keyed hash holds (compared in constant time). */
export async function idFromToken(secret: string, purpose: 'invitation' | 'card', token: string): Promise<string | null> {
  if (!/^[a-z2-7]+$/.test(token) || token.length !== ID_LENGTH + MAC_LENGTH) return null;
  const id = token.slice(0, ID_LENGTH);
  const expected = await mac(secret, purpose, id);
  let diff = 0;
  for (let i = 0; i < MAC_LENGTH; i++) diff |= expected.charCodeAt(i) ^ token.charCodeAt(ID_LENGTH + i);
  return diff === 0 ? id : null;
}

/** A public code as typed from a poster: capitals, no spaces. */
export function normaliseCode(code: string): string | null {
  const c = code.toUpperCase().replace(/\s/g, '');
  return /^[2-9A-HJ-NP-Z]{6}$/.test(c) ? c : null;
}

const NO_CONTROLS = /^[^\p{Cc}\u2028\u2029]*$/u;
const line = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .normalize('NFC')
    .max(max, `must be at most ${max} characters`)
    .regex(NO_CONTROLS, 'must be one line of text');

/** A public or kiosk link as an editor describes it. */
export const LinkInput = z.object({
  kind: z.enum(['public', 'kiosk'], { error: 'must be a public link or a kiosk' }).default('public'),
  label: line(120).min(1, 'is required: say where the link will be used, like "QR poster, Hall of Memory"'),
  area: line(100).default('')
});

/** A pack of single-use cards. */
export const PackInput = z.object({
  label: line(120).min(1, 'is required: say where the cards will be handed out'),
  area: line(100).default(''),
  count: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(MAX_PACK, `must be at most ${MAX_PACK}`)
});

function invalid(error: z.ZodError, what: string): InvalidInput {
  return new InvalidInput(
    what,
    error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }))
  );
}

/** A survey of a network, by slug (NotFound for another network's). */
async function surveyIn(db: Db, networkId: string, slug: string): Promise<SurveyRow> {
  const survey = await db.select().from(surveys).where(and(eq(surveys.slug, slug), eq(surveys.networkId, networkId))).get();
  if (!survey) throw new NotFound('No such survey in this network.');
  return survey;
}

/** Create a public or kiosk link with a fresh short code. */
export async function createLink(db: Db, actor: Actor, networkId: string, slug: string, input: unknown): Promise<Link> {
  const survey = await surveyIn(db, networkId, slug);
  const parsed = LinkInput.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, 'The link has problems');
  if (survey.access === 'invitation')
    throw new InvalidInput('This survey is by invitation only, so it has no public links. Use organisation invitations or single-use cards.');
  // Codes are random over 31^6 (~900 million); on the rare clash, draw again.
  for (let attempt = 0; ; attempt++) {
    const code = randomCode(6);
    try {
      const [rows] = await db.batch([
        db
          .insert(links)
          .values({ id: newId(), surveyId: survey.id, kind: parsed.data.kind, code, label: parsed.data.label, area: parsed.data.area, createdBy: actor.userId })
          .returning(),
        entry(db, actor, networkId, `link.create`, slug, { kind: parsed.data.kind, label: parsed.data.label, code })
      ]);
      return rows[0];
    } catch (e) {
      if (attempt < 3 && String((e as Error).cause ?? e).includes('UNIQUE')) continue;
      throw e;
    }
  }
}

/** Stop a link, invitation or pack taking new responses. Results keep what came through it. */
export async function withdraw(db: Db, actor: Actor, networkId: string, slug: string, linkId: string): Promise<void> {
  const survey = await surveyIn(db, networkId, slug);
  const link = await db.select().from(links).where(and(eq(links.id, linkId), eq(links.surveyId, survey.id))).get();
  if (!link) throw new NotFound('No such link.');
  if (link.withdrawnAt) return;
  await db.batch([
    db.update(links).set({ withdrawnAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` }).where(eq(links.id, link.id)),
    entry(db, actor, networkId, 'link.withdraw', slug, { kind: link.kind, label: link.label })
  ]);
}

/** A link with how many responses it has brought: complete, and started but not sent. */
export type LinkSummary = Link & { complete: number; partial: number; organisation: string | null; organisationKind: string | null; used: number };

/** Every way into a survey, with its responses, oldest first. */
export async function list(db: Db, networkId: string, slug: string): Promise<{ survey: SurveyRow; links: LinkSummary[] }> {
  const survey = await surveyIn(db, networkId, slug);
  const rows = await db
    .select({ link: links, organisation: organisations.name, organisationKind: organisations.kind })
    .from(links)
    .leftJoin(organisations, eq(organisations.id, links.organisationId))
    .where(eq(links.surveyId, survey.id))
    .orderBy(asc(links.createdAt), asc(links.label))
    .all();
  const counts = await db
    .select({ linkId: responses.linkId, status: responses.status, n: count() })
    .from(responses)
    .where(and(eq(responses.surveyId, survey.id), sql`${responses.linkId} IS NOT NULL`))
    .groupBy(responses.linkId, responses.status)
    .all();
  const used = await db
    .select({ linkId: cards.linkId, n: count() })
    .from(cards)
    .innerJoin(links, eq(links.id, cards.linkId))
    .where(and(eq(links.surveyId, survey.id), sql`${cards.usedAt} IS NOT NULL`))
    .groupBy(cards.linkId)
    .all();
  const tally = (id: string, status: 'complete' | 'partial') => counts.find((c) => c.linkId === id && c.status === status)?.n ?? 0;
  return {
    survey,
    links: rows.map(({ link, organisation, organisationKind }) => ({
      ...link,
      organisation,
      organisationKind,
      complete: tally(link.id, 'complete'),
      partial: tally(link.id, 'partial'),
      used: used.find((u) => u.linkId === link.id)?.n ?? 0
    }))
  };
}

/** Which organisation kinds a survey is usually for, from its slug (the editor can choose others). */
export function defaultKinds(slug: string): (typeof ORGANISATION_KINDS)[number][] {
  if (/care/.test(slug)) return ['care_home'];
  if (/employ/.test(slug)) return ['employer'];
  return [];
}

export const InvitationInput = z.object({
  kinds: z
    .array(z.enum(ORGANISATION_KINDS, { error: 'is not a kind of organisation' }))
    .min(1, 'choose at least one kind of organisation')
});

/**
 * One invitation per organisation of the chosen kinds that has none for this survey yet.
 * Safe to repeat: an organisation never gets a second invitation (unique per survey).
 */
export async function createInvitations(db: Db, actor: Actor, networkId: string, slug: string, input: unknown): Promise<{ created: number }> {
  const survey = await surveyIn(db, networkId, slug);
  const parsed = InvitationInput.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, 'Choose who to invite');
  const orgs = await db
    .select({ id: organisations.id, name: organisations.name, area: organisations.area })
    .from(organisations)
    .leftJoin(links, and(eq(links.organisationId, organisations.id), eq(links.surveyId, survey.id)))
    .where(and(eq(organisations.networkId, networkId), inArray(organisations.kind, parsed.data.kinds), isNull(links.id)))
    .all();
  const rows = orgs.map((o) => ({
    id: newId(),
    surveyId: survey.id,
    kind: 'organisation' as const,
    label: o.name,
    area: o.area,
    organisationId: o.id,
    responseId: crypto.randomUUID(),
    createdBy: actor.userId
  }));
  const statements = [];
  for (let i = 0; i < rows.length; i += LINKS_PER_INSERT) statements.push(db.insert(links).values(rows.slice(i, i + LINKS_PER_INSERT)).onConflictDoNothing());
  if (rows.length) statements.push(entry(db, actor, networkId, 'invitation.create', slug, { organisations: rows.length, kinds: parsed.data.kinds }));
  await batch(db, statements);
  return { created: rows.length };
}

/** Where an organisation's invitation stands. */
export type InvitationStatus = 'not opened' | 'in progress' | 'submitted';

export function invitationStatus(link: LinkSummary): InvitationStatus {
  if (link.complete > 0 || link.submittedAt) return 'submitted';
  if (link.partial > 0 || link.openedAt) return link.partial > 0 ? 'in progress' : 'not opened';
  return 'not opened';
}

/** The invitations of a survey with their links, for the status table and the mail-merge CSV. */
export async function invitations(db: Db, secret: string, origin: string, networkId: string, slug: string) {
  const { survey, links: all } = await list(db, networkId, slug);
  const mine = all.filter((l) => l.kind === 'organisation');
  return {
    survey,
    invitations: await Promise.all(
      mine.map(async (l) => ({ ...l, status: invitationStatus(l), url: `${origin}/i/${await tokenFor(secret, 'invitation', l.id)}` }))
    )
  };
}

/** Print a pack of N single-use cards; each reserves a response of its own. */
export async function createPack(db: Db, actor: Actor, networkId: string, slug: string, input: unknown): Promise<Link> {
  const survey = await surveyIn(db, networkId, slug);
  const parsed = PackInput.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, 'The pack has problems');
  const linkId = newId();
  const cardRows = Array.from({ length: parsed.data.count }, () => ({ id: newId(), linkId, responseId: crypto.randomUUID() }));
  const inserts = [];
  for (let i = 0; i < cardRows.length; i += CARDS_PER_INSERT) inserts.push(db.insert(cards).values(cardRows.slice(i, i + CARDS_PER_INSERT)));
  const [rows] = (await batch(db, [
    db
      .insert(links)
      .values({ id: linkId, surveyId: survey.id, kind: 'cards', label: parsed.data.label, area: parsed.data.area, cardCount: parsed.data.count, createdBy: actor.userId })
      .returning(),
    ...inserts,
    entry(db, actor, networkId, 'cards.create', slug, { label: parsed.data.label, count: parsed.data.count })
  ])) as [Link[]];
  return rows[0];
}

/** A pack's cards with their URLs, in print order; used cards are marked. */
export async function packCards(db: Db, secret: string, origin: string, networkId: string, slug: string, linkId: string) {
  const survey = await surveyIn(db, networkId, slug);
  const link = await db.select().from(links).where(and(eq(links.id, linkId), eq(links.surveyId, survey.id), eq(links.kind, 'cards'))).get();
  if (!link) throw new NotFound('No such pack of cards.');
  const rows = await db.select().from(cards).where(eq(cards.linkId, link.id)).orderBy(sql`rowid`).all();
  return {
    survey,
    link,
    cards: await Promise.all(rows.map(async (c, i) => ({ number: i + 1, used: c.usedAt !== null, url: `${origin}/c/${await tokenFor(secret, 'card', c.id)}` })))
  };
}

/** A public or kiosk link by its code, for /l/<code>. Withdrawn links and closed surveys are for the caller to explain. */
export async function byCode(db: Db, code: string): Promise<(Link & { slug: string }) | null> {
  const c = normaliseCode(code);
  if (!c) return null;
  const row = await db
    .select({ link: links, slug: surveys.slug })
    .from(links)
    .innerJoin(surveys, eq(surveys.id, links.surveyId))
    .where(and(eq(links.code, c), inArray(links.kind, ['public', 'kiosk'])))
    .get();
  return row ? { ...row.link, slug: row.slug } : null;
}

const WITHDRAWN = 'This link has been withdrawn, so it no longer takes answers. If you were asked to take part, please ask the person who gave it to you for a new one.';

/** Open an organisation's invitation: its reserved response, and whether it has been sent. */
export async function openInvitation(db: Db, secret: string, token: string) {
  const id = await idFromToken(secret, 'invitation', token);
  const row = id
    ? await db
        .select({ link: links, slug: surveys.slug, organisation: organisations.name, status: responses.status })
        .from(links)
        .innerJoin(surveys, eq(surveys.id, links.surveyId))
        .leftJoin(organisations, eq(organisations.id, links.organisationId))
        .leftJoin(responses, eq(responses.id, links.responseId))
        .where(and(eq(links.id, id), eq(links.kind, 'organisation')))
        .get()
    : undefined;
  if (!row) throw new InvalidLink('This invitation link is not valid. Check that the whole link was copied, or ask the network for a new one.');
  const submitted = row.status === 'complete';
  if (!submitted && row.link.withdrawnAt) throw new InvalidLink(WITHDRAWN);
  if (!row.link.openedAt) await db.update(links).set({ openedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` }).where(and(eq(links.id, row.link.id), isNull(links.openedAt)));
  return { link: row.link, slug: row.slug, organisation: row.organisation ?? row.link.label, responseId: row.link.responseId!, submitted };
}

/** Open a single-use card: the response it reserves, or a polite refusal once it has been used. */
export async function openCard(db: Db, secret: string, token: string) {
  const id = await idFromToken(secret, 'card', token);
  const row = id
    ? await db
        .select({ card: cards, link: links, slug: surveys.slug })
        .from(cards)
        .innerJoin(links, eq(links.id, cards.linkId))
        .innerJoin(surveys, eq(surveys.id, links.surveyId))
        .where(eq(cards.id, id))
        .get()
    : undefined;
  if (!row) throw new InvalidLink('This card’s code is not valid. Check that it was typed or scanned in full.');
  if (row.card.usedAt || !row.card.responseId)
    throw new InvalidLink('This card has already been used. Each card is for one response only. Thank you for taking part – if you have not answered yet, please ask for a new card.');
  if (row.link.withdrawnAt) throw new InvalidLink(WITHDRAWN);
  return { slug: row.slug, responseId: row.card.responseId };
}

/** Where a new response comes from: recorded on the response when it is first stored. */
export type Source = {
  mode: Mode;
  linkId: string | null;
  enteredBy: string | null;
  /** Organisation invitations: a named person must send it. */
  organisation: string | null;
  /** Single-use cards: the card is spent when this response completes. */
  card: boolean;
  /** Kiosk links: the code to start the next person's response with. */
  kiosk: string | null;
};

const OWN: Source = { mode: 'online', linkId: null, enteredBy: null, organisation: null, card: false, kiosk: null };

/**
 * What a response to this survey came through: a reserved invitation or card response,
 * a public or kiosk link named by `via`, or a member keying it in. A survey by invitation
 * takes nothing else. A `via` code of another survey, or a withdrawn one, counts as none.
 */
export async function sourceOf(
  db: Db,
  survey: { id: string; access: string },
  responseId: string,
  opts: { via?: string | null; member?: { userId: string; mode: 'paper' | 'assisted' } | null } = {}
): Promise<Source> {
  const reserved = await db
    .select({ link: links, organisation: organisations.name })
    .from(links)
    .leftJoin(organisations, eq(organisations.id, links.organisationId))
    .where(eq(links.responseId, responseId))
    .get();
  if (reserved) {
    if (reserved.link.surveyId !== survey.id) throw new Forbidden('This response belongs to a different survey.');
    return { ...OWN, linkId: reserved.link.id, organisation: reserved.organisation ?? reserved.link.label };
  }
  const card = await db.select({ linkId: cards.linkId }).from(cards).innerJoin(links, eq(links.id, cards.linkId)).where(and(eq(cards.responseId, responseId), eq(links.surveyId, survey.id))).get();
  if (card) return { ...OWN, linkId: card.linkId, card: true };
  if (opts.member) return { ...OWN, mode: opts.member.mode, enteredBy: opts.member.userId };

  const existing = await db.select({ linkId: responses.linkId, mode: responses.mode }).from(responses).where(eq(responses.id, responseId)).get();
  if (existing) {
    const link = existing.linkId ? await db.select().from(links).where(eq(links.id, existing.linkId)).get() : undefined;
    return { ...OWN, mode: existing.mode, linkId: existing.linkId, kiosk: link?.kind === 'kiosk' ? link.code : null };
  }
  if (survey.access === 'invitation') throw new Forbidden(BY_INVITATION);
  const link = opts.via ? await byCode(db, opts.via) : null;
  if (!link || link.surveyId !== survey.id || link.withdrawnAt) return OWN;
  return { ...OWN, mode: link.kind === 'kiosk' ? 'kiosk' : 'online', linkId: link.id, kiosk: link.kind === 'kiosk' ? link.code : null };
}

export const BY_INVITATION =
  'This survey is by invitation only. Please use the link your organisation was sent, or the card you were given. If you think you should have one, contact the network that runs the survey.';

/** Statements for the completing batch: spend the card, record who sent an organisation's answers. */
export function onComplete(db: Db, responseId: string, source: Pick<Source, 'card' | 'organisation'>, submittedBy: string | null) {
  const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
  const out = [];
  if (source.card) out.push(db.update(cards).set({ usedAt: now, responseId: null }).where(and(eq(cards.responseId, responseId), isNull(cards.usedAt))));
  if (source.organisation)
    out.push(db.update(links).set({ submittedBy, submittedAt: now }).where(and(eq(links.responseId, responseId), isNull(links.submittedAt))));
  return out;
}

/** One public or kiosk link of a network's survey (NotFound otherwise). */
export async function publicLink(db: Db, networkId: string, slug: string, linkId: string): Promise<Link> {
  const survey = await surveyIn(db, networkId, slug);
  const link = await db
    .select()
    .from(links)
    .where(and(eq(links.id, linkId), eq(links.surveyId, survey.id), inArray(links.kind, ['public', 'kiosk'])))
    .get();
  if (!link) throw new NotFound('No such link.');
  return link;
}
