/**
 * Importing surveys from files: our own JSON format, SurveyJS JSON and XLSForm workbooks.
 *
 * Every importer is pure (no DOM, no Node APIs) so it runs in the Worker and in Node.
 * The result always says what could not be carried over, so the person importing can
 * check the survey before using it.
 */
import { parseDefinition, type SurveyDefinition } from '../survey-definition';
import { fromSurveyJs } from './surveyjs';
import { fromXlsForm } from './xlsform';

/** Something in the source file that the imported survey does not have. `where` is e.g. `row 7 (q_age)` or `page 2, question "age"`. */
export type NotCarried = { where: string; what: string };
/** What happened during an import. */
export type ImportReport = { format: 'native' | 'surveyjs' | 'xlsform'; notCarried: NotCarried[]; renamed: { from: string; to: string }[] };
/** A converted and validated definition, or why there is none. */
export type ImportResult =
  | { ok: true; definition: SurveyDefinition; report: ImportReport }
  | { ok: false; message: string; problems: { path: string; message: string }[]; report: ImportReport };

export { fromSurveyJs } from './surveyjs';
export { fromXlsForm } from './xlsform';
export { readWorkbook } from './xlsx-read';

/** Refuse files bigger than this. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/**
 * What the builder's upload forms accept: the Worker reads at most 1 MiB of a page's form
 * (PAGE_BODY_LIMIT), multipart wrapping included. Survey files are a few KB to a few hundred.
 */
export const MAX_UPLOAD_BYTES = 900 * 1024;

const OUR_TYPES = new Set(['single', 'multi', 'scale', 'rating', 'matrix', 'ranking', 'yes_no', 'text', 'long_text', 'number', 'date', 'consent', 'info']);

function failure(format: ImportReport['format'], message: string): ImportResult {
  return { ok: false, message, problems: [], report: { format, notCarried: [], renamed: [] } };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Our own format: a numeric `format` key, or pages whose questions have ids and our type names
 * (so a file that lost its `format` key still gets our validator's precise problems).
 */
function looksNative(obj: Record<string, unknown>): boolean {
  // SurveyJS has no `format` key; any number there is ours (a wrong version gets the validator's message).
  if (typeof obj.format === 'number' && Array.isArray(obj.pages)) return true;
  if (!Array.isArray(obj.pages)) return false;
  const questions = obj.pages.flatMap((p) => (isRecord(p) && Array.isArray(p.questions) ? p.questions : []));
  return questions.length > 0 && questions.every((q) => isRecord(q) && typeof q.id === 'string' && typeof q.type === 'string' && OUR_TYPES.has(q.type) && !('name' in q));
}

/** Read an uploaded file, detect its format and convert it. Never throws. */
export function importSurvey(file: { name: string; bytes: Uint8Array }): ImportResult {
  try {
    const { name, bytes } = file;
    if (bytes.length > MAX_IMPORT_BYTES)
      return failure('native', `This file is too big to import (${(bytes.length / 1024 / 1024).toFixed(1)} MB); the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
    const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
    if (isZip || /\.xlsx$/i.test(name)) return fromXlsForm(bytes, { filename: name });

    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      return failure('native', 'This file is not a survey definition we can read: expected a JSON file (UTF-8 text) or an XLSForm workbook (.xlsx).');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return failure(
        'native',
        `This file is not a survey definition we can read: expected JSON (our format or SurveyJS) or an XLSForm workbook (.xlsx), but it is not valid JSON (${e instanceof Error ? e.message : 'parse error'}).`
      );
    }
    if (!isRecord(json))
      return failure('native', 'This file is not a survey definition we can read: expected a JSON object with pages (our format or SurveyJS) or an XLSForm workbook (.xlsx).');

    if (looksNative(json)) {
      // Editors add `$schema` to point at our JSON Schema; it is not part of the definition.
      const rest = { ...json };
      delete rest.$schema;
      const result = parseDefinition(rest);
      const report: ImportReport = { format: 'native', notCarried: [], renamed: [] };
      if (result.ok) return { ok: true, definition: result.definition, report };
      const n = result.problems.length;
      return { ok: false, message: `This survey definition has ${n} problem${n === 1 ? '' : 's'}.`, problems: result.problems, report };
    }
    if ('pages' in json || 'elements' in json || 'questions' in json) return fromSurveyJs(json);
    return failure(
      'native',
      'This file is not a survey definition we can read: expected our JSON format (with "format": 1 and "pages"), SurveyJS JSON (with "pages" or "elements") or an XLSForm workbook (.xlsx).'
    );
  } catch (e) {
    // The converters should not throw, but a bug must not turn into a 500.
    return failure('native', `This file could not be imported: ${e instanceof Error ? e.message : String(e)}`);
  }
}
