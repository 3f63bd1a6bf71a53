import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import * as b from '../../schema/builder';
import type { SurveyDefinition } from '../../schema/survey-definition';
import * as links from '../../worker/links/service';
import * as networks from '../../worker/networks/service';
import * as responses from '../../worker/responses/service';
import * as builder from '../../worker/surveys/builder';
import * as surveys from '../../worker/surveys/service';
import { call, db, memberCookie } from './helpers';

/** Two pages, a condition, a scale: enough to change in every way the builder flags. */
const twoPages: SurveyDefinition = {
  format: 1,
  title: 'Caring at work',
  pages: [
    {
      id: 'about',
      questions: [
        { id: 'carer', type: 'single', title: 'Are you caring for someone?', options: [{ id: 'yes_now', label: 'Yes, now' }, { id: 'before', label: 'In the past' }, { id: 'never', label: 'No' }] },
        { id: 'hours', type: 'number', title: 'Hours a week?', integer: true, show_if: { question: 'carer', in: ['yes_now'] } }
      ]
    },
    { id: 'support', questions: [{ id: 'supported', type: 'scale', title: 'I feel supported', points: [{ id: 'no', label: 'No' }, { id: 'some', label: 'Somewhat' }, { id: 'yes', label: 'Yes' }] }] }
  ]
};

let n = 0;
async function world() {
  n += 1;
  const suffix = `${Date.now().toString(36)}-b${n}`;
  const network = await networks.create(db(), { slug: `bn-${suffix}`, name: `Builder network ${suffix}` });
  const editor = await memberCookie(network.id, 'editor');
  return { network, editor, suffix };
}

const json = (cookie: string, method: string, body?: unknown) => ({
  method,
  headers: { cookie, 'content-type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body)
});

/** Answer the survey to the end as one respondent (the pages' own path, with the version it started on). */
async function answer(slug: string, carer: string, supported: string, responseId: string = crypto.randomUUID()) {
  const open = await surveys.openForAnswers(db(), slug);
  const target = { surveyId: open.survey.id, definition: open.definition, version: open.version };
  const base = { responseId, language: 'en', direction: 'next' as const };
  await responses.answerPage(db(), target, { ...base, page: 0, answers: { carer: { option: carer } } });
  return responses.answerPage(db(), target, { ...base, page: 1, answers: { supported } });
}

describe('versions are frozen', () => {
  let slug: string;
  let surveyId: string;
  let editor: string;
  let networkSlug: string;

  beforeAll(async () => {
    const w = await world();
    editor = w.editor;
    networkSlug = w.network.slug;
    const created = await call(`/networks/${networkSlug}/surveys`, json(editor, 'POST', { slug: `caring-${w.suffix}`, definition: twoPages }));
    expect(created.status).toBe(201);
    slug = ((await created.json()) as { slug: string }).slug;
    surveyId = (await surveys.findBySlug(db(), slug))!.id;
    const published = await call(`/networks/${networkSlug}/surveys/${slug}/publish`, json(editor, 'POST', { revision: 0 }));
    expect(published.status).toBe(201);
    expect(await published.json()).toEqual({ version: 1 });
  });

  it('keeps draft edits away from respondents until they are published', async () => {
    const draft = (await (await call(`/networks/${networkSlug}/surveys/${slug}/draft`, json(editor, 'GET'))).json()) as { revision: number; definition: SurveyDefinition };
    const renamed = b.replaceQuestion(draft.definition, 'carer', { ...(draft.definition.pages[0].questions[0] as object), title: 'Do you look after someone?' } as never);
    const saved = await call(`/networks/${networkSlug}/surveys/${slug}/draft`, json(editor, 'PUT', { revision: draft.revision, definition: renamed }));
    expect(saved.status).toBe(200);
    expect(await saved.json()).toEqual({ revision: draft.revision + 1 });

    const open = await surveys.openForAnswers(db(), slug);
    expect(open.version).toBe(1);
    expect(open.definition).toEqual(twoPages);
    const api = (await (await call(`/surveys/${slug}`)).json()) as { version: number; definition: SurveyDefinition };
    expect(api.version).toBe(1);
    expect(api.definition.pages[0].questions[0].title).toBe('Are you caring for someone?');
  });

  it('answers keep their version; a response begun on version 1 finishes on it after version 2 is published', async () => {
    expect(await answer(slug, 'before', 'some')).toEqual({ kind: 'done', duplicate: false });
    // Someone starts on version 1 and stops after page 1...
    const midway = crypto.randomUUID();
    const v1 = await surveys.openForAnswers(db(), slug);
    await responses.answerPage(db(), { surveyId, definition: v1.definition, version: 1 }, { responseId: midway, page: 0, answers: { carer: { option: 'never' } }, language: 'en', direction: 'next' });

    const draft = await builder.draftOf(db(), await builder.reload(db(), surveyId));
    await call(`/networks/${networkSlug}/surveys/${slug}/publish`, json(editor, 'POST', { revision: draft.revision }));
    expect((await surveys.findBySlug(db(), slug))!.currentVersion).toBe(2);

    // ...and finishes after version 2 is live: still on version 1, as the page does it.
    const progress = await responses.load(db(), surveyId, midway);
    expect(progress?.version).toBe(1);
    const done = await responses.answerPage(db(), { surveyId, definition: await surveys.definitionOf(db(), surveyId, progress!.version), version: progress!.version, progress }, { responseId: midway, page: 1, answers: { supported: 'yes' }, language: 'en', direction: 'next' });
    expect(done).toEqual({ kind: 'done', duplicate: false });

    await answer(slug, 'yes_now', 'no');
    const versions = await env.DB.prepare('SELECT version, count(*) AS n FROM responses WHERE survey_id = ? AND status = ? GROUP BY version ORDER BY version').bind(surveyId, 'complete').all<{ version: number; n: number }>();
    expect(versions.results).toEqual([
      { version: 1, n: 2 },
      { version: 2, n: 1 }
    ]);
    // Version 1 is exactly what was first published; version 2 has the new wording.
    expect(await surveys.definitionOf(db(), surveyId, 1)).toEqual(twoPages);
    expect((await surveys.definitionOf(db(), surveyId, 2)).pages[0].questions[0].title).toBe('Do you look after someone?');
  });

  it('refuses any change to, or removal of, a published version, in the database itself', async () => {
    await expect(env.DB.prepare(`UPDATE survey_versions SET definition = '{}' WHERE survey_id = ? AND version = 1`).bind(surveyId).run()).rejects.toThrow(/never changed/);
    await expect(env.DB.prepare('DELETE FROM survey_versions WHERE survey_id = ?').bind(surveyId).run()).rejects.toThrow(/never removed/);
    expect(await surveys.definitionOf(db(), surveyId, 1)).toEqual(twoPages);
  });

  it('does not publish a draft that is the same as the live version', async () => {
    const draft = await builder.draftOf(db(), await builder.reload(db(), surveyId));
    const res = await call(`/networks/${networkSlug}/surveys/${slug}/publish`, json(editor, 'POST', { revision: draft.revision }));
    expect(res.status).toBe(409);
    expect((await surveys.findBySlug(db(), slug))!.currentVersion).toBe(2);
  });
});

describe('changes that break comparison', () => {
  it('are flagged, with their answer counts, and need confirming before publishing', async () => {
    const w = await world();
    const created = await builder.createSurvey(db(), { userId: null, email: 'test' }, w.network.id, { title: '', slug: `flag-${w.suffix}`, start: { kind: 'import', file: { name: 'x.json', bytes: new TextEncoder().encode(JSON.stringify(twoPages)) } } });
    const id = created.survey.id;
    await surveys.publish(db(), id);
    for (const carer of ['before', 'before', 'never']) await answer(created.survey.slug, carer, 'some');

    // Remove the chosen option "In the past", turn the scale into a yes/no, reword the unchosen "Yes, now".
    let survey = await builder.reload(db(), id);
    const def = builder.validated(survey.draft);
    const carer = def.pages[0].questions[0] as Extract<SurveyDefinition['pages'][number]['questions'][number], { type: 'single' }>;
    const edited = b.replaceQuestion(b.replaceQuestion(def, 'carer', { ...carer, options: [{ id: 'yes_now', label: 'Yes, at the moment' }, { id: 'never', label: 'No' }] }), 'supported', { id: 'supported', type: 'yes_no', title: 'I feel supported' });
    const revision = await builder.saveDraft(db(), { userId: null, email: 'test' }, survey, survey.draftRevision, edited, 'test');

    survey = await builder.reload(db(), id);
    const { changes } = await builder.pendingChanges(db(), survey);
    expect(changes.filter((c) => c.breaking).map((c) => [c.question, c.message])).toEqual([
      ['carer', 'Choice “In the past” removed: 2 people chose it.'],
      ['supported', 'Changed from scale to yes no: the 3 answers given so far cannot be compared with new ones.']
    ]);
    expect(changes.filter((c) => !c.breaking).map((c) => c.message)).toContain('Choice “Yes, now” reworded to “Yes, at the moment”.');

    const res = await call(`/networks/${w.network.slug}/surveys/${survey.slug}/publish`, json(w.editor, 'POST', { revision }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { problems: { path: string }[] } };
    expect(body.error.problems.map((p) => p.path)).toEqual(['confirm']);
    expect((await builder.reload(db(), id)).currentVersion).toBe(1);

    const confirmed = await call(`/networks/${w.network.slug}/surveys/${survey.slug}/publish`, json(w.editor, 'POST', { revision, confirmBreaking: true }));
    expect(confirmed.status).toBe(201);
    expect((await builder.reload(db(), id)).currentVersion).toBe(2);

    // Results still read after the breaking change, by the new version's questions (3 people: below the minimum, so hidden).
    const results = await call(`/surveys/${survey.slug}/results`, json(w.editor, 'GET'));
    expect(results.status).toBe(200);
    const summary = (await results.json()) as { survey: { version: number }; responses: { count: number | null }; questions: { id: string; type: string }[] };
    expect(summary.survey.version).toBe(2);
    expect(summary.responses.count).toBeNull();
    expect(summary.questions.find((q) => q.id === 'supported')?.type).toBe('yes_no');
  });
});

describe('saving drafts', () => {
  it('never saves a definition the schema rejects, and says which question each problem is about', async () => {
    const w = await world();
    const { survey } = await builder.createSurvey(db(), { userId: null, email: 'test' }, w.network.id, { title: 'Blank', slug: `bad-${w.suffix}`, start: { kind: 'blank' } });
    const broken = structuredClone(twoPages) as unknown as { pages: { questions: Record<string, unknown>[] }[] };
    broken.pages[1].questions[0].points = [{ id: 'only', label: 'One point' }];
    broken.pages[0].questions[1].show_if = { question: 'supported', in: ['yes'] };
    const res = await call(`/networks/${w.network.slug}/surveys/${survey.slug}/draft`, json(w.editor, 'PUT', { revision: 0, definition: broken }));
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { problems: { path: string; question?: string; message: string }[] } };
    expect(error.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'pages.1.questions.0.points', question: 'supported', message: 'needs at least two points' }),
        expect.objectContaining({ path: 'pages.0.questions.1.show_if.question', question: 'hours' })
      ])
    );
    const after = await builder.reload(db(), survey.id);
    expect(after.draftRevision).toBe(0);
    expect(after.draft).toEqual(builder.blank('Blank'));
  });

  it('refuses an edit made from an older revision, so two editors never overwrite each other unseen', async () => {
    const w = await world();
    const { survey } = await builder.createSurvey(db(), { userId: null, email: 'test' }, w.network.id, { title: 'Shared', slug: `race-${w.suffix}`, start: { kind: 'blank' } });
    const first = await call(`/networks/${w.network.slug}/surveys/${survey.slug}/draft`, json(w.editor, 'PUT', { revision: 0, definition: { ...builder.blank('Shared'), title: 'First editor' } }));
    expect(first.status).toBe(200);
    const second = await call(`/networks/${w.network.slug}/surveys/${survey.slug}/draft`, json(w.editor, 'PUT', { revision: 0, definition: { ...builder.blank('Shared'), title: 'Second editor' } }));
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { message: string } }).error.message).toMatch(/Someone else changed this survey/);
    expect(((await builder.reload(db(), survey.id)).draft as SurveyDefinition).title).toBe('First editor');
    // The pure edits go through the same check.
    const stale = await builder.reload(db(), survey.id);
    await expect(builder.edit(db(), { userId: null, email: 't' }, stale, 0, 'x', (d) => ({ definition: d }))).rejects.toThrow(/Someone else/);
  });

  it('records who edited and published in the audit log', async () => {
    const w = await world();
    await call(`/networks/${w.network.slug}/surveys`, json(w.editor, 'POST', { slug: `audit-${w.suffix}`, template: 'employers', title: 'Workplaces 2027' }));
    const survey = (await surveys.findBySlug(db(), `audit-${w.suffix}`))!;
    expect((survey.draft as SurveyDefinition).title).toBe('Workplaces 2027');
    await call(`/networks/${w.network.slug}/surveys/${survey.slug}/publish`, json(w.editor, 'POST', { revision: 0 }));
    const rows = await env.DB.prepare('SELECT action, actor FROM audit_log WHERE network_id = ? ORDER BY id').bind(w.network.id).all<{ action: string; actor: string }>();
    expect(rows.results.map((r) => r.action)).toEqual(['survey.create', 'survey.publish']);
    expect(rows.results.every((r) => r.actor.startsWith('editor-'))).toBe(true);
  });
});

describe('deleting a survey', () => {
  it('deletes one never published, with its links; refuses a published one', async () => {
    const w = await world();
    const actor = { userId: null, email: 'test' };
    const { survey } = await builder.createSurvey(db(), actor, w.network.id, { title: 'Mistake', slug: `mistake-${w.suffix}`, start: { kind: 'blank' } });
    await links.createLink(db(), actor, w.network.id, survey.slug, { kind: 'public', label: 'Poster', area: '' });
    await builder.deleteDraftSurvey(db(), actor, survey);
    expect(await surveys.findBySlug(db(), survey.slug)).toBeNull();
    const left = await env.DB.prepare('SELECT count(*) AS n FROM links WHERE survey_id = ?').bind(survey.id).first<{ n: number }>();
    expect(left?.n).toBe(0);

    const kept = await builder.createSurvey(db(), actor, w.network.id, { title: 'Kept', slug: `kept-${w.suffix}`, start: { kind: 'blank' } });
    await surveys.publish(db(), kept.survey.id);
    await expect(builder.deleteDraftSurvey(db(), actor, await builder.reload(db(), kept.survey.id))).rejects.toMatchObject({ status: 409 });
    expect(await surveys.findBySlug(db(), kept.survey.slug)).not.toBeNull();
  });
});

describe('publishing twice at once', () => {
  it('makes one version; the other publish is refused as a conflict, not an error', async () => {
    const w = await world();
    const { survey } = await builder.createSurvey(db(), { userId: null, email: 'test' }, w.network.id, { title: 'Twice', slug: `twice-pub-${w.suffix}`, start: { kind: 'blank' } });
    const outcomes = await Promise.allSettled([surveys.publish(db(), survey.id), surveys.publish(db(), survey.id)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ status: 409 });
    const versions = await env.DB.prepare('SELECT count(*) AS n FROM survey_versions WHERE survey_id = ?').bind(survey.id).first<{ n: number }>();
    expect(versions?.n).toBe(1);
  });

  it('never freezes a draft that changed after the editor reviewed it', async () => {
    const w = await world();
    const actor = { userId: null, email: 'test' };
    const { survey: reviewed } = await builder.createSurvey(db(), actor, w.network.id, { title: 'Reviewed', slug: `reviewed-${w.suffix}`, start: { kind: 'blank' } });
    // Someone saves while the first editor's publish request is on its way.
    await builder.saveDraft(db(), actor, reviewed, 0, { ...builder.blank('Reviewed'), title: 'Changed meanwhile' }, 'test');
    await expect(builder.publishDraft(db(), actor, reviewed, { revision: 0, confirmBreaking: false })).rejects.toMatchObject({ status: 409 });
    const after = await builder.reload(db(), reviewed.id);
    expect(after.currentVersion).toBeNull();
    const versions = await env.DB.prepare('SELECT count(*) AS n FROM survey_versions WHERE survey_id = ?').bind(reviewed.id).first<{ n: number }>();
    expect(versions?.n).toBe(0);
  });
});

describe('creating surveys', () => {
  it('from a SurveyJS file, with the report of what was not carried over', async () => {
    const w = await world();
    const surveyJs = {
      title: 'Wellbeing',
      pages: [{ name: 'p1', elements: [{ type: 'radiogroup', name: 'mood', title: 'How are you?', choices: ['Good', 'Bad'] }, { type: 'signaturepad', name: 'sign' }] }]
    };
    const res = await call(`/networks/${w.network.slug}/surveys`, json(w.editor, 'POST', { slug: `sjs-${w.suffix}`, definition: surveyJs }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { report: { format: string; notCarried: { where: string; what: string }[] } };
    expect(body.report.format).toBe('surveyjs');
    expect(body.report.notCarried.map((x) => x.where).join()).toContain('sign');
    const def = (await surveys.findBySlug(db(), `sjs-${w.suffix}`))!.draft as SurveyDefinition;
    expect(def.pages[0].questions.map((q) => [q.id, q.type])).toEqual([['mood', 'single']]);
  });

  it('refuses a taken or malformed address and an unknown template, changing nothing', async () => {
    const w = await world();
    const taken = await call(`/networks/${w.network.slug}/surveys`, json(w.editor, 'POST', { slug: `twice-${w.suffix}`, title: 'Once' }));
    expect(taken.status).toBe(201);
    expect((await call(`/networks/${w.network.slug}/surveys`, json(w.editor, 'POST', { slug: `twice-${w.suffix}`, title: 'Twice' }))).status).toBe(409);
    const bad = await call(`/networks/${w.network.slug}/surveys`, json(w.editor, 'POST', { slug: 'Not An Address', title: 'x', template: 'nope' }));
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as { error: { problems: { path: string }[] } };
    expect(error.problems.map((p) => p.path).sort()).toEqual(['slug', 'template']);
    const count = await env.DB.prepare('SELECT count(*) AS n FROM surveys WHERE network_id = ?').bind(w.network.id).first<{ n: number }>();
    expect(count?.n).toBe(1);
  });
});

describe('who may build', () => {
  it('only editors and admins of the survey’s own network', async () => {
    const w = await world();
    const { survey } = await builder.createSurvey(db(), { userId: null, email: 'test' }, w.network.id, { title: 'Private', slug: `authz-${w.suffix}`, start: { kind: 'blank' } });
    const other = await world();
    const cookies = {
      anonymous: '',
      'data-entry': await memberCookie(w.network.id, 'data-entry'),
      reviewer: await memberCookie(w.network.id, 'reviewer'),
      editor: w.editor,
      admin: await memberCookie(w.network.id, 'admin'),
      'other-admin': await memberCookie(other.network.id, 'admin')
    };
    const expected = { anonymous: 401, 'data-entry': 403, reviewer: 403, editor: 200, admin: 200, 'other-admin': 404 };
    for (const [who, cookie] of Object.entries(cookies)) {
      const res = await call(`/networks/${w.network.slug}/surveys/${survey.slug}/draft`, json(cookie, 'GET'));
      expect(`${who}: ${res.status}`).toBe(`${who}: ${expected[who as keyof typeof expected]}`);
      if (res.status !== 200) expect(await res.text()).not.toContain('Private');
      // The other network's admin also cannot reach it through their own network's address.
    }
    const sideways = await call(`/networks/${other.network.slug}/surveys/${survey.slug}/draft`, json(cookies['other-admin'], 'GET'));
    expect(sideways.status).toBe(404);
    const write = await call(`/networks/${other.network.slug}/surveys/${survey.slug}/draft`, json(cookies['other-admin'], 'PUT', { revision: 0, definition: builder.blank('Taken over') }));
    expect(write.status).toBe(404);
    const reviewerPublish = await call(`/networks/${w.network.slug}/surveys/${survey.slug}/publish`, json(cookies.reviewer, 'POST', { revision: 0 }));
    expect(reviewerPublish.status).toBe(403);
    const after = await builder.reload(db(), survey.id);
    expect([after.draftRevision, after.currentVersion, (after.draft as SurveyDefinition).title]).toEqual([0, null, 'Private']);
  });
});
