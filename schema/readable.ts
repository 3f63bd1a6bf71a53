/**
 * Answers in words: what a person chose or wrote, as labels in a language. Used where a
 * response is shown back (an organisation's sent answers) and in exports of responses.
 */
import type { AnswerValue } from './answers';
import { t } from './i18n';
import { OTHER, PREFER_NOT, type AnswerableQuestion, type Option } from './survey-definition';

export const PREFER_NOT_LABEL = 'Prefer not to say';

function label(options: readonly Option[], id: string, lang: string): string {
  if (id === PREFER_NOT) return PREFER_NOT_LABEL;
  const o = options.find((x) => x.id === id);
  return o ? t(o.label, lang) : id;
}

/** An answer as lines of text (one per chosen option, matrix row or ranked option); empty if not answered. */
export function answerLines(q: AnswerableQuestion, value: AnswerValue | undefined, lang: string): string[] {
  if (value === undefined) return [];
  switch (q.type) {
    case 'single': {
      const a = value as { option: string; other?: string };
      return [a.option === OTHER ? `Other: ${a.other ?? ''}` : label(q.options, a.option, lang)];
    }
    case 'multi': {
      const a = value as { options: string[]; other?: string };
      return a.options.map((o) => (o === OTHER ? `Other: ${a.other ?? ''}` : label(q.options, o, lang)));
    }
    case 'scale':
      return [label(q.points, value as string, lang)];
    case 'yes_no':
      return [value === 'yes' ? 'Yes' : value === 'no' ? 'No' : PREFER_NOT_LABEL];
    case 'matrix':
      return q.rows
        .filter((r) => (value as Record<string, string>)[r.id] !== undefined)
        .map((r) => `${t(r.label, lang)}: ${label(q.points, (value as Record<string, string>)[r.id], lang)}`);
    case 'ranking':
      return (value as string[]).map((o, i) => `${i + 1}. ${label(q.options, o, lang)}`);
    case 'consent':
      return ['Agreed'];
    case 'rating':
    case 'number':
      return [String(value)];
    default:
      return [String(value)];
  }
}
