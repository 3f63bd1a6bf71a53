/**
 * The database tables (Drizzle, SQLite/D1). drizzle-kit generates the SQL migrations in
 * schema/migrations from this file; wrangler applies them.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
const createdAt = () => text('created_at').notNull().default(now);

/** A Compassionate City network: the tenant everything else belongs to. */
export const networks = sqliteTable('networks', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** Demo networks are seeded with made-up data and say so on every page. */
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt()
});

/** Survey lifecycle states. */
export const SURVEY_STATUSES = ['draft', 'open', 'closed', 'archived'] as const;

/** A survey: its editable draft and its lifecycle; what respondents answer lives in survey_versions. */
export const surveys = sqliteTable(
  'surveys',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id),
    /** Public URL segment: /s/<slug>. Unique across the deployment because the URL carries no network. */
    slug: text('slug').notNull(),
    status: text('status', { enum: SURVEY_STATUSES }).notNull().default('draft'),
    /** The editable definition (JSON); publishing freezes a copy into survey_versions. */
    draft: text('draft', { mode: 'json' }).notNull(),
    /** The published version respondents get now; null until first published. */
    currentVersion: integer('current_version'),
    opensAt: text('opens_at'),
    closesAt: text('closes_at'),
    responseCap: integer('response_cap'),
    /** Figures from fewer people than this are suppressed. */
    minGroupSize: integer('min_group_size').notNull().default(5),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull().default(now)
  },
  (t) => [uniqueIndex('surveys_slug').on(t.slug), index('surveys_network').on(t.networkId)]
);

/** A frozen, published definition. Every response records the version it answered. */
export const surveyVersions = sqliteTable(
  'survey_versions',
  {
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id),
    version: integer('version').notNull(),
    definition: text('definition', { mode: 'json' }).notNull(),
    publishedAt: text('published_at').notNull().default(now)
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.version] })]
);

/** How a response was collected. */
export const RESPONSE_MODES = ['online', 'paper', 'assisted', 'kiosk'] as const;

/**
 * One row per response. The id is made when the survey is started (by the page or the
 * client) so a retried submission can never create a second response. No IP address or
 * user agent is stored.
 */
export const responses = sqliteTable(
  'responses',
  {
    id: text('id').primaryKey(),
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id),
    version: integer('version').notNull(),
    mode: text('mode', { enum: RESPONSE_MODES }).notNull().default('online'),
    language: text('language').notNull().default('en'),
    status: text('status', { enum: ['partial', 'complete'] })
      .notNull()
      .default('partial'),
    startedAt: text('started_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
    completedAt: text('completed_at')
  },
  (t) => [index('responses_survey_status').on(t.surveyId, t.status, t.completedAt)]
);

/**
 * Answers given so far to a response that is not complete yet (one JSON document per
 * response). Completing a response moves them into `answers` and deletes the draft.
 */
export const responseDrafts = sqliteTable('response_drafts', {
  responseId: text('response_id')
    .primaryKey()
    .references(() => responses.id, { onDelete: 'cascade' }),
  answers: text('answers', { mode: 'json' }).notNull(),
  updatedAt: text('updated_at').notNull().default(now)
});

/**
 * One row per answer of a complete response: per chosen option, per matrix row, per
 * ranked option. Results are GROUP BY over this table. A trigger (see the migrations)
 * refuses new answers for a response that is already complete.
 */
export const answers = sqliteTable(
  'answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    responseId: text('response_id')
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    /** Denormalised from the response so results need no join. */
    surveyId: text('survey_id').notNull(),
    questionId: text('question_id').notNull(),
    rowId: text('row_id'),
    optionId: text('option_id'),
    number: real('number'),
    text: text('text')
  },
  (t) => [
    index('answers_survey_question').on(t.surveyId, t.questionId, t.rowId, t.optionId),
    index('answers_response').on(t.responseId)
  ]
);
