/**
 * The survey builder's storage: the draft of each survey, saved only when the schema
 * accepts it, with a revision number so two editors never overwrite each other unseen;
 * publishing the draft as a frozen version once its breaking changes are confirmed.
 *
 * The edits themselves are pure functions in schema/builder.ts; this file loads the
 * draft, applies one, validates the result and stores it in one conditional UPDATE.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { EditRefused, slugId, titleOf } from '../../schema/builder';
import { compareVersions, type Change } from '../../schema/compare';
import { importSurvey, type ImportReport } from '../../schema/import/index';
import { allQuestions, parseDefinition, type DefinitionProblem, type SurveyDefinition } from '../../schema/survey-definition';
import { templates } from '../../schema/templates/index';
import { surveys, surveyVersions, tallies } from '../../schema/tables';
import * as audit from '../audit/service';
import type { Db } from '../db';
import { Conflict, InvalidInput, NotFound } from '../errors';
import * as service from './service';

type Survey = service.Survey;

/** A validation problem with the question it is about (when it is about one). */
export type Problem = DefinitionProblem & { question?: string };

/** The question a problem's path points into (`pages.1.questions.3.options.0.label` → that question's id). */
export function withQuestions(def: unknown, problems: DefinitionProblem[]): Problem[] {
  const pages = (def as { pages?: { questions?: { id?: unknown }[] }[] } | null)?.pages;
  return problems.map((p) => {
    const m = /^pages\.(\d+)\.questions\.(\d+)(?:\.|$)/.exec(p.path);
    const id = m ? pages?.[Number(m[1])]?.questions?.[Number(m[2])]?.id : undefined;
    return typeof id === 'string' ? { ...p, question: id } : p;
  });
}

/** Validate a definition or throw InvalidInput naming every problem and its question. */
export function validated(input: unknown): SurveyDefinition {
  const parsed = parseDefinition(input);
  if (!parsed.ok) throw new InvalidInput('The survey has problems, so it was not saved', withQuestions(input, parsed.problems));
  return parsed.definition;
}

const CONFLICT = 'Someone else changed this survey since you opened it, so your change was not saved. Reload the page to see their changes, then make yours again.';

/** The draft as it is now, its revision, and the version respondents answer (if any). */
export async function draftOf(db: Db, survey: Survey) {
  const live = survey.currentVersion === null ? null : await service.definitionOf(db, survey.id, survey.currentVersion);
  return { definition: service.parseDraft(survey), revision: survey.draftRevision, live, version: survey.currentVersion };
}

/**
 * Save a new draft if it is valid and the editor saw the latest revision. Returns the
 * new revision. `what` says in a few words what changed, for the audit log.
 */
export async function saveDraft(db: Db, actor: audit.Actor, survey: Survey, revision: number, definition: unknown, what: string): Promise<number> {
  const valid = validated(definition);
  const saved = await db
    .update(surveys)
    .set({ draft: valid, draftRevision: revision + 1, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
    .where(and(eq(surveys.id, survey.id), eq(surveys.draftRevision, revision)))
    .returning({ revision: surveys.draftRevision });
  if (!saved.length) throw new Conflict(CONFLICT);
  await audit.record(db, actor, survey.networkId, 'survey.edit', survey.slug, { what, revision: revision + 1 });
  return saved[0].revision;
}

/**
 * Apply one edit to the stored draft: load it, check the editor's revision, run the
 * pure edit (its EditRefused becomes a 400 naming the field), validate and save.
 */
export async function edit<T extends { definition: SurveyDefinition }>(
  db: Db,
  actor: audit.Actor,
  survey: Survey,
  revision: number,
  what: string,
  change: (def: SurveyDefinition) => T
): Promise<T & { revision: number }> {
  if (survey.draftRevision !== revision) throw new Conflict(CONFLICT);
  let result: T;
  try {
    result = change(service.parseDraft(survey));
  } catch (e) {
    if (e instanceof EditRefused) throw new InvalidInput(e.message, [{ path: e.path, message: e.message }]);
    throw e;
  }
  return { ...result, revision: await saveDraft(db, actor, survey, revision, result.definition, what) };
}

/** Every published version's definition, oldest first. */
async function versionsOf(db: Db, surveyId: string): Promise<{ version: number; definition: SurveyDefinition }[]> {
  const rows = await db.select({ version: surveyVersions.version, definition: surveyVersions.definition }).from(surveyVersions).where(eq(surveyVersions.surveyId, surveyId)).orderBy(surveyVersions.version).all();
  return rows.map((r) => ({ version: r.version, definition: r.definition as SurveyDefinition }));
}

/** Every question id of every published version (answers may exist under any of them). */
export async function publishedQuestionIds(db: Db, survey: Survey): Promise<Set<string>> {
  return new Set((await versionsOf(db, survey.id)).flatMap((v) => allQuestions(v.definition).map((x) => x.question.id)));
}

/** The option, point and row ids a question has had in any published version: respondents have seen them, so they never change meaning. */
export async function publishedListIds(db: Db, survey: Survey, questionId: string): Promise<Record<'options' | 'points' | 'rows', Set<string>>> {
  const out = { options: new Set<string>(), points: new Set<string>(), rows: new Set<string>() };
  for (const v of await versionsOf(db, survey.id)) {
    const q = allQuestions(v.definition).find((x) => x.question.id === questionId)?.question as Record<string, unknown> | undefined;
    for (const key of ['options', 'points', 'rows'] as const) for (const item of (q?.[key] as { id: string }[] | undefined) ?? []) out[key].add(item.id);
  }
  return out;
}

/** How many complete responses chose each thing (from the running totals), for comparing versions. */
export async function answerCounts(db: Db, surveyId: string) {
  const rows = await db
    .select({ q: tallies.questionId, row: tallies.rowId, option: tallies.optionId, count: tallies.count })
    .from(tallies)
    .where(eq(tallies.surveyId, surveyId))
    .all();
  const counts = new Map(rows.map((r) => [`${r.q}|${r.row}|${r.option}`, r.count]));
  return (question: string, row: string, option: string) => counts.get(`${question}|${row}|${option}`) ?? 0;
}

/** What publishing the draft would change for respondents and for results. */
export async function pendingChanges(db: Db, survey: Survey): Promise<{ changes: Change[]; unchanged: boolean; first: boolean }> {
  const { definition, live } = await draftOf(db, survey);
  if (!live) return { changes: [], unchanged: false, first: true };
  const unchanged = JSON.stringify(live) === JSON.stringify(definition);
  if (unchanged) return { changes: [], unchanged, first: false };
  const earlier = (await versionsOf(db, survey.id)).filter((v) => v.version !== survey.currentVersion);
  return { changes: compareVersions(live, definition, await answerCounts(db, survey.id), earlier), unchanged, first: false };
}

/**
 * Publish the draft the editor reviewed (its revision) as the next frozen version. A
 * draft with breaking changes needs `confirmBreaking`; a draft identical to the live
 * version is not published again.
 */
export async function publishDraft(db: Db, actor: audit.Actor, survey: Survey, input: { revision: number; confirmBreaking: boolean }): Promise<{ version: number }> {
  if (survey.draftRevision !== input.revision)
    throw new Conflict('The survey changed since you reviewed it, so it was not published. Review the changes again, then publish.');
  const pending = await pendingChanges(db, survey);
  if (pending.unchanged) throw new Conflict(`Nothing has changed since version ${survey.currentVersion} was published.`);
  const breaking = pending.changes.filter((c) => c.breaking);
  if (breaking.length && !input.confirmBreaking)
    throw new InvalidInput('Some changes break comparison with answers already given: confirm them to publish', [
      { path: 'confirm', message: `Confirm that you want to publish ${breaking.length === 1 ? 'a change that breaks' : `${breaking.length} changes that break`} comparison with earlier answers` }
    ]);
  return service.publish(db, survey.id, actor, input.revision);
}

/** Throw away the draft's changes: the draft becomes the live version again. */
export async function discardDraft(db: Db, actor: audit.Actor, survey: Survey, revision: number): Promise<number> {
  if (survey.currentVersion === null) throw new Conflict('This survey has never been published, so there is no version to go back to.');
  const live = await service.definitionOf(db, survey.id, survey.currentVersion);
  return saveDraft(db, actor, survey, revision, live, `discarded changes since version ${survey.currentVersion}`);
}

/**
 * Delete a survey that was never published (a draft begun by mistake, or an import to
 * try out). A published survey is never deleted: its answers and versions are kept, and
 * it is closed instead. Its links and card packs go with it.
 */
export async function deleteDraftSurvey(db: Db, actor: audit.Actor, survey: Survey): Promise<void> {
  if (survey.currentVersion !== null) throw new Conflict('A published survey is never deleted, so its answers stay with the version they answered. Close it on its page instead.');
  const deleted = await db
    .delete(surveys)
    .where(and(eq(surveys.id, survey.id), isNull(surveys.currentVersion)))
    .returning({ id: surveys.id });
  if (!deleted.length) throw new Conflict('This survey was published a moment ago, so it was not deleted.');
  await audit.record(db, actor, survey.networkId, 'survey.delete', survey.slug, { never: 'published' });
}

/** How a new survey starts: blank, from a template, or from an imported file. */
export type Start = { kind: 'blank' } | { kind: 'template'; template: string } | { kind: 'import'; file: { name: string; bytes: Uint8Array } };

/** A blank survey: one page, one question, for the editor to replace. */
export function blank(title: string): SurveyDefinition {
  return {
    format: 1,
    title,
    pages: [{ id: 'page_1', questions: [{ id: 'first_question', type: 'single', title: 'Your first question', options: [{ id: 'option_1', label: 'Option 1' }, { id: 'option_2', label: 'Option 2' }] }] }]
  };
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A survey address made from a title (the editor can change it before creating). */
export function slugFor(title: string): string {
  return slugId(title, 'survey', 60, '-');
}

/**
 * Create a survey in a network as a draft: blank, from a template, or from an imported
 * file (our JSON, SurveyJS JSON or an XLSForm). Returns the survey and, for an import,
 * the report of what was not carried over.
 */
export async function createSurvey(
  db: Db,
  actor: audit.Actor,
  networkId: string,
  input: { title: string; slug: string; start: Start }
): Promise<{ survey: Survey; report: ImportReport | null }> {
  const title = input.title.trim();
  const slug = input.slug.trim().toLowerCase();
  const problems: { path: string; message: string }[] = [];
  if (input.start.kind !== 'import' && !title) problems.push({ path: 'title', message: 'Enter a title for the survey' });
  if (title.length > 200) problems.push({ path: 'title', message: 'Keep the title to 200 characters or fewer' });
  if (!SLUG.test(slug)) problems.push({ path: 'slug', message: 'Enter an address of lower-case letters, digits and dashes, starting with a letter or digit (up to 63)' });
  // The builder's own page lives at /n/<network>/surveys/new.
  else if (slug === 'new') problems.push({ path: 'slug', message: '“new” is reserved: choose another address' });
  let definition: SurveyDefinition | null = null;
  let report: ImportReport | null = null;
  if (input.start.kind === 'template') {
    const name = input.start.template;
    const template = templates.find((t) => t.slug === name);
    if (!template) problems.push({ path: 'template', message: 'Choose one of the templates' });
    else definition = { ...structuredClone(template.definition), ...(title ? { title } : {}) };
  } else if (input.start.kind === 'import') {
    const imported = importSurvey(input.start.file);
    report = imported.report;
    if (!imported.ok) {
      const detail = imported.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`);
      problems.push({ path: 'file', message: [imported.message, ...detail].join(' · ') });
    } else definition = title ? { ...imported.definition, title } : imported.definition;
  } else definition = blank(title);
  if (problems.length || !definition) throw new InvalidInput('Check the new survey’s details', problems);
  const created = await service.create(db, { networkId, slug, definition });
  const how = input.start.kind === 'template' ? `template ${input.start.template}` : input.start.kind === 'import' ? `import (${report?.format})` : 'blank';
  await audit.record(db, actor, networkId, 'survey.create', slug, { from: how, questions: allQuestions(definition).length });
  return { survey: created, report };
}

/** Replace the whole draft with an imported file (the builder's "import into this survey"). */
export async function importIntoDraft(db: Db, actor: audit.Actor, survey: Survey, revision: number, file: { name: string; bytes: Uint8Array }) {
  const imported = importSurvey(file);
  if (!imported.ok) throw new InvalidInput(imported.message, [{ path: 'file', message: [imported.message, ...imported.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`)].join(' · ') }]);
  const newRevision = await saveDraft(db, actor, survey, revision, imported.definition, `imported ${file.name} (${imported.report.format})`);
  return { revision: newRevision, report: imported.report };
}

/** The survey row again, fresh (after an edit, for the next one). */
export async function reload(db: Db, surveyId: string): Promise<Survey> {
  const row = await db.select().from(surveys).where(eq(surveys.id, surveyId)).get();
  if (!row) throw new NotFound('No such survey');
  return row;
}

/** Problems of the draft (none, unless it was stored before the rules it breaks existed). */
export function draftProblems(def: unknown): Problem[] {
  const parsed = parseDefinition(def);
  return parsed.ok ? [] : withQuestions(def, parsed.problems);
}

/** The name of a question for messages, from a definition. */
export function questionName(def: SurveyDefinition, id: string): string {
  const q = allQuestions(def).find((x) => x.question.id === id)?.question;
  return q ? titleOf(q) : id;
}
