/**
 * What publishing a draft changes, compared with the version respondents answer now.
 *
 * Results add up answers across versions by question, row and option id, so a change is
 * *breaking* when answers already given would no longer be comparable with new ones:
 * a question or an answer choice that people have chosen disappears, a question changes
 * type, or a scale's points change (scales are scored 1..n in order, so adding, removing
 * or reordering points changes every mean). These are flagged before publishing and need
 * the editor to confirm. Everything else is listed so the editor can check it.
 */
import { titleOf } from './builder';
import { languagesOf } from './i18n';
import { allQuestions, type Condition, type I18nText, type Question, type SurveyDefinition } from './survey-definition';

/** How many complete responses chose something: `question`, `question|row` or `question|row|option` ("*" for anyone who answered). */
export type AnswerCounts = (question: string, row: string, option: string) => number;

/** One difference between the live version and the draft. */
export type Change = {
  question: string | null;
  /** Wording of the question, for the list. */
  title: string;
  message: string;
  breaking: boolean;
};

const text = (t: I18nText | undefined, lang: string) => (t === undefined ? '' : typeof t === 'string' ? t : (t[lang] ?? Object.values(t)[0] ?? ''));

type Item = { id: string; label: I18nText };
const listOf = (q: Question, key: 'options' | 'points' | 'rows'): Item[] => ((q as Record<string, unknown>)[key] as Item[] | undefined) ?? [];

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** The changes from `live` (what respondents answer now) to `draft`, breaking ones first. */
export function compareVersions(
  live: SurveyDefinition,
  draft: SurveyDefinition,
  answered: AnswerCounts,
  /** The other published versions: a question added back under an id one of them used has answers under it already. */
  earlier: readonly { version: number; definition: SurveyDefinition }[] = []
): Change[] {
  const lang = languagesOf(draft)[0];
  const before = new Map(allQuestions(live).map((x) => [x.question.id, x.question]));
  const after = new Map(allQuestions(draft).map((x) => [x.question.id, x.question]));
  const changes: Change[] = [];
  const add = (q: Question | null, message: string, breaking = false) =>
    changes.push({ question: q?.id ?? null, title: q ? titleOf(q, lang) : '', message, breaking });

  for (const [id, old] of before) {
    const now = after.get(id);
    const people = old.type === 'info' ? 0 : answered(id, '', '*') || (old.type === 'matrix' ? Math.max(0, ...old.rows.map((r) => answered(id, r.id, '*'))) : 0);
    if (!now) {
      add(old, people ? `Removed. ${plural(people, 'person has', 'people have')} answered it; their answers are kept (the download of every response still has them), but the results follow the live version, so it leaves them, and new responses will not have it.` : 'Removed (nobody has answered it yet).', people > 0);
      continue;
    }
    if (now.type !== old.type) {
      add(now, `Changed from ${old.type.replace('_', ' ')} to ${now.type.replace('_', ' ')}${people ? `: the ${plural(people, 'answer')} given so far cannot be compared with new ones` : ''}.`, people > 0);
      continue;
    }
    if (text(titleOrBody(old), lang) !== text(titleOrBody(now), lang)) add(now, `Reworded, from “${text(titleOrBody(old), lang)}”. Check the meaning is unchanged, or earlier answers cannot be compared fairly.`);

    for (const key of ['options', 'rows'] as const) {
      const was = listOf(old, key);
      const is = new Map(listOf(now, key).map((o) => [o.id, o]));
      const what = key === 'rows' ? 'Statement' : 'Choice';
      for (const o of was) {
        const chosen = key === 'rows' ? answered(id, o.id, '*') : answered(id, '', o.id);
        if (!is.has(o.id)) add(now, `${what} “${text(o.label, lang)}” removed${chosen ? `: ${plural(chosen, 'person', 'people')} chose it` : ''}.`, chosen > 0);
        else if (text(is.get(o.id)!.label, lang) !== text(o.label, lang)) add(now, `${what} “${text(o.label, lang)}” reworded to “${text(is.get(o.id)!.label, lang)}”.`);
      }
      const known = new Set(was.map((o) => o.id));
      for (const o of listOf(now, key)) if (!known.has(o.id)) add(now, `${what} “${text(o.label, lang)}” added.`);
    }

    const oldPoints = listOf(old, 'points');
    const newPoints = listOf(now, 'points');
    if (oldPoints.length || newPoints.length) {
      const same = oldPoints.length === newPoints.length && oldPoints.every((p, i) => p.id === newPoints[i].id);
      if (!same)
        add(
          now,
          `The scale’s points changed (from ${oldPoints.map((p) => `“${text(p.label, lang)}”`).join(', ')} to ${newPoints.map((p) => `“${text(p.label, lang)}”`).join(', ')}). Points are scored in order, so averages before and after cannot be compared.`,
          people > 0
        );
      else oldPoints.forEach((p, i) => text(p.label, lang) !== text(newPoints[i].label, lang) && add(now, `Point “${text(p.label, lang)}” reworded to “${text(newPoints[i].label, lang)}”.`));
    }

    for (const key of ['other', 'prefer_not_to_say'] as const) {
      const was = key in old && !!(old as Record<string, unknown>)[key];
      const is = key in now && !!(now as Record<string, unknown>)[key];
      const name = key === 'other' ? '“Other”' : '“Prefer not to say”';
      // A matrix's answers (its "prefer not to say" too) are counted per row.
      const chosen = old.type === 'matrix' ? Math.max(0, ...old.rows.map((r) => answered(id, r.id, key))) : answered(id, '', key);
      if (was && !is) add(now, `${name} removed${chosen ? `: ${plural(chosen, 'person', 'people')} chose it` : ''}.`, chosen > 0);
      if (!was && is) add(now, `${name} added.`);
    }
    if (old.type !== 'info' && now.type !== 'info' && !!old.required !== !!now.required) add(now, now.required ? 'Now required.' : 'No longer required.');
    if (JSON.stringify(normalised(old.show_if)) !== JSON.stringify(normalised(now.show_if)))
      add(now, now.show_if ? (old.show_if ? 'Its condition changed: different people will be asked it.' : 'Now asked only when its condition holds.') : 'Now asked of everyone.');
  }
  for (const [id, q] of after) {
    if (before.has(id)) continue;
    const past = [...earlier].reverse().map((v) => ({ version: v.version, question: allQuestions(v.definition).find((x) => x.question.id === id)?.question })).find((x) => x.question);
    if (!past?.question) add(q, 'Added.');
    else if (past.question.type === q.type) add(q, `Added back: its answers from version ${past.version} are counted together with new ones.`);
    else add(q, `Added with the id of a ${past.question.type.replace('_', ' ')} question of version ${past.version} (“${titleOf(past.question, lang)}”): its answers would be counted as this one’s. Add it as a new question instead.`, true);
  }

  const oldLangs = languagesOf(live);
  const newLangs = languagesOf(draft);
  for (const l of newLangs) if (!oldLangs.includes(l)) add(null, `Now offered in ${l}.`);
  for (const l of oldLangs) if (!newLangs.includes(l)) add(null, `No longer offered in ${l}.`);
  if ((live.sensitivity ?? 'standard') !== (draft.sensitivity ?? 'standard')) add(null, `Sensitivity changed to ${draft.sensitivity ?? 'standard'}.`);
  if (text(live.title, lang) !== text(draft.title, lang)) add(null, `Title changed to “${text(draft.title, lang)}”.`);
  for (const [key, name] of [
    ['intro', 'Introduction'],
    ['content_note', 'Content note'],
    ['thank_you', 'Thank-you text']
  ] as const)
    if (JSON.stringify(live[key] ?? null) !== JSON.stringify(draft[key] ?? null)) add(null, `${name} changed.`);
  if (JSON.stringify(live.signposting ?? null) !== JSON.stringify(draft.signposting ?? null)) add(null, 'Support contacts changed.');
  if (live.pages.map((p) => p.id).join() !== draft.pages.map((p) => p.id).join() || JSON.stringify(live.pages.map((p) => [p.title, p.intro])) !== JSON.stringify(draft.pages.map((p) => [p.title, p.intro])))
    add(null, 'Pages changed (order, titles or introductions).');
  else {
    // The order (and pages) of the questions in both versions: added and removed ones are listed already.
    const order = (def: SurveyDefinition, other: Map<string, Question>) =>
      JSON.stringify(def.pages.map((p) => p.questions.filter((q) => other.has(q.id)).map((q) => q.id)));
    if (order(live, after) !== order(draft, before)) add(null, 'Questions reordered.');
  }
  if (changes.length === 0 && JSON.stringify(live) !== JSON.stringify(draft)) add(null, 'Other details changed (help text, limits or translations).');
  return changes.sort((a, b) => Number(b.breaking) - Number(a.breaking));
}

/** A condition in one canonical shape: `{all: [c]}` and `{any: [c]}` are `c`, and `in` lists are sorted. */
function normalised(c: Condition | undefined): Condition | null {
  if (!c) return null;
  if ('all' in c || 'any' in c) {
    const list = ('all' in c ? c.all : c.any).map((x) => normalised(x) as Condition);
    if (list.length === 1) return list[0];
    return 'all' in c ? { all: list } : { any: list };
  }
  if ('not' in c) return { not: normalised(c.not) as Condition };
  return { question: c.question, in: [...c.in].sort() };
}

function titleOrBody(q: Question): I18nText | undefined {
  return q.type === 'info' ? (q.title ?? q.body) : q.title;
}
