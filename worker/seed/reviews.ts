/**
 * Made-up review decisions for the demo network, so its review queues and results show
 * something: most answers with personal details redacted (with the suggested redaction),
 * some approved, a few rejected, plenty still pending; and a few themes tagged by
 * keywords. Recorded as the system's, never as a real member's, with one audit entry per
 * survey saying they are made up. Deterministic for the demo's seed.
 */
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { detectPersonalData, suggestRedaction } from '../../schema/personal-data';
import { answers, surveys as surveysTable, textReviews, textReviewThemes, textThemes } from '../../schema/tables';
import { entry, SYSTEM } from '../audit/service';
import { batch, type Db } from '../db';
import { freeTextQuestions, freeTextRows } from '../results/texts';
import * as surveys from '../surveys/service';
import { random } from './synthetic';

/** The demo's themes and the words that earn an answer each one. */
const THEMES: [string, RegExp][] = [
  ['Time and listening', /talk|listen|asked|checking in|sat with/i],
  ['Practical help', /cost|funeral|information|contact|help with/i],
  ['Support for families and carers', /family|children|husband|carers|mum|dad/i],
  ['A place to remember', /place|remember|memorial|garden/i]
];

/** D1 binds at most 100 parameters: review rows have 7 columns, tags 2. */
const REVIEWS_PER_INSERT = 14;
const TAGS_PER_INSERT = 45;

/** Seed review decisions and themes for every published survey of the demo network. */
export async function seedDemoReviews(db: Db, networkId: string): Promise<void> {
  const list = await db.select().from(surveysTable).where(and(eq(surveysTable.networkId, networkId), isNotNull(surveysTable.currentVersion))).all();
  for (const [n, survey] of list.entries()) {
    const def = await surveys.definitionOf(db, survey.id, survey.currentVersion!);
    const questions = freeTextQuestions(def);
    if (!questions.length) continue;
    const rows = await db
      .select({ id: answers.id, questionId: answers.questionId, text: answers.text })
      .from(answers)
      .where(and(eq(answers.surveyId, survey.id), freeTextRows(questions)))
      .orderBy(asc(answers.id))
      .all();
    const rand = random(7000 + n);
    const now = new Date().toISOString();
    const reviews: ((typeof textReviews.$inferInsert) & { answerId: number })[] = [];
    for (const r of rows) {
      const text = r.text ?? '';
      const personal = detectPersonalData(text).length > 0;
      const x = rand();
      const status = personal ? (x < 0.6 ? 'redacted' : x < 0.75 ? 'rejected' : null) : x < 0.55 ? 'approved' : x < 0.6 ? 'rejected' : null;
      if (!status) continue; // pending
      reviews.push({
        answerId: r.id,
        surveyId: survey.id,
        questionId: r.questionId,
        status,
        redactedText: status === 'redacted' ? suggestRedaction(text) : null,
        reviewedBy: null,
        reviewedAt: now
      });
    }
    const themes = THEMES.map(([name, words]) => ({ id: crypto.randomUUID(), name, words }));
    const texts = new Map(rows.map((r) => [r.id, r.text ?? '']));
    const tags = reviews.flatMap((r) => themes.filter((t) => t.words.test(texts.get(r.answerId)!)).map((t) => ({ answerId: r.answerId, themeId: t.id })));
    const statements = [];
    statements.push(db.insert(textThemes).values(themes.map((t) => ({ id: t.id, surveyId: survey.id, name: t.name }))));
    for (let i = 0; i < reviews.length; i += REVIEWS_PER_INSERT) statements.push(db.insert(textReviews).values(reviews.slice(i, i + REVIEWS_PER_INSERT)));
    for (let i = 0; i < tags.length; i += TAGS_PER_INSERT) statements.push(db.insert(textReviewThemes).values(tags.slice(i, i + TAGS_PER_INSERT)));
    statements.push(
      entry(db, SYSTEM, networkId, 'text.demo_seed', survey.slug, {
        note: 'made-up review decisions for the demo',
        approved: reviews.filter((r) => r.status === 'approved').length,
        redacted: reviews.filter((r) => r.status === 'redacted').length,
        rejected: reviews.filter((r) => r.status === 'rejected').length,
        pending: rows.length - reviews.length
      })
    );
    await batch(db, statements);
  }
}
