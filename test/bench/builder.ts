/**
 * The survey builder at the size limits: a survey of 50 pages × 8 questions (400
 * questions, the templates' questions repeated with new ids, offered in three languages).
 * Every save validates the whole definition, publishing compares the whole survey, the
 * translation page lists every string, and an XLSForm of the same survey is imported.
 * Each is timed (median of several runs after a warm-up) beside a baseline measured in the
 * same run: a JSON round trip of the same definition (what storing and loading it costs
 * anyway), and for the import, unzipping the same workbook.
 */
import { unzipSync } from 'fflate';
import { performance } from 'node:perf_hooks';
import { moveQuestion, textEntries, missingTranslations } from '../../schema/builder';
import { compareVersions } from '../../schema/compare';
import { importSurvey } from '../../schema/import/index';
import { parseDefinition, type Question, type SurveyDefinition } from '../../schema/survey-definition';
import { templates } from '../../schema/templates';
import { xlsxBytes } from '../../worker/exports/xlsx';

const RUNS = 15;

function median(fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** The templates' questions (without conditions, which name ids), renamed per copy, 8 to a page. */
function bigSurvey(pages: number): SurveyDefinition {
  const pool = templates.flatMap((t) => t.definition.pages.flatMap((p) => p.questions)).filter((q) => q.type !== 'info');
  const translate = (text: unknown) => (typeof text === 'string' ? { en: text, cy: `${text} (cy)`, ur: `${text} (ur)` } : text);
  const questions: Question[] = Array.from({ length: pages * 8 }, (_, i) => {
    const { show_if: _drop, ...q } = structuredClone(pool[i % pool.length]) as Question & { show_if?: unknown };
    const copy = { ...q, id: `${q.id}_${i}` } as Record<string, unknown>;
    copy.title = translate(copy.title);
    return copy as Question;
  });
  return {
    format: 1,
    title: { en: 'Everything at once', cy: 'Popeth (cy)', ur: 'سب کچھ' },
    languages: ['en', 'cy', 'ur'],
    pages: Array.from({ length: pages }, (_, p) => ({ id: `page_${p}`, title: `Page ${p + 1}`, questions: questions.slice(p * 8, p * 8 + 8) }))
  };
}

/** The same survey as an XLSForm workbook (survey, choices, settings), written by the export writer. */
async function asXlsForm(def: SurveyDefinition): Promise<Uint8Array> {
  const survey: string[][] = [['type', 'name', 'label', 'required']];
  const choices: string[][] = [['list_name', 'name', 'label']];
  const text = (t: unknown) => (typeof t === 'string' ? t : (t as Record<string, string>).en);
  for (const page of def.pages) {
    survey.push(['begin group', page.id, String(page.title), '']);
    for (const q of page.questions) {
      const list = 'options' in q ? q.options : 'points' in q ? q.points : null;
      if (list) {
        survey.push([q.type === 'multi' ? `select_multiple ${q.id}` : `select_one ${q.id}`, q.id, text(q.title), 'required' in q && q.required ? 'yes' : '']);
        for (const o of list) choices.push([q.id, o.id, text(o.label)]);
      } else survey.push([q.type === 'number' ? 'integer' : q.type === 'date' ? 'date' : 'text', q.id, text('title' in q ? q.title : q.id), '']);
    }
    survey.push(['end group', '', '', '']);
  }
  return xlsxBytes([
    { name: 'survey', rows: survey },
    { name: 'choices', rows: choices },
    { name: 'settings', rows: [['form_title'], ['Everything at once']] }
  ]);
}

/** The timings for one survey. */
async function measure(name: string, def: SurveyDefinition, withImport: boolean): Promise<number> {
  const checked = parseDefinition(def);
  if (!checked.ok) throw new Error(`the benchmark survey is not valid: ${JSON.stringify(checked.problems.slice(0, 3))}`);
  const questions = def.pages.flatMap((p) => p.questions).length;
  const bytes = JSON.stringify(def).length;
  const moving = def.pages[Math.floor(def.pages.length / 2)].questions[0].id;
  const edited = moveQuestion(def, moving, 'down');
  const noAnswers = () => 0;

  const baseline = median(() => JSON.parse(JSON.stringify(def)));
  const save = median(() => parseDefinition(moveQuestion(def, moving, 'down')));
  const compare = median(() => compareVersions(def, edited, noAnswers));
  const translations = median(() => {
    textEntries(def);
    missingTranslations(def);
  });

  const ms = (n: number) => `${n.toFixed(2)} ms`;
  const row = (step: string, t: number, base: number, baseName: string) => console.log(`${step.padEnd(42)}${ms(t).padStart(10)} ${ms(base).padStart(10)}   ${(t / base).toFixed(1).padStart(5)}  (× ${baseName})`);
  console.log(`\n${name}: ${def.pages.length} pages, ${questions} questions, ${(def.languages ?? ['en']).length} language(s), ${(bytes / 1024).toFixed(0)} KB of JSON`);
  console.log(`${'step'.padEnd(42)}${'time'.padStart(10)} ${'baseline'.padStart(10)}   ratio`);
  row('save: one edit + full validation', save, baseline, 'JSON round trip');
  row('publish check: compare two versions', compare, baseline, 'JSON round trip');
  row('translation page: list + missing', translations, baseline, 'JSON round trip');
  if (withImport) {
    const workbook = await asXlsForm(def);
    const imported = importSurvey({ name: 'big.xlsx', bytes: workbook });
    if (!imported.ok) throw new Error(`the benchmark workbook did not import: ${imported.message}`);
    const unzip = median(() => unzipSync(workbook));
    const importTime = median(() => importSurvey({ name: 'big.xlsx', bytes: workbook }));
    row(`import XLSForm of it (${(workbook.length / 1024).toFixed(0)} KB)`, importTime, unzip, 'unzip alone');
  }
  return save / baseline;
}

export async function builderBench(): Promise<void> {
  await measure('employers template', templates.find((t) => t.slug === 'employers')!.definition, true);
  const ratio = await measure('largest survey allowed', bigSurvey(50), true);
  console.log(`\nsave/json ratio (largest): ${ratio.toFixed(1)}`);
}
