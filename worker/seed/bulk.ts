/**
 * Load many made-up complete responses straight into D1, for load tests and the results
 * benchmark: the answers come from the same generator as the demo (synthetic.ts) and are
 * written as the same rows a real response makes (schema/answers.ts `toRows`), many rows
 * to a statement, then the survey's running totals are recounted once. Far faster than
 * completing each response through the service, which a real respondent does one at a time.
 */
import { leads, toRows } from '../../schema/answers';
import type { SurveyDefinition } from '../../schema/survey-definition';
import { createDb } from '../db';
import { rebuildTallies } from '../responses/service';
import { random, syntheticAnswers } from './synthetic';

/** D1 takes statements of up to 100 KB, and SQLite up to 500 rows in one VALUES list. */
const STATEMENT_BYTES = 90_000;
const ROWS_PER_STATEMENT = 500;
const RESPONSES_PER_ROUND = 2000;

/** A SQL literal. D1's exec takes one statement per line, so line breaks in text are written with char(10). */
function lit(v: string | number | null): string {
  if (v === null) return 'NULL';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NULL';
  return `'${v.replace(/'/g, "''").replace(/\r?\n/g, "' || char(10) || '")}'`;
}

/** One multi-row INSERT per line. */
function inserts(table: string, columns: string[], rows: (string | number | null)[][]): string[] {
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const out: string[] = [];
  let values: string[] = [];
  let bytes = head.length;
  for (const r of rows) {
    const v = `(${r.map(lit).join(', ')})`;
    if (values.length && (values.length >= ROWS_PER_STATEMENT || bytes + v.length + 2 > STATEMENT_BYTES)) {
      out.push(`${head}${values.join(', ')};`);
      values = [];
      bytes = head.length;
    }
    values.push(v);
    bytes += v.length + 2;
  }
  if (values.length) out.push(`${head}${values.join(', ')};`);
  return out;
}

const MODES: [string, number][] = [['online', 0.7], ['paper', 0.15], ['assisted', 0.1], ['kiosk', 0.05]];

/**
 * Add `count` complete responses to a published survey. They are spread over the given
 * links (null: the survey's own address), over the modes, and over the twelve months
 * before `until` (default: now). Deterministic for a seed, apart from the response ids.
 */
export async function bulkLoad(
  d1: D1Database,
  input: { surveyId: string; version: number; definition: SurveyDefinition; count: number; seed: number; links?: (string | null)[]; until?: Date }
): Promise<void> {
  const rand = random(input.seed);
  const links = input.links?.length ? input.links : [null];
  const until = (input.until ?? new Date()).getTime();
  for (let done = 0; done < input.count; ) {
    const n = Math.min(RESPONSES_PER_ROUND, input.count - done);
    const responses: (string | number | null)[][] = [];
    const answers: (string | number | null)[][] = [];
    for (let i = 0; i < n; i++) {
      const id = crypto.randomUUID();
      let x = rand();
      const mode = MODES.find(([, share]) => (x -= share) < 0)?.[0] ?? 'online';
      const at = new Date(until - Math.floor(rand() * 365 * 86_400_000)).toISOString();
      responses.push([id, input.surveyId, input.version, mode, 'en', 'partial', at, at, at, links[Math.floor(rand() * links.length)]]);
      const rows = toRows(input.definition, syntheticAnswers(input.definition, rand));
      const lead = leads(rows);
      rows.forEach((r, k) => answers.push([id, input.surveyId, r.question_id, r.row_id, r.option_id, r.number, r.text, lead[k]]));
    }
    const statements = [
      ...inserts('responses', ['id', 'survey_id', 'version', 'mode', 'language', 'status', 'started_at', 'updated_at', 'completed_at', 'link_id'], responses),
      ...inserts('answers', ['response_id', 'survey_id', 'question_id', 'row_id', 'option_id', 'number', 'text', 'lead'], answers),
      // Only the responses just loaded: a real survey may have people part-way through.
      ...Array.from({ length: Math.ceil(n / 1000) }, (_, k) =>
        `UPDATE responses SET status = 'complete' WHERE id IN (${responses.slice(k * 1000, (k + 1) * 1000).map((r) => lit(r[0])).join(', ')});`
      )
    ];
    try {
      await d1.exec(statements.join('\n'));
    } catch (e) {
      // D1 quotes the whole failing statement: keep the reason, not megabytes of values.
      throw new Error(`bulk load failed: ${String((e as Error).message).replace(/VALUES .*/s, 'VALUES …')}`);
    }
    done += n;
  }
  await rebuildTallies(createDb(d1), input.surveyId);
}
