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

/** Who may start a response to a survey. */
export const SURVEY_ACCESS = ['open', 'invitation'] as const;

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
    /** Counts saves of the draft: an edit made from an older revision is refused, so two editors never overwrite each other unseen. */
    draftRevision: integer('draft_revision').notNull().default(0),
    /** The published version respondents get now; null until first published. */
    currentVersion: integer('current_version'),
    opensAt: text('opens_at'),
    closesAt: text('closes_at'),
    responseCap: integer('response_cap'),
    /** Figures from fewer people than this are suppressed. */
    minGroupSize: integer('min_group_size').notNull().default(5),
    /** Who may start a response: anyone with the address, or only through an invitation, a card or a member keying it in. */
    access: text('access', { enum: SURVEY_ACCESS }).notNull().default('open'),
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
    completedAt: text('completed_at'),
    /** The link, invitation or card pack it came through (null: the survey's own address). */
    linkId: text('link_id'),
    /** The member who keyed it in (paper, assisted); null when the respondent answered themselves. */
    enteredBy: text('entered_by')
  },
  (t) => [
    index('responses_survey_status').on(t.surveyId, t.status, t.completedAt),
    index('responses_link').on(t.linkId),
    // Covers the results filters' checks (worker/results/filters.ts): they count a survey's
    // responses by link, mode, language and month without reading the rows themselves.
    index('responses_survey_dimensions').on(t.surveyId, t.status, t.linkId, t.mode, t.language, t.completedAt)
  ]
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
    text: text('text'),
    /**
     * 1 on exactly one row of each response's answer to a question (or matrix row), 0 on
     * the others (a multiple choice or ranking has several rows). sum(lead) counts the
     * people who answered, in the same GROUP BY pass as the options' counts.
     */
    lead: integer('lead').notNull().default(0)
  },
  (t) => [
    index('answers_survey_question').on(t.surveyId, t.questionId, t.rowId, t.optionId),
    index('answers_response').on(t.responseId)
  ]
);

/** Roles a member can hold in a network. */
export const ROLES = ['admin', 'editor', 'reviewer', 'data-entry'] as const;

/** A person who can sign in. The password hash records its algorithm and parameters; null until an invitation is accepted. */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  /** Always stored lower-case. */
  email: text('email').notNull().unique(),
  name: text('name').notNull().default(''),
  passwordHash: text('password_hash'),
  createdAt: createdAt()
});

/** A role in a network. One person may hold different roles in several networks. */
export const memberships = sqliteTable(
  'memberships',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    createdAt: createdAt()
  },
  (t) => [primaryKey({ columns: [t.userId, t.networkId] }), index('memberships_network').on(t.networkId)]
);

/** Signed-in sessions. The id is the SHA-256 of the cookie's random token; the token itself is never stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at').notNull(),
    createdAt: createdAt()
  },
  (t) => [index('sessions_user').on(t.userId)]
);

/** One-time links: invitations (which carry the network and role) and password resets. Only the token's hash is stored. */
export const accountTokens = sqliteTable(
  'account_tokens',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['invite', 'reset'] }).notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    networkId: text('network_id').references(() => networks.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }),
    createdBy: text('created_by'),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    createdAt: createdAt()
  },
  (t) => [index('account_tokens_user').on(t.userId)]
);

/** Failed sign-in attempts per key (an account, or a hashed client address) in the current window. */
export const signInThrottle = sqliteTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  windowStart: integer('window_start').notNull(),
  failures: integer('failures').notNull().default(0)
});

/** Kinds of organisation in a network's register. */
export const ORGANISATION_KINDS = ['employer', 'care_home', 'school', 'faith', 'hospice', 'other'] as const;
/** Size bands (number of staff or residents). */
export const SIZE_BANDS = ['1-9', '10-49', '50-249', '250-999', '1000+'] as const;

/** An organisation in a network's register: employers, care homes, schools, faith groups, hospices. */
export const organisations = sqliteTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
    area: text('area').notNull().default(''),
    sizeBand: text('size_band', { enum: SIZE_BANDS }),
    createdAt: createdAt()
  },
  // Names are unique per network whatever their case.
  (t) => [uniqueIndex('organisations_network_name').on(t.networkId, sql`lower(${t.name})`)]
);

/** Who did what and when: sign-ins, publishing, exports, role changes, redactions. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    networkId: text('network_id'),
    userId: text('user_id'),
    /** The actor's email at the time, so the log reads well after an account is removed. */
    actor: text('actor').notNull().default(''),
    action: text('action').notNull(),
    subject: text('subject').notNull().default(''),
    details: text('details', { mode: 'json' }),
    at: text('at').notNull().default(now)
  },
  (t) => [index('audit_network_at').on(t.networkId, t.at)]
);

/**
 * Running totals per survey, kept in the same batch that completes each response, so the
 * unfiltered summary costs the same at 100 or 1,000,000 responses. Keys: option '*' is
 * "people who answered this question (row)"; question '*' is "complete responses".
 * row and option are '' where they do not apply.
 */
export const tallies = sqliteTable(
  'tallies',
  {
    surveyId: text('survey_id').notNull(),
    questionId: text('question_id').notNull(),
    rowId: text('row_id').notNull().default(''),
    optionId: text('option_id').notNull().default(''),
    count: integer('count').notNull().default(0),
    numbers: integer('numbers').notNull().default(0),
    sum: real('sum').notNull().default(0),
    texts: integer('texts').notNull().default(0)
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.questionId, t.rowId, t.optionId] })]
);

/** Short codes that restore a draft response on any device (30 days). Only the code's hash is stored. */
export const resumeCodes = sqliteTable(
  'resume_codes',
  {
    id: text('id').primaryKey(),
    responseId: text('response_id')
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    surveyId: text('survey_id').notNull(),
    expiresAt: integer('expires_at').notNull(),
    createdAt: createdAt()
  },
  (t) => [index('resume_codes_response').on(t.responseId)]
);

/** Ways into a survey: a public link (poster, QR), a kiosk, one organisation's invitation, a pack of single-use cards. */
export const LINK_KINDS = ['public', 'kiosk', 'organisation', 'cards'] as const;

/**
 * A way into a survey, so results can be broken down by where people answered. Public and
 * kiosk links have a short public code (/l/<code>); invitations and card packs have secret
 * tokens derived from the link or card id with a keyed hash, never stored.
 */
export const links = sqliteTable(
  'links',
  {
    id: text('id').primaryKey(),
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: LINK_KINDS }).notNull(),
    /** Public and kiosk links: the short code in /l/<code>. */
    code: text('code'),
    label: text('label').notNull(),
    /** Site or area, for breakdowns ("Hall of Memory", "Ladywood"). */
    area: text('area').notNull().default(''),
    /** Organisation invitations: who it is for. */
    organisationId: text('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** Organisation invitations: the one response every opener of the link continues. */
    responseId: text('response_id'),
    /** Card packs: how many cards were printed. */
    cardCount: integer('card_count'),
    openedAt: text('opened_at'),
    /** Organisation invitations: the named person who sent the organisation's answers. */
    submittedBy: text('submitted_by'),
    submittedAt: text('submitted_at'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    /** Withdrawn links stop taking new responses but keep their results. */
    withdrawnAt: text('withdrawn_at')
  },
  (t) => [
    uniqueIndex('links_code').on(t.code),
    uniqueIndex('links_response').on(t.responseId),
    uniqueIndex('links_survey_organisation').on(t.surveyId, t.organisationId),
    index('links_survey').on(t.surveyId, t.kind)
  ]
);

/**
 * One anonymous single-use card of a pack. While someone is answering, the card holds the
 * id of the response it reserved; when that response completes, the card is marked used
 * and forgets the response, so no card can be traced to an answer.
 */
export const cards = sqliteTable(
  'cards',
  {
    id: text('id').primaryKey(),
    linkId: text('link_id')
      .notNull()
      .references(() => links.id, { onDelete: 'cascade' }),
    responseId: text('response_id'),
    usedAt: text('used_at')
  },
  (t) => [index('cards_link').on(t.linkId), uniqueIndex('cards_response').on(t.responseId)]
);

/** Where an editor's review of one written answer stands. Only approved and redacted words are ever shown beyond editors. */
export const TEXT_REVIEW_STATUSES = ['pending', 'approved', 'redacted', 'rejected'] as const;

/**
 * An editor's decision on one free-text answer (a text or long-text answer, or the "other,
 * please say" words of a choice). No row means pending. Survey and question are copied from
 * the answer so the approved quotes of a question are one indexed lookup.
 */
export const textReviews = sqliteTable(
  'text_reviews',
  {
    answerId: integer('answer_id')
      .primaryKey()
      .references(() => answers.id, { onDelete: 'cascade' }),
    surveyId: text('survey_id').notNull(),
    questionId: text('question_id').notNull(),
    status: text('status', { enum: TEXT_REVIEW_STATUSES }).notNull().default('pending'),
    /** The editor's edited version, shown instead of the original (status 'redacted' only). */
    redactedText: text('redacted_text'),
    /** The member who decided (no foreign key: the decision outlives their account, as the audit log does). */
    reviewedBy: text('reviewed_by'),
    reviewedAt: text('reviewed_at')
  },
  (t) => [index('text_reviews_queue').on(t.surveyId, t.status, t.questionId)]
);

/** A theme an editor tags written answers with, per survey ("Support after the funeral"). */
export const textThemes = sqliteTable(
  'text_themes',
  {
    id: text('id').primaryKey(),
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdBy: text('created_by'),
    createdAt: createdAt()
  },
  // Names are unique per survey whatever their case.
  (t) => [uniqueIndex('text_themes_survey_name').on(t.surveyId, sql`lower(${t.name})`)]
);

/** Which themes a reviewed answer is tagged with. */
export const textReviewThemes = sqliteTable(
  'text_review_themes',
  {
    answerId: integer('answer_id')
      .notNull()
      .references(() => textReviews.answerId, { onDelete: 'cascade' }),
    themeId: text('theme_id')
      .notNull()
      .references(() => textThemes.id, { onDelete: 'cascade' })
  },
  (t) => [primaryKey({ columns: [t.answerId, t.themeId] }), index('text_review_themes_theme').on(t.themeId)]
);

// ---------------------------------------------------------------------------------------
// Evidence for the charter: standards, next-step actions, indicators, evidence, and the
// Ambitions self-assessment.

/**
 * A charter standard of a network (versioned reference data): "All workplaces across the
 * City have access to proactive & crisis support". `sector` groups them (Schools,
 * Workplaces…); admins edit the wording, and every edit bumps `version` and keeps the old
 * wording in `standard_revisions`.
 */
export const standards = sqliteTable(
  'standards',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    sector: text('sector').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    retiredAt: text('retired_at'),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull().default(now)
  },
  (t) => [index('standards_network').on(t.networkId, t.position)]
);

/** Earlier wordings of a standard: one row per version replaced. */
export const standardRevisions = sqliteTable(
  'standard_revisions',
  {
    standardId: text('standard_id')
      .notNull()
      .references(() => standards.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    sector: text('sector').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    replacedBy: text('replaced_by'),
    replacedAt: text('replaced_at').notNull().default(now)
  },
  (t) => [primaryKey({ columns: [t.standardId, t.version] })]
);

/**
 * A network's self-assessment of one standard for a period ("2022", "2023"): what is in
 * place, the community's part in it, and the gaps.
 */
export const standardAssessments = sqliteTable(
  'standard_assessments',
  {
    id: text('id').primaryKey(),
    standardId: text('standard_id')
      .notNull()
      .references(() => standards.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    inPlace: text('in_place').notNull().default(''),
    gaps: text('gaps').notNull().default(''),
    participation: text('participation', { enum: ['done_to', 'done_with', 'done_by'] }),
    updatedBy: text('updated_by'),
    updatedAt: text('updated_at').notNull().default(now)
  },
  (t) => [uniqueIndex('standard_assessments_period').on(t.standardId, t.period)]
);

export const ACTION_STATUSES = ['not_started', 'planned', 'in_progress', 'done'] as const;
/** How the community takes part (after Sallnow and Paul): done to, done with, done by the community. */
export const PARTICIPATION = ['done_to', 'done_with', 'done_by'] as const;

/** A next-step action under a standard. */
export const actions = sqliteTable(
  'actions',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    standardId: text('standard_id')
      .notNull()
      .references(() => standards.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    owner: text('owner').notNull().default(''),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('not_started'),
    targetDate: text('target_date'),
    participation: text('participation', { enum: PARTICIPATION }),
    notes: text('notes').notNull().default(''),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull().default(now)
  },
  (t) => [index('actions_standard').on(t.standardId, t.position), index('actions_network').on(t.networkId)]
);

export const METRICS = ['share', 'mean', 'responses', 'organisations'] as const;

/**
 * How an action is measured from survey results: the share of people choosing given
 * options of a question, the mean of a scale or rating, the number of responses, or the
 * number of organisations responding; with an optional target.
 */
export const indicators = sqliteTable(
  'indicators',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    actionId: text('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    surveyId: text('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    metric: text('metric', { enum: METRICS }).notNull(),
    questionId: text('question_id'),
    rowId: text('row_id'),
    /** Option ids whose share is measured (metric `share`). */
    options: text('options', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    target: real('target'),
    createdBy: text('created_by'),
    createdAt: createdAt()
  },
  (t) => [index('indicators_action').on(t.actionId)]
);

export const EVIDENCE_KINDS = ['snapshot', 'quote', 'link', 'note'] as const;

/**
 * Evidence on an action, dated and attributed: a frozen indicator value (snapshot), an
 * approved quote, a link or a note. Rows are never changed once written (a trigger refuses
 * updates), so a report cites figures that do not move.
 */
export const evidence = sqliteTable(
  'evidence',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    actionId: text('action_id')
      .notNull()
      .references(() => actions.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: EVIDENCE_KINDS }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    url: text('url'),
    indicatorId: text('indicator_id').references(() => indicators.id, { onDelete: 'set null' }),
    /** A snapshot's frozen value: { value, suppressed, base, target, label, survey, question, computedAt, … }. */
    snapshot: text('snapshot', { mode: 'json' }),
    /** For a quote: the reviewed answer it came from (its approved or redacted words are copied into body). */
    answerId: integer('answer_id'),
    recordedBy: text('recorded_by'),
    recordedByEmail: text('recorded_by_email').notNull().default(''),
    recordedAt: text('recorded_at').notNull().default(now)
  },
  (t) => [index('evidence_action').on(t.actionId, t.recordedAt)]
);

/**
 * An Ambitions for Palliative and End of Life Care self-assessment (schema/ambitions.ts
 * holds the template: ambitions, building blocks, items and level descriptors).
 */
export const ambitionsAssessments = sqliteTable(
  'ambitions_assessments',
  {
    id: text('id').primaryKey(),
    networkId: text('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    assessedOn: text('assessed_on'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull().default(now)
  },
  (t) => [index('ambitions_assessments_network').on(t.networkId)]
);

/** One item of an Ambitions self-assessment: its level (0-5, or null when unscored), evidence and gaps. */
export const ambitionsScores = sqliteTable(
  'ambitions_scores',
  {
    assessmentId: text('assessment_id')
      .notNull()
      .references(() => ambitionsAssessments.id, { onDelete: 'cascade' }),
    itemCode: text('item_code').notNull(),
    level: integer('level'),
    evidence: text('evidence').notNull().default(''),
    gaps: text('gaps').notNull().default(''),
    updatedBy: text('updated_by'),
    updatedAt: text('updated_at').notNull().default(now)
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.itemCode] })]
);

/**
 * A survey's public "you said, we did" page (/s/<slug>/outcome, where its QR code leads once
 * it closes): what people said, in the network's words, and what was done; shown only once
 * published. The figures on it come from the results, suppressed as always.
 */
export const surveyOutcomes = sqliteTable('survey_outcomes', {
  surveyId: text('survey_id')
    .primaryKey()
    .references(() => surveys.id, { onDelete: 'cascade' }),
  youSaid: text('you_said').notNull().default(''),
  weDid: text('we_did').notNull().default(''),
  publishedAt: text('published_at'),
  updatedBy: text('updated_by'),
  updatedAt: text('updated_at').notNull().default(now)
});
