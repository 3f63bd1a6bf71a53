import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../schema/answers';
import { templates } from '../../schema/templates';
import { random, syntheticAnswers } from '../../worker/seed/synthetic';

describe('synthetic responses', () => {
  it.each(templates.map((t) => [t.slug, t.definition] as const))('%s: every made-up response is valid, complete and varied', (_slug, def) => {
    const rand = random(7);
    const all = Array.from({ length: 200 }, () => syntheticAnswers(def, rand));
    const questions = def.pages.flatMap((p) => p.questions);
    for (const a of all) expect(validateAnswers(def, questions, a, { requireRequired: true }).errors).toEqual([]);
    // Not all the same: the single-choice question with most options gets at least three different answers.
    const widest = questions.filter((q) => q.type === 'single').sort((a, b) => ('options' in b ? b.options.length : 0) - ('options' in a ? a.options.length : 0))[0];
    expect(new Set(all.map((a) => JSON.stringify(a[widest.id]))).size).toBeGreaterThanOrEqual(3);
  });

  it('is the same for the same seed', () => {
    const def = templates[0].definition;
    expect(syntheticAnswers(def, random(1))).toEqual(syntheticAnswers(def, random(1)));
    expect(syntheticAnswers(def, random(1))).not.toEqual(syntheticAnswers(def, random(2)));
  });
});
