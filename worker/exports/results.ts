/**
 * The results summary as rows for a spreadsheet (CSV or xlsx): a header block that says
 * what the file is (survey, network, demo marker, date, the minimum group size rule), then
 * one tidy row per figure. Everything comes from the suppressed `Summary`, so a figure
 * hidden on the page is hidden here too: its people column reads "fewer than N" and its
 * share is left empty. Raw counts never reach this module.
 */
import type { QuestionResult, Summary } from '../results/service';
import type { Figure } from '../results/suppression';
import { heading, type Cell, type Row } from './cells';

/** Column widths (characters) of the aggregate table in xlsx. */
export const AGGREGATE_WIDTHS = [16, 44, 28, 36, 14, 10, 10, 34, 20] as const;

/** The columns of the aggregate table. */
export const AGGREGATE_COLUMNS = ['question id', 'question', 'statement (matrix row)', 'answer', 'people', 'share %', 'mean', 'mean is on', 'median'] as const;

/** The date and time of a download as people in the UK read it. */
export function ukTime(at: Date): string {
  return `${at.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' })} (UK time)`;
}

/**
 * The rows of an aggregate export: the header block, a blank row, the table's headings and
 * one row per figure. Also the index of the headings row (0-based), for freezing it.
 */
export function aggregateRows(summary: Summary, opts: { at?: Date } = {}): { rows: Row[]; headingRow: number } {
  const min = summary.survey.minGroupSize;
  const fewer = `fewer than ${min}`;
  /** People: the count, or "fewer than N" when suppressed: never a number then. */
  const people = (f: Figure): Cell => (f.suppressed || f.count === null ? fewer : f.count);
  /** Share: empty when suppressed (or when there is nothing to be a share of). */
  const share = (f: Figure): Cell => (f.suppressed || f.percent === null ? null : f.percent);
  // Summaries built by hand in tests may have no filter.
  const filter = summary.filter ?? null;

  const rows: Row[] = [
    heading('Results', summary.survey.title),
    ['Survey', summary.survey.title],
    ['Survey address', `/s/${summary.survey.slug}`],
    ['Version', summary.survey.version],
    ['Network', summary.network.name],
    ...(summary.network.isDemo ? [['Data', 'Demo – made-up data']] : []),
    ['Downloaded', ukTime(opts.at ?? new Date())],
    ...(filter && filter.applied.length ? [['Filter', filter.applied.join('; ')]] : []),
    ['Complete responses', people(summary.responses)],
    ['Minimum group size', min],
    [
      'Rule',
      `Figures from fewer than ${min} people are not shown: their people column reads "${fewer}" and their share is left empty. ` +
        'Where one figure of a group is hidden, the next smallest is hidden too, so it cannot be worked out by subtraction.'
    ],
    ['Shares', 'Percentages of the people who answered each question (or each statement of a grid).'],
    ['Written answers', 'Counted here, never shown: their words appear only after an editor has reviewed them.']
  ];

  if (filter?.refused) {
    rows.push([], ['Not shown', filter.refused]);
    return { rows, headingRow: -1 };
  }
  if (!summary.enough) {
    rows.push([], ['Not shown', `Results appear once at least ${min} people have answered.`]);
    return { rows, headingRow: -1 };
  }

  rows.push([], heading(...AGGREGATE_COLUMNS));
  const headingRow = rows.length - 1;
  for (const q of summary.questions) rows.push(...questionRows(q, people, share));
  return { rows, headingRow };
}

/** The rows of one question: who answered (with mean and median), then each answer. */
function questionRows(q: QuestionResult, people: (f: Figure) => Cell, share: (f: Figure) => Cell): Row[] {
  const line = (row: string, answer: string, f: Figure | null, extra: { share?: Cell; mean?: number | null; meanOf?: string; median?: string | null } = {}): Row => [
    q.id,
    q.title,
    row,
    answer,
    f ? people(f) : null,
    extra.share ?? null,
    extra.mean ?? null,
    extra.mean != null ? (extra.meanOf ?? null) : null,
    extra.median ?? null
  ];
  const out: Row[] = [];
  if (q.rows) {
    for (const r of q.rows) {
      out.push(line(r.label, 'Answered', r.answered, { mean: r.mean, meanOf: q.meanOf, median: r.median }));
      for (const o of r.options) out.push(line(r.label, o.label, o, { share: share(o) }));
    }
  } else if (q.type === 'text' || q.type === 'long_text' || q.type === 'date') {
    out.push(line('', 'Written answers', q.textAnswers ?? q.answered));
  } else {
    out.push(line('', 'Answered', q.answered, { mean: q.mean, meanOf: q.meanOf, median: q.median }));
    for (const o of q.options) {
      const position = 'mean' in o && typeof o.mean === 'number' ? o.mean : null;
      out.push(line('', o.label, o, { share: share(o), mean: position, meanOf: q.meanOf }));
    }
    if (q.textAnswers) out.push(line('', 'Written "other" answers', q.textAnswers));
  }
  return out;
}
