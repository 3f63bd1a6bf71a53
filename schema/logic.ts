/**
 * Show-if logic, shared by the server (which decides what is asked and what is kept)
 * and the browser enhancement (which shows and hides questions live). It imports
 * nothing so the browser bundle stays tiny.
 */
import type { Condition } from './survey-definition';

/** What a condition can see of an answer: the option ids chosen (ratings as "0".."10"). */
export type ChoiceMap = Record<string, readonly string[] | undefined>;

/** Whether a condition holds for the chosen options so far. A question not answered matches nothing. */
export function evaluate(condition: Condition | undefined, chosen: ChoiceMap): boolean {
  if (!condition) return true;
  if ('all' in condition) return condition.all.every((c) => evaluate(c, chosen));
  if ('any' in condition) return condition.any.some((c) => evaluate(c, chosen));
  if ('not' in condition) return !evaluate(condition.not, chosen);
  const picked = chosen[condition.question];
  return !!picked && picked.some((v) => condition.in.includes(v));
}

/** Question ids a condition depends on. */
export function dependencies(condition: Condition | undefined, into: Set<string> = new Set()): Set<string> {
  if (!condition) return into;
  if ('all' in condition) condition.all.forEach((c) => dependencies(c, into));
  else if ('any' in condition) condition.any.forEach((c) => dependencies(c, into));
  else if ('not' in condition) dependencies(condition.not, into);
  else into.add(condition.question);
  return into;
}
