/**
 * The survey definition format, version 1: the contract between the builder, the
 * templates, the respondent pages and the results. One zod schema is the source of
 * truth for the validator, the TypeScript types and the published JSON Schema.
 *
 * Structural rules (types, lengths, id patterns) live in the zod shapes; rules that
 * need the whole survey (unique ids, conditions pointing backwards at real options)
 * live in `checkReferences`, wired in with `superRefine`, so every problem is
 * reported with its path in one pass.
 */
import { z } from 'zod';

/** Current version of the definition format; stored in every definition as `format`. */
export const FORMAT_VERSION = 1;

/** Option ids reserved for the built-in "other" and "prefer not to say" choices. */
export const OTHER = 'other';
/** See OTHER. */
export const PREFER_NOT = 'prefer_not_to_say';

/** Ids of questions, options, rows and pages: stable, URL- and form-safe, lower case. */
export const Id = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z0-9_-]+$/, 'may contain only a-z, 0-9, "_" and "-"');
/** See Id. */
export type Id = z.infer<typeof Id>;

/** A BCP 47-ish language code such as `en`, `ur`, `pa-Guru`. */
export const LanguageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'is not a language code like "en" or "pa-Guru"');
/** See LanguageCode. */
export type LanguageCode = z.infer<typeof LanguageCode>;

const textLimit = 4000;

/** A translatable string: plain text in the default language, or a map of language code to text. */
export const I18nText = z.union([
  z.string().trim().min(1, 'must not be empty').max(textLimit),
  z
    .record(LanguageCode, z.string().trim().min(1, 'must not be empty').max(textLimit))
    .refine((m) => Object.keys(m).length > 0, 'needs at least one language')
]);
/** See I18nText. */
export type I18nText = z.infer<typeof I18nText>;

/** A show-if condition: structured data, never an expression string. */
export type Condition =
  | { question: string; in: string[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** See the Condition type. `in` lists option ids (for ratings, the numbers as strings). */
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ question: Id, in: z.array(z.string().min(1)).min(1, 'must list at least one option') }),
    z.strictObject({ all: z.array(Condition).min(1, 'must hold at least one condition') }),
    z.strictObject({ any: z.array(Condition).min(1, 'must hold at least one condition') }),
    z.strictObject({ not: Condition })
  ])
);

/** One choice of a single, multi, ranking or scale question. */
export const Option = z.strictObject({
  id: Id,
  label: I18nText,
  /** In a multi question, choosing this option clears the others ("None of these"). */
  exclusive: z.boolean().optional()
});
/** See Option. */
export type Option = z.infer<typeof Option>;

const base = {
  id: Id,
  title: I18nText,
  help: I18nText.optional(),
  required: z.boolean().optional(),
  show_if: Condition.optional()
};

const options = z.array(Option).min(2, 'needs at least two options').max(60, 'may have at most 60 options');

/** Pick one; optional free-text "other" and "prefer not to say". */
export const SingleQuestion = z.strictObject({
  ...base,
  type: z.literal('single'),
  options,
  other: I18nText.optional(),
  prefer_not_to_say: z.boolean().optional()
});
/** Pick any; optional "other", limits on how many. */
export const MultiQuestion = z.strictObject({
  ...base,
  type: z.literal('multi'),
  options,
  other: I18nText.optional(),
  prefer_not_to_say: z.boolean().optional(),
  min: z.int().min(1).optional(),
  max: z.int().min(1).optional()
});
/** A Likert-style scale of labelled points, scored 1..n in order. */
export const ScaleQuestion = z.strictObject({
  ...base,
  type: z.literal('scale'),
  points: z.array(Option).min(2, 'needs at least two points').max(11, 'may have at most 11 points'),
  prefer_not_to_say: z.boolean().optional()
});
/** A 0-10 rating with labelled ends. */
export const RatingQuestion = z.strictObject({
  ...base,
  type: z.literal('rating'),
  min_label: I18nText.optional(),
  max_label: I18nText.optional()
});
/** Rows sharing one scale. */
export const MatrixQuestion = z.strictObject({
  ...base,
  type: z.literal('matrix'),
  rows: z.array(z.strictObject({ id: Id, label: I18nText })).min(1, 'needs at least one row').max(30),
  points: z.array(Option).min(2, 'needs at least two points').max(11, 'may have at most 11 points'),
  prefer_not_to_say: z.boolean().optional()
});
/** Put options in order of importance; `max` limits how many must be ranked. */
export const RankingQuestion = z.strictObject({
  ...base,
  type: z.literal('ranking'),
  options: z.array(Option).min(2, 'needs at least two options').max(15, 'may have at most 15 options'),
  max: z.int().min(1).optional()
});
/** Yes or no, with optional "prefer not to say". */
export const YesNoQuestion = z.strictObject({
  ...base,
  type: z.literal('yes_no'),
  prefer_not_to_say: z.boolean().optional()
});
/** A short free-text answer. */
export const TextQuestion = z.strictObject({
  ...base,
  type: z.literal('text'),
  max_length: z.int().min(1).max(1000).optional()
});
/** A long free-text answer. */
export const LongTextQuestion = z.strictObject({
  ...base,
  type: z.literal('long_text'),
  max_length: z.int().min(1).max(10000).optional()
});
/** A number, optionally whole and bounded. */
export const NumberQuestion = z.strictObject({
  ...base,
  type: z.literal('number'),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  unit: I18nText.optional()
});
const isoDate = z.iso.date();
/** A calendar date (YYYY-MM-DD), optionally bounded. */
export const DateQuestion = z.strictObject({
  ...base,
  type: z.literal('date'),
  min: isoDate.optional(),
  max: isoDate.optional()
});
/** A statement the respondent ticks to agree to. */
export const ConsentQuestion = z.strictObject({
  ...base,
  type: z.literal('consent'),
  statement: I18nText
});
/** Text only: no answer. */
export const InfoItem = z.strictObject({
  id: Id,
  type: z.literal('info'),
  title: I18nText.optional(),
  body: I18nText,
  show_if: Condition.optional()
});

/** Any question (or info item) on a page, discriminated by `type`. */
export const Question = z.discriminatedUnion('type', [
  SingleQuestion,
  MultiQuestion,
  ScaleQuestion,
  RatingQuestion,
  MatrixQuestion,
  RankingQuestion,
  YesNoQuestion,
  TextQuestion,
  LongTextQuestion,
  NumberQuestion,
  DateQuestion,
  ConsentQuestion,
  InfoItem
]);
/** See Question. */
export type Question = z.infer<typeof Question>;
/** The names of the question types. */
export type QuestionType = Question['type'];
/** A question that takes an answer (everything but `info`). */
export type AnswerableQuestion = Exclude<Question, { type: 'info' }>;

/** One screen of the survey. */
export const Page = z.strictObject({
  id: Id,
  title: I18nText.optional(),
  intro: I18nText.optional(),
  questions: z.array(Question).min(1, 'a page needs at least one question').max(40)
});
/** See Page. */
export type Page = z.infer<typeof Page>;

/** Who to contact if the survey brought up difficult feelings: shown on every page and on the thank-you page. */
export const Signpost = z.strictObject({
  name: I18nText,
  description: I18nText.optional(),
  phone: z.string().regex(/^[0-9 +()-]{3,24}$/, 'is not a phone number').optional(),
  url: z.url({ protocol: /^https?$/ }).optional()
});
/** See Signpost. */
export type Signpost = z.infer<typeof Signpost>;

/** standard: default privacy; sensitive: small groups of people (homelessness, prisons, learning disability). */
export const Sensitivity = z.enum(['standard', 'sensitive']);
/** See Sensitivity. */
export type Sensitivity = z.infer<typeof Sensitivity>;

/** Who answers: residents for themselves, or a person on behalf of an organisation. */
export const Audience = z.enum(['residents', 'organisations']);

const SurveyShape = z.strictObject({
  /** The JSON Schema a file says it follows (exports name ours); ignored otherwise. */
  $schema: z.string().max(2000).optional(),
  format: z.literal(FORMAT_VERSION, { error: `must be ${FORMAT_VERSION}` }),
  title: I18nText,
  /** Languages offered; the first is the default. */
  languages: z.array(LanguageCode).min(1).max(20).optional(),
  audience: Audience.optional(),
  intro: I18nText.optional(),
  content_note: I18nText.optional(),
  signposting: z
    .strictObject({ intro: I18nText.optional(), contacts: z.array(Signpost).min(1).max(8) })
    .optional(),
  thank_you: I18nText.optional(),
  sensitivity: Sensitivity.optional(),
  /** Offer a quick-exit link on every page. Defaults to true for sensitive surveys. */
  quick_exit: z.boolean().optional(),
  pages: z.array(Page).min(1, 'a survey needs at least one page').max(50)
});

/** A survey definition, format 1, with every cross-reference checked. */
export const SurveyDefinition = SurveyShape.superRefine((def, ctx) => {
  for (const issue of checkReferences(def)) ctx.addIssue({ code: 'custom', ...issue });
});
/** See SurveyDefinition. */
export type SurveyDefinition = z.infer<typeof SurveyShape>;

type RefIssue = { path: (string | number)[]; message: string };

/** Option ids a condition may name for a question, or null if it cannot be used in conditions. */
export function conditionValues(q: Question): string[] | null {
  switch (q.type) {
    case 'single':
    case 'multi':
      return [...q.options.map((o) => o.id), ...(q.other ? [OTHER] : []), ...(q.prefer_not_to_say ? [PREFER_NOT] : [])];
    case 'scale':
      return [...q.points.map((o) => o.id), ...(q.prefer_not_to_say ? [PREFER_NOT] : [])];
    case 'yes_no':
      return ['yes', 'no', ...(q.prefer_not_to_say ? [PREFER_NOT] : [])];
    case 'rating':
      return Array.from({ length: 11 }, (_, i) => String(i));
    case 'consent':
      return ['agreed'];
    default:
      return null;
  }
}

function checkReferences(def: z.infer<typeof SurveyShape>): RefIssue[] {
  const issues: RefIssue[] = [];
  const seenQuestions = new Map<string, Question>();
  const pageIds = new Set<string>();
  const languages = new Set(def.languages ?? ['en']);

  const checkText = (t: I18nText | undefined, path: (string | number)[]) => {
    if (t === undefined || typeof t === 'string') return;
    const first = [...languages][0];
    if (!(first in t)) issues.push({ path, message: `needs text in the default language "${first}"` });
    for (const lang of Object.keys(t))
      if (!languages.has(lang)) issues.push({ path: [...path, lang], message: `language "${lang}" is not in the survey's languages` });
  };

  const checkCondition = (c: Condition, path: (string | number)[]) => {
    if ('all' in c) c.all.forEach((s, i) => checkCondition(s, [...path, 'all', i]));
    else if ('any' in c) c.any.forEach((s, i) => checkCondition(s, [...path, 'any', i]));
    else if ('not' in c) checkCondition(c.not, [...path, 'not']);
    else {
      const target = seenQuestions.get(c.question);
      if (!target) {
        issues.push({ path: [...path, 'question'], message: `refers to "${c.question}", which is not an earlier question` });
        return;
      }
      const values = conditionValues(target);
      if (!values) {
        issues.push({ path: [...path, 'question'], message: `refers to "${c.question}", a ${target.type} question, which conditions cannot test` });
        return;
      }
      c.in.forEach((v, i) => {
        if (!values.includes(v)) issues.push({ path: [...path, 'in', i], message: `"${v}" is not an option of "${c.question}"` });
      });
    }
  };

  const uniqueIds = (items: { id: string }[], path: (string | number)[], what: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) issues.push({ path: [...path, i, 'id'], message: `${what} id "${item.id}" is used twice` });
      seen.add(item.id);
      if (item.id === OTHER || item.id === PREFER_NOT)
        issues.push({ path: [...path, i, 'id'], message: `"${item.id}" is reserved; use the question's "${item.id === OTHER ? 'other' : 'prefer_not_to_say'}" setting` });
    });
  };

  checkText(def.title, ['title']);
  for (const key of ['intro', 'content_note', 'thank_you'] as const) checkText(def[key], [key]);
  checkText(def.signposting?.intro, ['signposting', 'intro']);
  def.signposting?.contacts.forEach((c, i) => {
    checkText(c.name, ['signposting', 'contacts', i, 'name']);
    checkText(c.description, ['signposting', 'contacts', i, 'description']);
  });

  def.pages.forEach((page, p) => {
    const pagePath = ['pages', p];
    if (pageIds.has(page.id)) issues.push({ path: [...pagePath, 'id'], message: `page id "${page.id}" is used twice` });
    pageIds.add(page.id);
    checkText(page.title, [...pagePath, 'title']);
    checkText(page.intro, [...pagePath, 'intro']);
    page.questions.forEach((q, i) => {
      const path = [...pagePath, 'questions', i];
      if (seenQuestions.has(q.id)) issues.push({ path: [...path, 'id'], message: `question id "${q.id}" is used twice` });
      if (q.show_if) checkCondition(q.show_if, [...path, 'show_if']);
      for (const key of ['title', 'help', 'statement', 'body', 'min_label', 'max_label', 'other', 'unit'] as const)
        if (key in q) checkText((q as Record<string, unknown>)[key] as I18nText | undefined, [...path, key]);
      for (const list of ['options', 'points', 'rows'] as const) {
        if (!(list in q)) continue;
        const items = (q as Record<string, unknown>)[list] as { id: string; label: I18nText }[];
        uniqueIds(items, [...path, list], list === 'options' ? 'option' : list === 'points' ? 'point' : 'row');
        items.forEach((o, j) => checkText(o.label, [...path, list, j, 'label']));
      }
      if ((q.type === 'multi' || q.type === 'ranking') && q.max !== undefined && q.max > q.options.length + (q.type === 'multi' && q.other ? 1 : 0))
        issues.push({ path: [...path, 'max'], message: 'is more than the number of options' });
      if (q.type === 'multi' && q.min !== undefined && q.max !== undefined && q.min > q.max)
        issues.push({ path: [...path, 'min'], message: 'is more than max' });
      if (q.type === 'multi' && q.min !== undefined && q.min > q.options.filter((o) => !o.exclusive).length + (q.other ? 1 : 0))
        issues.push({ path: [...path, 'min'], message: 'is more than the number of options that can be chosen together' });
      if (q.type === 'number' && q.min !== undefined && q.max !== undefined && q.min > q.max)
        issues.push({ path: [...path, 'min'], message: 'is more than max' });
      if (q.type === 'date' && q.min !== undefined && q.max !== undefined && q.min > q.max)
        issues.push({ path: [...path, 'min'], message: 'is after max' });
      // Register after checking so a question cannot depend on itself.
      if (!seenQuestions.has(q.id)) seenQuestions.set(q.id, q);
    });
  });
  return issues;
}

/** A validation problem, with the path of the offending value as a dotted string. */
export type DefinitionProblem = { path: string; message: string };

/** Validate unknown input as a survey definition, returning the typed definition or every problem with its path. */
export function parseDefinition(
  input: unknown
): { ok: true; definition: SurveyDefinition } | { ok: false; problems: DefinitionProblem[] } {
  const result = SurveyDefinition.safeParse(input);
  if (result.success) return { ok: true, definition: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }))
  };
}

/** The definition format as JSON Schema (draft 2020-12), for editors and importers. */
export function definitionJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(SurveyShape, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** Every question of a definition in order, with the index of its page. */
export function allQuestions(def: SurveyDefinition): { question: Question; page: number }[] {
  return def.pages.flatMap((p, page) => p.questions.map((question) => ({ question, page })));
}

/** Minimum group size for results: 10 for sensitive surveys, 5 otherwise. */
export function defaultMinGroupSize(sensitivity: Sensitivity | undefined): number {
  return sensitivity === 'sensitive' ? 10 : 5;
}
