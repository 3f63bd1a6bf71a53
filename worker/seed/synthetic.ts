/**
 * Made-up responses for the demo network and for load tests: plausible, skewed answers
 * (not uniform noise), so results pages look like real ones, including small groups that
 * must be suppressed. Deterministic for a given seed.
 */
import { choices, validateAnswers, type Answers, type AnswerValue } from '../../schema/answers';
import { evaluate } from '../../schema/logic';
import { PREFER_NOT, type Question, type SurveyDefinition } from '../../schema/survey-definition';

/** A small, fast, seedable random number generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Stable per-question popularity of each option: a few options are common, most are not. */
function weights(questionId: string, n: number): number[] {
  const r = random(hash(questionId));
  const order = Array.from({ length: n }, (_, i) => i).sort(() => r() - 0.5);
  const w = new Array<number>(n);
  order.forEach((option, rank) => (w[option] = 1 / Math.pow(rank + 1, 1.1)));
  return w;
}

function weighted(rand: () => number, w: number[]): number {
  const total = w.reduce((a, b) => a + b, 0);
  let x = rand() * total;
  for (let i = 0; i < w.length; i++) if ((x -= w[i]) <= 0) return i;
  return w.length - 1;
}

const PHRASES = [
  'More time to talk about what happened.',
  'Someone checking in after the funeral, not just before.',
  'Clear information about who to contact and when.',
  'Managers who know what to say, or at least to listen.',
  'A quiet place to sit and remember.',
  'Help with the cost of the funeral.',
  'Being asked, not told.',
  'Support for the whole family, including the children.',
  // Made-up personal details (names, a drama-range phone number, an example address), as
  // real answers sometimes hold them: the free-text review must catch these.
  'My husband Derek was looked after so well at the hospice, thank you to Sister Agnes.',
  'Please ring me on 07700 900461, I would like to help with the memorial garden.',
  'Our neighbour Mrs Okafor at 14 Elm Grove sat with me every evening.',
  'Email me at jo.demo@example.org about the bereavement café.',
  'More support for carers like my mum Pat, who looked after dad alone.'
];

function answer(q: Question, rand: () => number): AnswerValue | undefined {
  const preferNot = 'prefer_not_to_say' in q && q.prefer_not_to_say && rand() < 0.04;
  switch (q.type) {
    case 'single':
      if (preferNot) return { option: PREFER_NOT };
      if (q.other && rand() < 0.03) return { option: 'other', other: PHRASES[Math.floor(rand() * PHRASES.length)] };
      return { option: q.options[weighted(rand, weights(q.id, q.options.length))].id };
    case 'multi': {
      if (preferNot) return { options: [PREFER_NOT] };
      const plain = q.options.filter((o) => !o.exclusive);
      const w = weights(q.id, plain.length);
      let picked = plain.filter((_, i) => rand() < 0.15 + 0.55 * w[i]).map((o) => o.id);
      if (q.max) picked = picked.slice(0, q.max);
      if (picked.length < (q.min ?? 1)) {
        const none = q.options.find((o) => o.exclusive);
        picked = none && rand() < 0.5 ? [none.id] : plain.slice(0, Math.max(q.min ?? 1, 1)).map((o) => o.id);
      }
      return { options: picked };
    }
    case 'scale':
      return preferNot ? PREFER_NOT : q.points[weighted(rand, weights(q.id, q.points.length))].id;
    case 'yes_no':
      return preferNot ? PREFER_NOT : rand() < 0.6 ? 'yes' : 'no';
    case 'rating':
      return Math.max(0, Math.min(10, Math.round(6 + (rand() + rand() + rand() - 1.5) * 4)));
    case 'matrix':
      return Object.fromEntries(q.rows.map((r) => [r.id, q.points[weighted(rand, weights(`${q.id}.${r.id}`, q.points.length))].id]));
    case 'ranking': {
      const order = [...q.options].sort(() => rand() - 0.5);
      return order.slice(0, Math.min(q.max ?? 3, q.options.length)).map((o) => o.id);
    }
    case 'text':
    case 'long_text':
      return rand() < 0.35 ? PHRASES[Math.floor(rand() * PHRASES.length)] : undefined;
    case 'number': {
      const lo = q.min ?? 0;
      const hi = q.max ?? lo + 50;
      const v = lo + rand() * Math.min(hi - lo, 50);
      return q.integer ? Math.round(v) : Math.round(v * 10) / 10;
    }
    case 'date':
      return new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 365) * 86400000).toISOString().slice(0, 10);
    case 'consent':
      return true;
    case 'info':
      return undefined;
  }
}

/** One made-up, valid response to a definition. Optional questions are sometimes skipped. */
export function syntheticAnswers(def: SurveyDefinition, rand: () => number): Answers {
  const given: Answers = {};
  for (const page of def.pages)
    for (const q of page.questions) {
      if (q.type === 'info' || !evaluate(q.show_if, choices(given))) continue;
      if (!q.required && rand() < 0.1) continue;
      const v = answer(q, rand);
      if (v !== undefined) given[q.id] = v;
    }
  // Only what the survey itself accepts: anything odd is dropped rather than stored.
  return validateAnswers(def, def.pages.flatMap((p) => p.questions), given, { requireRequired: false }).answers;
}
