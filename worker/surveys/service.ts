/** Surveys: creating drafts, publishing frozen versions, finding what respondents may answer. */
import { and, desc, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { defaultMinGroupSize, parseDefinition, type SurveyDefinition } from '../../schema/survey-definition';
import { networks, surveys, surveyVersions, tallies } from '../../schema/tables';
import * as audit from '../audit/service';
import { batch, rawInBatch, type Db } from '../db';
import { Conflict, InvalidInput, NotFound, SurveyClosed } from '../errors';

/** A survey row as stored. */
export type Survey = typeof surveys.$inferSelect;

/** A survey open for answers, with the exact published definition respondents get. */
export type PublishedSurvey = {
  survey: Survey;
  network: { id: string; slug: string; name: string; isDemo: boolean };
  version: number;
  definition: SurveyDefinition;
};

/** Create a survey from a definition (validated) as a draft in a network. */
export async function create(
  db: Db,
  input: { networkId: string; slug: string; definition: unknown; minGroupSize?: number }
): Promise<Survey> {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(input.slug))
    throw new InvalidInput('A survey address may use only lower-case letters, digits and dashes', [
      { path: 'slug', message: 'use only a-z, 0-9 and "-"' }
    ]);
  const parsed = parseDefinition(input.definition);
  if (!parsed.ok) throw new InvalidInput('The survey definition has problems', parsed.problems);
  const existing = await db.select({ id: surveys.id }).from(surveys).where(eq(surveys.slug, input.slug)).get();
  if (existing) throw new Conflict(`The address /s/${input.slug} is already used by another survey`);
  const [row] = await db
    .insert(surveys)
    .values({
      id: crypto.randomUUID(),
      networkId: input.networkId,
      slug: input.slug,
      draft: parsed.definition,
      minGroupSize: input.minGroupSize ?? defaultMinGroupSize(parsed.definition.sensitivity)
    })
    .returning()
    .catch((e: unknown) => {
      // Two surveys made with one address at the same moment: the second finds it taken.
      if (String((e as Error)?.message ?? e).includes('UNIQUE constraint failed')) throw new Conflict(`The address /s/${input.slug} is already used by another survey`);
      throw e;
    });
  return row;
}

/**
 * Publish the draft as the next frozen version and open the survey. The draft is
 * validated again: nothing the schema rejects is ever published. What is frozen is the
 * draft exactly as validated: the insert only happens while the draft is still at the
 * revision read here (and at `expectedRevision`, the one an editor reviewed, if given) and
 * no other version has been published meanwhile; otherwise it is refused as a conflict.
 */
export async function publish(db: Db, surveyId: string, actor: audit.Actor = audit.SYSTEM, expectedRevision?: number): Promise<{ version: number }> {
  const survey = await db.select().from(surveys).where(eq(surveys.id, surveyId)).get();
  if (!survey) throw new NotFound('No such survey');
  const revision = survey.draftRevision;
  if (expectedRevision !== undefined && expectedRevision !== revision)
    throw new Conflict('The survey changed since you reviewed it, so it was not published. Review the changes again, then publish.');
  const parsed = parseDefinition(survey.draft);
  if (!parsed.ok) throw new InvalidInput('The survey definition has problems', parsed.problems);
  const version = (survey.currentVersion ?? 0) + 1;
  const unchanged = and(eq(surveys.id, surveyId), eq(surveys.draftRevision, revision), sql`coalesce(${surveys.currentVersion}, 0) = ${version - 1}`);
  const [inserted] = await db.batch([
    rawInBatch(
      db,
      sql`INSERT INTO survey_versions (survey_id, version, definition) SELECT id, ${version}, draft FROM surveys WHERE id = ${surveyId} AND draft_revision = ${revision} AND coalesce(current_version, 0) = ${version - 1}`
    ),
    db
      .update(surveys)
      .set({ currentVersion: version, status: survey.status === 'draft' ? 'open' : survey.status, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
      .where(unchanged)
  ]).catch((e: unknown) => {
    if (String((e as Error)?.message ?? e).includes('UNIQUE constraint failed')) return [{ meta: { changes: 0 } }];
    throw e;
  });
  if (!(inserted as { meta: { changes: number } }).meta.changes)
    throw new Conflict('The survey changed, or another version was published, while this one was being published. Review the changes again, then publish.');
  await audit.record(db, actor, survey.networkId, 'survey.publish', survey.slug, { version });
  return { version };
}

/** A survey by its public slug, with its network, whatever its status. */
export async function findBySlug(db: Db, slug: string): Promise<(Survey & { network: PublishedSurvey['network'] }) | null> {
  const row = await db
    .select({ survey: surveys, network: { id: networks.id, slug: networks.slug, name: networks.name, isDemo: networks.isDemo } })
    .from(surveys)
    .innerJoin(networks, eq(networks.id, surveys.networkId))
    .where(eq(surveys.slug, slug))
    .get();
  return row ? { ...row.survey, network: row.network } : null;
}

/** The frozen definition of one published version. */
export async function definitionOf(db: Db, surveyId: string, version: number): Promise<SurveyDefinition> {
  const row = await db
    .select({ definition: surveyVersions.definition })
    .from(surveyVersions)
    .where(and(eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.version, version)))
    .get();
  if (!row) throw new NotFound('That version of the survey does not exist');
  return row.definition as SurveyDefinition;
}

/** What a respondent reads when a survey has all the responses it asked for. */
export const FULL_MESSAGE = 'This survey has all the responses it needs, so it has closed. Thank you for wanting to take part.';

/** Why a survey is not taking answers right now, or null if it is. `responses` is its count of complete responses. */
export function closedReason(survey: Survey, now = new Date(), responses = 0): string | null {
  if (survey.status === 'draft' || survey.currentVersion === null) return 'This survey has not opened yet.';
  if (survey.status !== 'open') return 'This survey has closed. Thank you for your interest.';
  if (survey.opensAt && new Date(survey.opensAt) > now) return 'This survey has not opened yet.';
  if (survey.closesAt && new Date(survey.closesAt) <= now) return 'This survey has closed. Thank you for your interest.';
  if (survey.responseCap !== null && responses >= survey.responseCap) return FULL_MESSAGE;
  return null;
}

async function completeCount(db: Db, surveyId: string): Promise<number> {
  const row = await db
    .select({ count: tallies.count })
    .from(tallies)
    .where(and(eq(tallies.surveyId, surveyId), eq(tallies.questionId, '*'), eq(tallies.rowId, ''), eq(tallies.optionId, '*')))
    .get();
  return row?.count ?? 0;
}

/** The dates and cap that bound a survey. */
export const Schedule = z
  .object({
    opensAt: z.iso.datetime({ offset: true }).nullable(),
    closesAt: z.iso.datetime({ offset: true }).nullable(),
    responseCap: z.int().min(1).max(10_000_000).nullable()
  })
  .refine((s) => !s.opensAt || !s.closesAt || new Date(s.opensAt) < new Date(s.closesAt), { path: ['closesAt'], message: 'must be after the opening time' });

/** Set when a survey opens and closes and how many responses it takes (null for no limit). */
export async function setSchedule(db: Db, actor: audit.Actor, surveyId: string, input: unknown): Promise<void> {
  const parsed = Schedule.safeParse(input);
  if (!parsed.success) throw new InvalidInput('Check the dates and the limit', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const survey = await db.select().from(surveys).where(eq(surveys.id, surveyId)).get();
  if (!survey) throw new NotFound('No such survey');
  await db.batch([
    db.update(surveys).set({ ...parsed.data, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` }).where(eq(surveys.id, surveyId)),
    audit.entry(db, actor, survey.networkId, 'survey.schedule', survey.slug, parsed.data)
  ]);
}

/** A survey's editable draft as a definition (drafts are validated when saved and again when published). */
export function parseDraft(survey: Survey): SurveyDefinition {
  return survey.draft as SurveyDefinition;
}

/** Who may start a response: anyone with the address, or only through invitations, cards and members. */
export const Access = z.enum(['open', 'invitation'], { error: 'must be "open" or "invitation"' });

export async function setAccess(db: Db, actor: audit.Actor, surveyId: string, input: unknown): Promise<void> {
  const parsed = Access.safeParse(input);
  if (!parsed.success) throw new InvalidInput('Choose who can answer', [{ path: 'access', message: parsed.error.issues[0].message }]);
  const survey = await db.select().from(surveys).where(eq(surveys.id, surveyId)).get();
  if (!survey) throw new NotFound('No such survey');
  if (survey.access === parsed.data) return;
  await db.batch([
    db.update(surveys).set({ access: parsed.data, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` }).where(eq(surveys.id, surveyId)),
    audit.entry(db, actor, survey.networkId, 'survey.access', survey.slug, { access: parsed.data })
  ]);
}

/** Close a survey now, or open it again (a published survey only; its dates still apply). */
export async function setOpen(db: Db, actor: audit.Actor, surveyId: string, open: boolean): Promise<void> {
  const survey = await db.select().from(surveys).where(eq(surveys.id, surveyId)).get();
  if (!survey) throw new NotFound('No such survey');
  if (survey.currentVersion === null) throw new Conflict('Publish the survey before opening it.');
  const status = open ? 'open' : 'closed';
  if (survey.status === status) return;
  await db.batch([
    db.update(surveys).set({ status, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` }).where(eq(surveys.id, surveyId)),
    audit.entry(db, actor, survey.networkId, open ? 'survey.reopen' : 'survey.close', survey.slug, { reason: 'by hand' })
  ]);
}

/** How many complete responses a survey has (its running total). */
export async function responseCount(db: Db, surveyId: string): Promise<number> {
  return completeCount(db, surveyId);
}

/** Close every open survey whose closing time has passed (the Worker's scheduled handler). */
export async function closeDue(db: Db, now = new Date()): Promise<string[]> {
  const closed = await db
    .update(surveys)
    .set({ status: 'closed', updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
    .where(and(eq(surveys.status, 'open'), isNotNull(surveys.closesAt), lte(surveys.closesAt, now.toISOString())))
    .returning({ slug: surveys.slug, networkId: surveys.networkId });
  if (closed.length) await batch(db, closed.map((c) => audit.entry(db, audit.SYSTEM, c.networkId, 'survey.close', c.slug, { reason: 'closing time reached' })));
  return closed.map((c) => c.slug);
}

/**
 * The survey a respondent may answer at /s/<slug>: open, published, within its dates.
 * Throws NotFound for an unknown slug and SurveyClosed otherwise.
 */
export async function openForAnswers(db: Db, slug: string, version?: number): Promise<PublishedSurvey> {
  const survey = await findBySlug(db, slug);
  if (!survey) throw new NotFound('We could not find that survey. Please check the address.');
  const reason = closedReason(survey, new Date(), survey.responseCap === null ? 0 : await completeCount(db, survey.id));
  if (reason) throw new SurveyClosed(reason);
  const v = version ?? (survey.currentVersion as number);
  const { network, ...rest } = survey;
  return { survey: rest, network, version: v, definition: await definitionOf(db, survey.id, v) };
}

/** The published surveys taking answers now, newest first, for the public home page. */
export async function listOpen(db: Db): Promise<{ slug: string; title: unknown; network: string; isDemo: boolean }[]> {
  const rows = await db
    .select({ survey: surveys, network: networks.name, isDemo: networks.isDemo, definition: surveyVersions.definition })
    .from(surveys)
    .innerJoin(networks, eq(networks.id, surveys.networkId))
    .innerJoin(
      surveyVersions,
      and(eq(surveyVersions.surveyId, surveys.id), eq(surveyVersions.version, surveys.currentVersion))
    )
    .where(eq(surveys.status, 'open'))
    .orderBy(desc(surveys.createdAt), surveys.slug)
    .all();
  return rows
    .filter((r) => closedReason(r.survey) === null)
    .map((r) => ({
      slug: r.survey.slug,
      title: (r.definition as SurveyDefinition).title,
      network: r.network,
      isDemo: r.isDemo
    }));
}

/** Every survey of a network with its published title (or its draft's), for members. */
export async function listForNetwork(db: Db, networkId: string): Promise<{ slug: string; status: string; title: unknown }[]> {
  const rows = await db
    .select({ slug: surveys.slug, status: surveys.status, draft: surveys.draft, published: surveyVersions.definition })
    .from(surveys)
    .leftJoin(surveyVersions, and(eq(surveyVersions.surveyId, surveys.id), eq(surveyVersions.version, surveys.currentVersion)))
    .where(eq(surveys.networkId, networkId))
    .orderBy(surveys.slug)
    .all();
  return rows.map((r) => ({ slug: r.slug, status: r.status, title: ((r.published ?? r.draft) as SurveyDefinition).title }));
}
