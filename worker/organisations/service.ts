/**
 * The organisations register of a network: employers, care homes, schools, faith groups,
 * hospices. Names are unique per network ignoring case, so a CSV saved twice from a
 * spreadsheet never doubles the register. Every change is audited in the same batch.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ORGANISATION_KINDS, SIZE_BANDS, organisations } from '../../schema/tables';
import { entry, type Actor } from '../audit/service';
import type { Db } from '../db';
import { Conflict, InvalidInput, NotFound } from '../errors';
import { parseCsvRecords } from './csv';

/** An organisation row as stored. */
export type Organisation = typeof organisations.$inferSelect;

/** The most data rows one CSV import may hold; bigger files must be split. */
export const IMPORT_ROW_LIMIT = 5000;

/** What an import did: rows created, and each rejected row with its line in the file. */
export type ImportResult = { created: number; errors: { line: number; message: string }[] };

// C0/C1 controls (line breaks and tabs included) and the Unicode line/paragraph
// separators: a name is one line of text in lists, exports and the audit log.
const NO_CONTROLS = /^[^\p{Cc}\u2028\u2029]*$/u;
const noControlsMessage = 'must not contain control characters such as line breaks or tabs';
const textError = (what: string) => (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : `must be ${what}`);

/** An organisation as it comes from outside (a form, the API, one CSV row), validated and normalised. */
export const OrganisationInput = z.object({
  name: z
    .string({ error: textError('text') })
    .trim()
    .normalize('NFC')
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .regex(NO_CONTROLS, noControlsMessage),
  kind: z.enum(ORGANISATION_KINDS, { error: `must be one of: ${ORGANISATION_KINDS.join(', ')}` }),
  area: z
    .string({ error: textError('text') })
    .trim()
    .normalize('NFC')
    .max(100, 'must be at most 100 characters')
    .regex(NO_CONTROLS, noControlsMessage)
    .default(''),
  // '' is what an empty form field or CSV cell sends: it means "not known", like null.
  size_band: z
    .enum(['', ...SIZE_BANDS] as const, { error: `must be one of: ${SIZE_BANDS.join(', ')}` })
    .nullish()
    .transform((v) => v || null)
});
/** See OrganisationInput. */
export type OrganisationInput = z.infer<typeof OrganisationInput>;

/** The organisations of a network, by name ignoring case. */
export async function list(db: Db, networkId: string): Promise<Organisation[]> {
  return db
    .select()
    .from(organisations)
    .where(eq(organisations.networkId, networkId))
    .orderBy(sql`${organisations.name} COLLATE NOCASE`, asc(organisations.name))
    .all();
}

/** Add one organisation to a network's register (validated; a name already there, in any case, is a Conflict). */
export async function create(db: Db, actor: Actor, networkId: string, input: unknown): Promise<Organisation> {
  const parsed = OrganisationInput.safeParse(input);
  if (!parsed.success)
    throw new InvalidInput(
      'The organisation has problems',
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }))
    );
  const org = parsed.data;
  const existing = (await namesIn(db, networkId)).get(nameKey(org.name));
  if (existing !== undefined) throw alreadyThere(existing);
  try {
    const [inserted] = await db.batch([
      db.insert(organisations).values(toRow(networkId, org)).returning(),
      entry(db, actor, networkId, 'organisation.create', org.name)
    ]);
    return inserted[0];
  } catch (e) {
    // Another request added the same name between our check and this insert.
    if (isUniqueViolation(e)) throw alreadyThere(org.name);
    throw e;
  }
}

/** Remove an organisation from a network's register; an id from another network is NotFound. */
export async function remove(db: Db, actor: Actor, networkId: string, id: string): Promise<void> {
  const where = and(eq(organisations.id, id), eq(organisations.networkId, networkId));
  const row = await db.select({ name: organisations.name }).from(organisations).where(where).get();
  if (!row) throw new NotFound('There is no such organisation in this network');
  await db.batch([db.delete(organisations).where(where), entry(db, actor, networkId, 'organisation.remove', row.name)]);
}

// One organisation row binds 6 values (id, network, name, kind, area, size band;
// created_at is a SQL default) and D1 allows 100 bound values per statement.
const ROWS_PER_INSERT = 16;

/**
 * Import organisations from CSV text. The first line names the columns (any case, any
 * order; `name` and `kind` required, others ignored). Each row is checked on its own:
 * good rows are all inserted in one atomic batch with one audit entry, bad rows come back
 * with their line in the file and what is wrong. A file that cannot be read as a whole
 * (no name or kind column, too many rows) imports nothing and says why in one error.
 */
export async function importCsv(db: Db, actor: Actor, networkId: string, csvText: string): Promise<ImportResult> {
  const records = parseCsvRecords(csvText).filter((r) => !isBlankRow(r.fields));
  if (records.length === 0) return refuse(1, 'The file is empty. Its first line must name the columns, at least "name" and "kind".');
  const [header, ...rows] = records;
  const columns = readHeader(header.fields);
  if ('error' in columns) return refuse(header.line, columns.error);
  if (rows.length > IMPORT_ROW_LIMIT)
    return refuse(
      rows[IMPORT_ROW_LIMIT].line,
      `The file has ${rows.length.toLocaleString('en-GB')} organisations; at most ${IMPORT_ROW_LIMIT.toLocaleString('en-GB')} can be imported at once. Please split it into smaller files.`
    );

  const taken = await namesIn(db, networkId);
  const accepted = new Map<string, number>(); // name key → line of the row that brought it
  const good: OrganisationInput[] = [];
  const errors: ImportResult['errors'] = [];
  for (const { line, fields } of rows) {
    const cell = (c: Column) => (columns[c] === undefined ? '' : (fields[columns[c].index] ?? '').trim());
    const raw = { name: cell('name'), kind: cell('kind'), area: cell('area'), size_band: cell('size_band') };
    const problems: string[] = [];
    const kind = kindFromCsv(raw.kind);
    const parsed = OrganisationInput.safeParse({ ...raw, kind: kind ?? raw.kind, size_band: sizeBandFromCsv(raw.size_band) });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = issue.path[0] as Column;
        const label = columns[column]?.label ?? column;
        if (column === 'kind')
          problems.push(
            raw.kind === ''
              ? `${label} is empty; use one of: ${FRIENDLY_KINDS}`
              : `${label} ${show(raw.kind)} is not a kind we know; use one of: ${FRIENDLY_KINDS}`
          );
        else problems.push(raw[column] === '' ? `${label} ${issue.message}` : `${label} ${show(raw[column])} ${issue.message}`);
      }
    }
    // A duplicate is worth reporting even when the row has other problems, so one pass shows everything.
    const name = parsed.success ? parsed.data.name : OrganisationInput.shape.name.safeParse(raw.name).data;
    if (name !== undefined) {
      const key = nameKey(name);
      const label = columns.name.label;
      const existing = taken.get(key);
      const earlier = accepted.get(key);
      if (existing !== undefined)
        problems.push(
          `${label} ${show(name)} is already in this network's register${existing === name ? '' : ` (as ${show(existing)})`}`
        );
      else if (earlier !== undefined) problems.push(`${label} ${show(name)} is repeated: line ${earlier} already has it`);
      else if (parsed.success && problems.length === 0) accepted.set(key, line);
    }
    if (problems.length > 0) errors.push({ line, message: problems.join('; ') });
    else if (parsed.success) good.push(parsed.data);
  }

  if (good.length > 0) {
    const inserts = [];
    const values = good.map((org) => toRow(networkId, org));
    for (let i = 0; i < values.length; i += ROWS_PER_INSERT)
      inserts.push(db.insert(organisations).values(values.slice(i, i + ROWS_PER_INSERT)));
    try {
      await db.batch([
        entry(db, actor, networkId, 'organisation.import', `${good.length} organisation${good.length === 1 ? '' : 's'} from CSV`, {
          created: good.length,
          rejected: errors.length
        }),
        ...inserts
      ]);
    } catch (e) {
      // The batch is atomic: a name added by someone else meanwhile leaves nothing half-imported.
      if (isUniqueViolation(e))
        throw new Conflict('The register changed while this file was being imported. Nothing was imported; please try again.');
      throw e;
    }
  }
  return { created: good.length, errors };
}

type Column = 'name' | 'kind' | 'area' | 'size_band';
type Columns = Partial<Record<Column, { index: number; label: string }>> & Record<'name' | 'kind', { index: number; label: string }>;

// Header spellings, compared after lower-casing and turning runs of spaces, "_" and "-" into one space.
const HEADER_NAMES: Record<string, Column> = {
  name: 'name',
  kind: 'kind',
  area: 'area',
  'size band': 'size_band',
  size: 'size_band'
};

/** Which column holds what, or why the header cannot be used. */
function readHeader(fields: string[]): Columns | { error: string } {
  const found: Partial<Record<Column, { index: number; label: string }>> = {};
  for (const [index, cell] of fields.entries()) {
    const label = cell.trim();
    const column = HEADER_NAMES[label.toLowerCase().replace(/[\s_-]+/g, ' ')];
    if (!column) continue;
    if (found[column]) return { error: `The column "${found[column].label}" appears twice in the first line; keep only one.` };
    found[column] = { index, label };
  }
  const missing = (['name', 'kind'] as const).filter((c) => !found[c]);
  if (missing.length > 0) {
    const seen = fields.map((f) => f.trim()).filter((f) => f !== '');
    return {
      error:
        `The first line must name the columns, and ${missing.map((c) => `"${c}"`).join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing` +
        (seen.length > 0 ? ` (found: ${seen.map((f) => show(f)).join(', ')}).` : '.') +
        ' Nothing was imported.'
    };
  }
  return found as Columns;
}

// How people write kinds in spreadsheets, compared after lower-casing and turning runs of
// spaces, "_" and "-" into one "_".
const KIND_SPELLINGS: Record<string, (typeof ORGANISATION_KINDS)[number]> = {
  employer: 'employer',
  employers: 'employer',
  business: 'employer',
  workplace: 'employer',
  care_home: 'care_home',
  care_homes: 'care_home',
  carehome: 'care_home',
  nursing_home: 'care_home',
  residential_home: 'care_home',
  school: 'school',
  schools: 'school',
  faith: 'faith',
  faith_group: 'faith',
  faith_groups: 'faith',
  faith_organisation: 'faith',
  faith_organization: 'faith',
  faith_community: 'faith',
  place_of_worship: 'faith',
  hospice: 'hospice',
  hospices: 'hospice',
  other: 'other'
};
const FRIENDLY_KINDS = 'employer, care home, school, faith group, hospice, other';

/** The kind a CSV cell means, or undefined when it is not one we know. */
function kindFromCsv(cell: string): (typeof ORGANISATION_KINDS)[number] | undefined {
  const key = cell.toLowerCase().replace(/[\s_-]+/g, '_');
  return Object.hasOwn(KIND_SPELLINGS, key) ? KIND_SPELLINGS[key] : undefined;
}

/** A size band as spreadsheets write it ("10 - 49", "1000 +", an en dash) in the stored form. */
function sizeBandFromCsv(cell: string): string {
  return cell.replace(/[\u2012-\u2015]/g, '-').replace(/\s+/g, '');
}

/** How names compare for uniqueness: same letters, any case, any Unicode composition. */
function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** The names already in a network's register, by name key. */
async function namesIn(db: Db, networkId: string): Promise<Map<string, string>> {
  const rows = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.networkId, networkId)).all();
  return new Map(rows.map((r) => [nameKey(r.name), r.name]));
}

function toRow(networkId: string, org: OrganisationInput) {
  return { id: crypto.randomUUID(), networkId, name: org.name, kind: org.kind, area: org.area, sizeBand: org.size_band };
}

function alreadyThere(name: string): Conflict {
  return new Conflict(`There is already an organisation called "${name}" in this network.`);
}

function isUniqueViolation(e: unknown): boolean {
  const text = (x: unknown) => String((x as Error)?.message ?? x ?? '');
  return /UNIQUE constraint failed/i.test(text(e)) || /UNIQUE constraint failed/i.test(text((e as Error)?.cause));
}

function isBlankRow(fields: string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

/** A cell value quoted for a message, cut to 40 characters so one bad cell cannot flood the page. */
function show(value: string): string {
  const chars = Array.from(value);
  return JSON.stringify(chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : value);
}

function refuse(line: number, message: string): ImportResult {
  return { created: 0, errors: [{ line, message }] };
}
