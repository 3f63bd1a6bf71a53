/**
 * The authorization matrix: every route (pages, form actions and API) × every kind of
 * caller, with the expected outcome. Routes are discovered from the code (SvelteKit's
 * route files and their actions, Hono's route table); a route without a row fails.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createApi } from '../../worker/app';
import { root } from '../support/local-worker';
import { templates } from '../../schema/templates';
import { random, syntheticAnswers } from '../../worker/seed/synthetic';
import { query } from './db';
import { apiCookie, PEOPLE, type Person } from './people';

const base = inject('baseURL');
const NETWORK = 'birmingham-demo';

type Outcome = 'ok' | 'login' | 'forbidden' | 'notfound' | 'invalid' | 'gone' | 'conflict';
type Expect = Record<Person, Outcome>;
const all = (o: Outcome): Expect => ({ anonymous: o, respondent: o, 'data-entry': o, reviewer: o, editor: o, admin: o, 'other-admin': o });
const members = (o: { anon?: Outcome; dataEntry: Outcome; reviewer: Outcome; editor: Outcome; admin: Outcome; other: Outcome }): Expect => ({
  anonymous: o.anon ?? 'login',
  respondent: o.anon ?? 'login',
  'data-entry': o.dataEntry,
  reviewer: o.reviewer,
  editor: o.editor,
  admin: o.admin,
  'other-admin': o.other
});
const editorOnly = (editor: Outcome = 'ok') => members({ dataEntry: 'forbidden', reviewer: 'forbidden', editor, admin: editor, other: 'notfound' });
const adminOnly = (admin: Outcome = 'ok') => members({ dataEntry: 'forbidden', reviewer: 'forbidden', editor: 'forbidden', admin, other: 'notfound' });

/** Values the requests need, found once the world is up. */
const ctx = { draftRevision: '', removableUser: '', reviewerId: '', removableOrganisation: '', linkId: '', linkCode: '', packId: '', charterStandard: '', charterAction: '', retirableStandard: '' };
const SURVEY = `/n/${NETWORK}/surveys/memorials`;
const FORGED = 'a'.repeat(28);
const def = (slug: string) => templates.find((t) => t.slug === slug)!.definition;

/** The demo network's Ambitions self-assessment (seeded with the demo). */
let demoAssessmentId = '';
const demoAssessment = () => (demoAssessmentId ||= query<{ id: string }>(`SELECT a.id FROM ambitions_assessments a JOIN networks n ON n.id = a.network_id WHERE n.slug = '${NETWORK}' ORDER BY a.created_at LIMIT 1`)[0].id);

/** One of the demo network's next-step actions (seeded with the demo). */
const demoAction = () => query<{ id: string }>(`SELECT a.id FROM actions a JOIN networks n ON n.id = a.network_id WHERE n.slug = '${NETWORK}' ORDER BY a.created_at LIMIT 1`)[0].id;
const ACTION = () => `/n/${NETWORK}/evidence/actions/${demoAction()}`;

type Row = { request: (who: Person) => { path: string; method?: string; form?: Record<string, string>; json?: unknown }; expect: Expect; signsOut?: boolean };

const MATRIX: Record<string, Row> = {
  // Pages
  'GET /': { request: () => ({ path: '/' }), expect: all('ok') },
  'GET /login': { request: () => ({ path: '/login' }), expect: all('ok') },
  'GET /logout': { request: () => ({ path: '/logout' }), expect: all('ok') },
  'GET /account': { request: () => ({ path: '/account' }), expect: members({ dataEntry: 'ok', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'ok' }) },
  'GET /invite/[token]': { request: () => ({ path: '/invite/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }), expect: all('gone') },
  'GET /reset/[token]': { request: () => ({ path: '/reset/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' }), expect: all('gone') },
  'GET /n/[network]': { request: () => ({ path: `/n/${NETWORK}` }), expect: members({ dataEntry: 'ok', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'notfound' }) },
  'GET /n/[network]/members': { request: () => ({ path: `/n/${NETWORK}/members` }), expect: adminOnly() },
  'GET /n/[network]/organisations': { request: () => ({ path: `/n/${NETWORK}/organisations` }), expect: adminOnly() },
  'GET /n/[network]/audit': { request: () => ({ path: `/n/${NETWORK}/audit` }), expect: adminOnly() },
  // Evidence for the charter: members who may read evidence see it; editors record; admins word the standards.
  'GET /n/[network]/evidence': { request: () => ({ path: `/n/${NETWORK}/evidence` }), expect: members({ dataEntry: 'forbidden', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'notfound' }) },
  'POST /n/[network]/evidence?/standard': { request: () => ({ path: `/n/${NETWORK}/evidence?/standard`, form: { sector: '', title: '' } }), expect: adminOnly('invalid') },
  'GET /n/[network]/evidence/standards/[id]': {
    request: () => ({ path: `/n/${NETWORK}/evidence/standards/${ctx.charterStandard}` }),
    expect: members({ dataEntry: 'forbidden', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'notfound' })
  },
  'POST /n/[network]/evidence/standards/[id]?/assess': { request: () => ({ path: `/n/${NETWORK}/evidence/standards/${ctx.charterStandard}?/assess`, form: { which: 'new', period: '' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/evidence/standards/[id]?/add': { request: () => ({ path: `/n/${NETWORK}/evidence/standards/${ctx.charterStandard}?/add`, form: { title: '' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/evidence/standards/[id]?/update': {
    request: () => ({ path: `/n/${NETWORK}/evidence/standards/${ctx.charterStandard}?/update`, form: { action: ctx.charterAction, title: '' } }),
    expect: editorOnly('invalid')
  },
  'POST /n/[network]/evidence/standards/[id]?/evidence': {
    request: () => ({ path: `/n/${NETWORK}/evidence/standards/${ctx.charterStandard}?/evidence`, form: { action: ctx.charterAction, kind: 'link', title: 'x', url: 'http://example.org' } }),
    expect: editorOnly('invalid')
  },
  'POST /n/[network]/evidence/standards/[id]?/wording': { request: () => ({ path: `/n/${NETWORK}/evidence/standards/${ctx.charterStandard}?/wording`, form: { sector: '', title: '' } }), expect: adminOnly('invalid') },
  // A standard made for this row (below): retiring it twice is harmless.
  'POST /n/[network]/evidence/standards/[id]?/retire': { request: () => ({ path: `/n/${NETWORK}/evidence/standards/${ctx.retirableStandard}?/retire`, form: {} }), expect: adminOnly() },
  'GET /s/[slug]': { request: () => ({ path: '/s/employers' }), expect: all('ok') },
  'GET /s/[slug]/thanks': { request: () => ({ path: '/s/employers/thanks' }), expect: all('ok') },
  'GET /s/[slug]/resume': { request: () => ({ path: '/s/employers/resume' }), expect: all('ok') },
  // The demo publishes the memorial survey's "you said, we did"; an unpublished one is a 404.
  'GET /s/[slug]/outcome': { request: () => ({ path: '/s/memorials/outcome' }), expect: all('ok') },
  'POST /s/[slug]/resume': { request: () => ({ path: '/s/employers/resume', form: { code: 'WRONG-CODE' } }), expect: all('invalid') },
  'GET /surveys/[slug]/results': {
    request: () => ({ path: '/surveys/employers/results' }),
    expect: members({ dataEntry: 'forbidden', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'forbidden' })
  },
  // Downloads of the results: whoever may read the results page, with the same suppression.
  'GET /surveys/[slug]/results/export.csv': {
    request: () => ({ path: '/surveys/employers/results/export.csv' }),
    expect: members({ dataEntry: 'forbidden', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'forbidden' })
  },
  'GET /surveys/[slug]/results/export.xlsx': {
    request: () => ({ path: '/surveys/employers/results/export.xlsx' }),
    expect: members({ dataEntry: 'forbidden', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'forbidden' })
  },
  'GET /l/[code]': { request: () => ({ path: `/l/${ctx.linkCode}` }), expect: all('ok') },
  'GET /c/[token]': { request: () => ({ path: `/c/${FORGED}` }), expect: all('gone') },
  'GET /i/[token]': { request: () => ({ path: `/i/${FORGED}` }), expect: all('gone') },
  'GET /n/[network]/surveys/[slug]': { request: () => ({ path: SURVEY }), expect: members({ dataEntry: 'ok', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'notfound' }) },
  'GET /n/[network]/surveys/[slug]/invitations': { request: () => ({ path: `/n/${NETWORK}/surveys/care-homes/invitations` }), expect: editorOnly() },
  'GET /n/[network]/surveys/[slug]/invitations/invitations.csv': { request: () => ({ path: `/n/${NETWORK}/surveys/care-homes/invitations/invitations.csv` }), expect: editorOnly() },
  // Free-text review: editors and admins only (reviewers see approved words in the results, nothing else).
  'GET /n/[network]/surveys/[slug]/review': { request: () => ({ path: `${SURVEY}/review` }), expect: editorOnly() },
  // Every response as given: editors and admins only, never reviewers.
  'GET /n/[network]/surveys/[slug]/responses.csv': { request: () => ({ path: `${SURVEY}/responses.csv` }), expect: editorOnly() },
  'GET /n/[network]/surveys/[slug]/responses.xlsx': { request: () => ({ path: `${SURVEY}/responses.xlsx` }), expect: editorOnly() },
  'GET /n/[network]/surveys/[slug]/links/[link]/poster': { request: () => ({ path: `${SURVEY}/links/${ctx.linkId}/poster` }), expect: editorOnly() },
  'GET /n/[network]/surveys/[slug]/links/[link]/qr.svg': { request: () => ({ path: `${SURVEY}/links/${ctx.linkId}/qr.svg` }), expect: editorOnly() },
  'GET /n/[network]/surveys/[slug]/links/[link]/qr.png': { request: () => ({ path: `${SURVEY}/links/${ctx.linkId}/qr.png` }), expect: editorOnly() },
  'GET /n/[network]/surveys/[slug]/cards/[pack]': { request: () => ({ path: `/n/${NETWORK}/surveys/homelessness/cards/${ctx.packId}` }), expect: editorOnly() },
  'GET /n/[network]/surveys/[slug]/paper': { request: () => ({ path: `/n/${NETWORK}/surveys/prisons/paper` }), expect: members({ dataEntry: 'ok', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'notfound' }) },
  'GET /n/[network]/surveys/[slug]/enter': { request: () => ({ path: `/n/${NETWORK}/surveys/prisons/enter` }), expect: members({ dataEntry: 'ok', reviewer: 'forbidden', editor: 'ok', admin: 'ok', other: 'notfound' }) },
  // A code that is not on the paper form: refused, so the matrix stores no responses.
  'POST /n/[network]/surveys/[slug]/enter': {
    request: () => ({ path: `/n/${NETWORK}/surveys/prisons/enter`, form: { r: crypto.randomUUID(), 'q.connection_to_prison': '9' } }),
    expect: members({ dataEntry: 'invalid', reviewer: 'forbidden', editor: 'invalid', admin: 'invalid', other: 'notfound' })
  },
  // Form actions
  // Each survey action is sent something it refuses, or something that changes nothing, so the rows can run in any order.
  'POST /n/[network]/surveys/[slug]?/schedule': { request: () => ({ path: `${SURVEY}?/schedule`, form: { responseCap: 'lots' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]?/status': { request: () => ({ path: `${SURVEY}?/status`, form: { open: '1' } }), expect: editorOnly() },
  'POST /n/[network]/surveys/[slug]?/access': { request: () => ({ path: `${SURVEY}?/access`, form: { access: 'everyone' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]?/link': { request: () => ({ path: `${SURVEY}?/link`, form: { label: '' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]?/pack': { request: () => ({ path: `${SURVEY}?/pack`, form: { label: 'x', count: '0' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]?/outcome': { request: () => ({ path: `${SURVEY}?/outcome`, form: { youSaid: '', weDid: '', publish: 'on' } }), expect: editorOnly('invalid') },
  // The survey builder: editors and admins of the network. Each edit is sent something refused at
  // the latest draft revision (so it reaches the edit's own checks), and changes nothing.
  'GET /n/[network]/surveys/new': { request: () => ({ path: `/n/${NETWORK}/surveys/new` }), expect: editorOnly() },
  'POST /n/[network]/surveys/new': { request: () => ({ path: `/n/${NETWORK}/surveys/new`, form: { title: 'x', start: 'nothing' } }), expect: editorOnly('invalid') },
  'GET /n/[network]/surveys/[slug]/edit': { request: () => ({ path: `${SURVEY}/edit` }), expect: editorOnly() },
  'POST /n/[network]/surveys/[slug]/edit?/add': { request: () => ({ path: `${SURVEY}/edit?/add`, form: { rev: ctx.draftRevision, page: '0', type: 'single', title: '' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]/edit?/move': { request: () => ({ path: `${SURVEY}/edit?/move`, form: { rev: ctx.draftRevision, id: 'no-such', to: 'up' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]/edit?/copy': { request: () => ({ path: `${SURVEY}/edit?/copy`, form: { rev: ctx.draftRevision, id: 'no-such' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]/edit?/remove': { request: () => ({ path: `${SURVEY}/edit?/remove`, form: { rev: ctx.draftRevision, id: 'no-such' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]/edit?/restore': { request: () => ({ path: `${SURVEY}/edit?/restore`, form: { rev: ctx.draftRevision, removed: '{"not":"a question"}' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]/edit?/page': { request: () => ({ path: `${SURVEY}/edit?/page`, form: { rev: ctx.draftRevision, page: '99', title: 'x' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]/edit?/movePage': { request: () => ({ path: `${SURVEY}/edit?/movePage`, form: { rev: ctx.draftRevision, page: '99', to: 'up' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]/edit?/removePage': { request: () => ({ path: `${SURVEY}/edit?/removePage`, form: { rev: ctx.draftRevision, page: '99' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]/edit?/addPage': { request: () => ({ path: `${SURVEY}/edit?/addPage`, form: { rev: ctx.draftRevision, title: '' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]/edit?/import': { request: () => ({ path: `${SURVEY}/edit?/import`, form: { rev: ctx.draftRevision, file: '' } }), expect: editorOnly('invalid') },
  'GET /n/[network]/surveys/[slug]/edit/q/[question]': { request: () => ({ path: `${SURVEY}/edit/q/what_would_matter` }), expect: editorOnly() },
  'POST /n/[network]/surveys/[slug]/edit/q/[question]': {
    request: () => ({ path: `${SURVEY}/edit/q/what_would_matter`, form: { rev: ctx.draftRevision, type: 'long_text', title: '', op: 'save' } }),
    expect: editorOnly('invalid')
  },
  'GET /n/[network]/surveys/[slug]/edit/settings': { request: () => ({ path: `${SURVEY}/edit/settings` }), expect: editorOnly() },
  'POST /n/[network]/surveys/[slug]/edit/settings': { request: () => ({ path: `${SURVEY}/edit/settings`, form: { rev: ctx.draftRevision, title: '' } }), expect: editorOnly('invalid') },
  'GET /n/[network]/surveys/[slug]/edit/translate': { request: () => ({ path: `${SURVEY}/edit/translate` }), expect: editorOnly() },
  'POST /n/[network]/surveys/[slug]/edit/translate?/add': { request: () => ({ path: `${SURVEY}/edit/translate?/add`, form: { rev: ctx.draftRevision, lang: '', other: 'Not a code' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]/edit/translate?/remove': { request: () => ({ path: `${SURVEY}/edit/translate?/remove`, form: { rev: ctx.draftRevision, lang: 'en' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]/edit/translate?/save': { request: () => ({ path: `${SURVEY}/edit/translate?/save`, form: { rev: ctx.draftRevision, lang: 'en' } }), expect: editorOnly('invalid') },
  'GET /n/[network]/surveys/[slug]/edit/preview': { request: () => ({ path: `${SURVEY}/edit/preview` }), expect: editorOnly() },
  'POST /n/[network]/surveys/[slug]/edit/preview': { request: () => ({ path: `${SURVEY}/edit/preview`, form: { page: '99' } }), expect: editorOnly('invalid') },
  'GET /n/[network]/surveys/[slug]/edit/publish': { request: () => ({ path: `${SURVEY}/edit/publish` }), expect: editorOnly() },
  // The demo's draft is the live version: publishing it again, or discarding from a stale revision, is a conflict.
  'POST /n/[network]/surveys/[slug]/edit/publish?/publish': { request: () => ({ path: `${SURVEY}/edit/publish?/publish`, form: { rev: ctx.draftRevision } }), expect: editorOnly('conflict') },
  // Only a never-published survey can be deleted: the demo's is published, so even a confirmed delete is refused.
  'POST /n/[network]/surveys/[slug]/edit/publish?/delete': { request: () => ({ path: `${SURVEY}/edit/publish?/delete`, form: { confirm: 'yes' } }), expect: editorOnly('conflict') },
  'POST /n/[network]/surveys/[slug]/edit/publish?/discard': { request: () => ({ path: `${SURVEY}/edit/publish?/discard`, form: { rev: '999999' } }), expect: editorOnly('conflict') },
  // A published definition is no secret (respondents get it); the draft is for editors (worker tests).
  'GET /n/[network]/surveys/[slug]/definition.json': { request: () => ({ path: `${SURVEY}/definition.json` }), expect: members({ dataEntry: 'ok', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'notfound' }) },
  // An action's indicators: everyone who reads evidence sees them; editors add and record.
  'GET /n/[network]/evidence/actions/[action]': {
    request: () => ({ path: ACTION() }),
    expect: members({ dataEntry: 'forbidden', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'notfound' })
  },
  'GET /n/[network]/evidence/report': {
    request: () => ({ path: `/n/${NETWORK}/evidence/report?kind=annual&year=2026` }),
    expect: members({ dataEntry: 'forbidden', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'notfound' })
  },
  'POST /n/[network]/evidence/actions/[action]?/add': { request: () => ({ path: `${ACTION()}?/add`, form: { label: '', metric: 'responses' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/evidence/actions/[action]?/record': { request: () => ({ path: `${ACTION()}?/record`, form: { indicator: 'no-such' } }), expect: editorOnly('notfound') },
  'POST /n/[network]/evidence/actions/[action]?/quote': { request: () => ({ path: `${ACTION()}?/quote`, form: { answer: 'x' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/evidence/actions/[action]?/remove': { request: () => ({ path: `${ACTION()}?/remove`, form: { indicator: 'no-such' } }), expect: editorOnly('notfound') },
  'POST /n/[network]/surveys/[slug]?/withdraw': { request: () => ({ path: `${SURVEY}?/withdraw`, form: { id: 'no-such-link' } }), expect: editorOnly('notfound') },
  'POST /n/[network]/surveys/[slug]/invitations?/create': { request: () => ({ path: `/n/${NETWORK}/surveys/care-homes/invitations?/create`, form: {} }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]/invitations?/withdraw': { request: () => ({ path: `/n/${NETWORK}/surveys/care-homes/invitations?/withdraw`, form: { id: 'no-such-link' } }), expect: editorOnly('notfound') },
  // Each review action is sent something it refuses (an answer number that is not one, an empty name), so nothing changes.
  'POST /n/[network]/surveys/[slug]/review?/approve': { request: () => ({ path: `${SURVEY}/review?/approve`, form: { answer: 'none' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]/review?/reject': { request: () => ({ path: `${SURVEY}/review?/reject`, form: { answer: 'none' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]/review?/redact': { request: () => ({ path: `${SURVEY}/review?/redact`, form: { answer: 'none', text: '' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]/review?/tag': { request: () => ({ path: `${SURVEY}/review?/tag`, form: { answer: 'none' } }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]/review?/theme': { request: () => ({ path: `${SURVEY}/review?/theme`, form: { name: '' } }), expect: editorOnly('invalid') },
  // Ambitions self-assessments: whoever may read evidence sees them; editors and admins edit. Actions are sent something refused.
  'GET /n/[network]/evidence/ambitions': { request: () => ({ path: `/n/${NETWORK}/evidence/ambitions` }), expect: members({ dataEntry: 'forbidden', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'notfound' }) },
  'POST /n/[network]/evidence/ambitions?/create': { request: () => ({ path: `/n/${NETWORK}/evidence/ambitions?/create`, form: { title: '' } }), expect: editorOnly('invalid') },
  'GET /n/[network]/evidence/ambitions/[id]': { request: () => ({ path: `/n/${NETWORK}/evidence/ambitions/${demoAssessment()}` }), expect: members({ dataEntry: 'forbidden', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'notfound' }) },
  'POST /n/[network]/evidence/ambitions/[id]?/score': { request: () => ({ path: `/n/${NETWORK}/evidence/ambitions/${demoAssessment()}?/score`, form: { item: '9.9.9', level: '3' } }), expect: editorOnly('invalid') },
  // Someone already signed in is sent on to their account rather than shown the form again.
  'POST /login': {
    request: (who) => ({ path: '/login', form: { email: `nobody-${who}@example.org`, password: 'wrong password' } }),
    expect: members({ anon: 'invalid', dataEntry: 'ok', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'ok' })
  },
  'POST /logout?/signout': { request: () => ({ path: '/logout?/signout', form: {} }), expect: all('ok'), signsOut: true },
  'POST /logout?/everywhere': { request: () => ({ path: '/logout?/everywhere', form: {} }), expect: all('ok'), signsOut: true },
  'POST /s/[slug]': { request: () => ({ path: '/s/employers', form: { r: crypto.randomUUID(), page: '0', 'q.answering_for': 'on_behalf' } }), expect: all('ok') },
  'POST /invite/[token]': { request: () => ({ path: '/invite/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', form: { password: 'a long enough password' } }), expect: all('gone') },
  'POST /reset/[token]': { request: () => ({ path: '/reset/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', form: { password: 'a long enough password' } }), expect: all('gone') },
  'POST /n/[network]/members?/invite': { request: () => ({ path: `/n/${NETWORK}/members?/invite`, form: { email: 'not an email', role: 'reviewer' } }), expect: adminOnly('invalid') },
  'POST /n/[network]/members?/role': { request: () => ({ path: `/n/${NETWORK}/members?/role`, form: { user: ctx.reviewerId, role: 'reviewer' } }), expect: adminOnly() },
  'POST /n/[network]/members?/reset': { request: () => ({ path: `/n/${NETWORK}/members?/reset`, form: { user: ctx.reviewerId } }), expect: adminOnly() },
  'POST /n/[network]/members?/remove': { request: () => ({ path: `/n/${NETWORK}/members?/remove`, form: { user: ctx.removableUser } }), expect: adminOnly() },
  'POST /n/[network]/organisations?/add': { request: () => ({ path: `/n/${NETWORK}/organisations?/add`, form: { name: '', kind: 'employer' } }), expect: adminOnly('invalid') },
  'POST /n/[network]/organisations?/import': { request: () => ({ path: `/n/${NETWORK}/organisations?/import`, form: { csv: '' } }), expect: adminOnly('invalid') },
  'POST /n/[network]/organisations?/remove': { request: () => ({ path: `/n/${NETWORK}/organisations?/remove`, form: { id: ctx.removableOrganisation } }), expect: adminOnly() },
  // API
  'GET /api/health': { request: () => ({ path: '/api/health' }), expect: all('ok') },
  'GET /api/schema/survey-definition.json': { request: () => ({ path: '/api/schema/survey-definition.json' }), expect: all('ok') },
  'POST /api/auth/sign-in': { request: (who) => ({ path: '/api/auth/sign-in', json: { email: `nobody-api-${who}@example.org`, password: 'wrong' } }), expect: all('invalid') },
  'POST /api/auth/sign-out': { request: () => ({ path: '/api/auth/sign-out', json: {} }), expect: all('ok'), signsOut: true },
  'POST /api/auth/sign-out-everywhere': {
    request: () => ({ path: '/api/auth/sign-out-everywhere', json: {} }),
    expect: members({ dataEntry: 'ok', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'ok' }),
    signsOut: true
  },
  'GET /api/auth/me': { request: () => ({ path: '/api/auth/me' }), expect: members({ dataEntry: 'ok', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'ok' }) },
  'GET /api/surveys/:slug': { request: () => ({ path: '/api/surveys/employers' }), expect: all('ok') },
  'POST /api/surveys/:slug/responses': {
    request: () => ({ path: '/api/surveys/homelessness/responses', json: { id: crypto.randomUUID(), answers: {} } }),
    expect: all('ok')
  },
  'GET /api/surveys/:slug/results': {
    request: () => ({ path: '/api/surveys/employers/results' }),
    expect: members({ dataEntry: 'forbidden', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'forbidden' })
  },
  'GET /api/surveys/:slug/crosstab': {
    request: () => ({ path: '/api/surveys/employers/crosstab?x=answering_for&y=respondent_role' }),
    expect: members({ dataEntry: 'forbidden', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'forbidden' })
  },
  'GET /api/networks/:network/members': { request: () => ({ path: `/api/networks/${NETWORK}/members` }), expect: adminOnly() },
  'GET /api/networks/:network/organisations': { request: () => ({ path: `/api/networks/${NETWORK}/organisations` }), expect: adminOnly() },
  'GET /api/networks/:network/audit': { request: () => ({ path: `/api/networks/${NETWORK}/audit` }), expect: adminOnly() },
  'POST /api/networks/:network/surveys': { request: () => ({ path: `/api/networks/${NETWORK}/surveys`, json: { slug: 'Not An Address', title: 'x' } }), expect: editorOnly('invalid') },
  'GET /api/networks/:network/surveys/:slug/draft': { request: () => ({ path: `/api/networks/${NETWORK}/surveys/memorials/draft` }), expect: editorOnly() },
  'PUT /api/networks/:network/surveys/:slug/draft': {
    request: () => ({ path: `/api/networks/${NETWORK}/surveys/memorials/draft`, method: 'PUT', json: { revision: Number(ctx.draftRevision), definition: { format: 1 } } }),
    expect: editorOnly('invalid')
  },
  'POST /api/networks/:network/surveys/:slug/publish': {
    request: () => ({ path: `/api/networks/${NETWORK}/surveys/memorials/publish`, json: { revision: Number(ctx.draftRevision) } }),
    expect: editorOnly('conflict')
  }
};

/** Every page route and form action in web/src/routes, as `METHOD /path[?/action]`. */
function webRoutes(): string[] {
  const dir = join(root, 'web/src/routes');
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === '+page.svelte' || name === '+page.server.ts' || name === '+server.ts') {
        const route = `/${relative(dir, d)}`.replace(/\/\([^)]+\)/g, '').replace(/\/$/, '') || '/';
        if (name === '+server.ts') {
          for (const m of readFileSync(p, 'utf8').matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)) found.push(`${m[1]} ${route}`);
          continue;
        }
        found.push(`GET ${route}`);
        const src = readFileSync(p, 'utf8');
        const actions = src.split('export const actions')[1];
        if (actions) for (const m of actions.matchAll(/^\t([a-zA-Z]+): async/gm)) found.push(m[1] === 'default' ? `POST ${route}` : `POST ${route}?/${m[1]}`);
      }
    }
  };
  walk(dir);
  return [...new Set(found)].sort();
}

/** Every route of the Hono API. */
function apiRoutes(): string[] {
  return [...new Set(createApi().routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} /api${r.path}`))].sort();
}

const cookies: Partial<Record<Person, string>> = {};
async function signInAll() {
  for (const [who, email] of Object.entries(PEOPLE)) if (email) cookies[who as Person] = await apiCookie(base, email);
}

async function run(who: Person, row: Row): Promise<{ outcome: Outcome | string; status: number }> {
  const r = row.request(who);
  const headers: Record<string, string> = { accept: 'text/html', origin: base };
  if (cookies[who]) headers.cookie = cookies[who]!;
  let body: string | undefined;
  if (r.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(r.form).toString();
  } else if (r.json !== undefined) {
    headers['content-type'] = 'application/json';
    headers.accept = 'application/json';
    body = JSON.stringify(r.json);
  }
  const res = await fetch(`${base}${r.path}`, { method: r.method ?? (r.form || r.json !== undefined ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
  const status = res.status;
  const location = res.headers.get('location') ?? '';
  await res.arrayBuffer();
  if (status >= 300 && status < 400) return { outcome: location.startsWith('/login') && !r.path.startsWith('/logout') ? 'login' : 'ok', status };
  if (status < 300) return { outcome: 'ok', status };
  const byStatus: Record<number, Outcome> = { 400: 'invalid', 401: 'login', 403: 'forbidden', 404: 'notfound', 409: 'conflict', 410: 'gone' };
  return { outcome: byStatus[status] ?? `status ${status}`, status };
}

beforeAll(async () => {
  await signInAll();
  const admin = { cookie: cookies.admin!, origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' };
  // Someone the admin can remove, and an organisation the admin can remove, made through the real forms.
  await fetch(`${base}/n/${NETWORK}/members?/invite`, { method: 'POST', headers: admin, body: new URLSearchParams({ email: 'removable@example.org', role: 'reviewer' }).toString(), redirect: 'manual' });
  await fetch(`${base}/n/${NETWORK}/organisations?/add`, { method: 'POST', headers: admin, body: new URLSearchParams({ name: 'Removable Test Organisation', kind: 'other' }).toString(), redirect: 'manual' });
  const list = (await (await fetch(`${base}/api/networks/${NETWORK}/members`, { headers: { cookie: cookies.admin! } })).json()) as { members: { userId: string; email: string }[] };
  ctx.removableUser = list.members.find((m) => m.email === 'removable@example.org')!.userId;
  ctx.reviewerId = list.members.find((m) => m.email === PEOPLE.reviewer)!.userId;
  const orgs = (await (await fetch(`${base}/api/networks/${NETWORK}/organisations`, { headers: { cookie: cookies.admin! } })).json()) as { organisations: { id: string; name: string }[] };
  ctx.removableOrganisation = orgs.organisations.find((o) => o.name === 'Removable Test Organisation')!.id;
  // The demo's links and card packs, as an editor sees them on the survey pages.
  const hub = await (await fetch(`${base}${SURVEY}`, { headers: { cookie: cookies.editor! } })).text();
  [, ctx.linkId] = /\/links\/([a-z2-7]{12})\/poster/.exec(hub)!;
  [, ctx.linkCode] = /\/l\/([2-9A-Z]{6})/.exec(hub)!;
  const cards = await (await fetch(`${base}/n/${NETWORK}/surveys/homelessness`, { headers: { cookie: cookies.editor! } })).text();
  [, ctx.packId] = /\/cards\/([a-z2-7]{12})/.exec(cards)!;
  // The revision of the memorial survey's draft, so the builder's rows reach each edit's own checks.
  const draft = (await (await fetch(`${base}/api/networks/${NETWORK}/surveys/memorials/draft`, { headers: { cookie: cookies.editor! } })).json()) as { revision: number };
  ctx.draftRevision = String(draft.revision);
  // A demo charter standard and one of its next steps, and a standard the admin can retire.
  const overview = await (await fetch(`${base}/n/${NETWORK}/evidence`, { headers: { cookie: cookies.editor! } })).text();
  [, ctx.charterStandard] = /\/evidence\/standards\/([0-9a-f-]{36})/.exec(overview)!;
  const standardPage = await (await fetch(`${base}/n/${NETWORK}/evidence/standards/${ctx.charterStandard}`, { headers: { cookie: cookies.editor! } })).text();
  [, ctx.charterAction] = /id="action-([0-9a-f-]{36})"/.exec(standardPage)!;
  const made = await fetch(`${base}/n/${NETWORK}/evidence?/standard`, { method: 'POST', headers: admin, body: new URLSearchParams({ sector: 'Test sector', title: 'Retirable test standard' }).toString(), redirect: 'manual' });
  [, ctx.retirableStandard] = /\/standards\/([0-9a-f-]{36})/.exec(made.headers.get('location') ?? '')!;
});

describe('authorization matrix', () => {
  it('has a row for every route the app serves, and no row for a route it does not', () => {
    const routes = [...webRoutes(), ...apiRoutes()];
    expect(routes.filter((r) => !(r in MATRIX)), 'routes without a row').toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r)), 'rows without a route').toEqual([]);
  });

  it.each(Object.entries(MATRIX))('%s', async (_route, row) => {
    const got: Record<string, string> = {};
    // Removals and sign-outs change the world: run them in an order where the admin goes last.
    const order: Person[] = ['anonymous', 'respondent', 'data-entry', 'reviewer', 'editor', 'other-admin', 'admin'];
    for (const who of order) {
      got[who] = (await run(who, row)).outcome;
      if (row.signsOut && cookies[who]) cookies[who] = await apiCookie(base, PEOPLE[who]!);
    }
    expect(got).toEqual(Object.fromEntries(order.map((w) => [w, row.expect[w]])));
  });
});

/**
 * Words that are not approved never reach a reviewer: a pending answer, a rejected one and
 * the original of a redacted one are sent through the real survey API, decided through the
 * editor's real forms, and then every route a reviewer may open (every GET row above that
 * a reviewer gets, plus this survey's pages, results and downloads, filtered or not, and
 * the pages a reviewer is refused) is read as the reviewer.
 */
describe('a reviewer never receives words that are not approved', () => {
  const PENDING = 'Zanzibar pending words 7781';
  const REJECTED = 'Quixotic rejected words 5523';
  const ORIGINAL = 'Ask Mrs Wolstenholme on 07700 900987 about the bench';
  const REDACTED = 'Ask Mrs [name] on [phone] about the lilac bench';
  const APPROVED = 'Marigold approved words 3319';
  const never = [PENDING, REJECTED, 'Wolstenholme', '900987', '07700 900987'];

  beforeAll(async () => {
    for (const words of [PENDING, REJECTED, ORIGINAL, APPROVED]) {
      const res = await fetch(`${base}/api/surveys/memorials/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: crypto.randomUUID(), answers: { ...syntheticAnswers(def('memorials'), random(words.length)), what_would_matter: words } })
      });
      expect(res.status).toBe(201);
    }
    const editor = { cookie: cookies.editor!, origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' };
    const decide = async (words: string, action: string, form: Record<string, string> = {}) => {
      const [{ id }] = query<{ id: number }>(`SELECT id FROM answers WHERE text = '${words}'`);
      const res = await fetch(`${base}${SURVEY}/review?/${action}`, { method: 'POST', headers: editor, body: new URLSearchParams({ answer: String(id), ...form }).toString(), redirect: 'manual' });
      expect(res.status, `${action} ${words}`).toBe(303);
    };
    await decide(REJECTED, 'reject');
    await decide(ORIGINAL, 'redact', { text: REDACTED });
    await decide(APPROVED, 'approve');
  });

  it('on any page or API response', async () => {
    const paths = Object.values(MATRIX)
      .filter((row) => row.expect.reviewer === 'ok' && !row.signsOut)
      .map((row) => row.request('reviewer'))
      .filter((r) => !r.form && r.json === undefined)
      .map((r) => r.path);
    paths.push(
      '/surveys/memorials/results',
      '/surveys/memorials/results?mode=online',
      '/api/surveys/memorials/results',
      '/api/surveys/memorials/results?mode=online',
      '/surveys/memorials/results/export.csv',
      SURVEY,
      `${SURVEY}/paper`,
      // Refused to a reviewer: and the refusal says nothing either.
      `${SURVEY}/review`,
      `${SURVEY}/review?status=rejected`,
      `${SURVEY}/responses.csv`
    );
    const seen: string[] = [];
    for (const path of paths) {
      const res = await fetch(`${base}${path}`, { headers: { cookie: cookies.reviewer!, accept: path.startsWith('/api/') ? 'application/json' : 'text/html' }, redirect: 'manual' });
      const body = await res.text();
      for (const words of never) expect(body, `${path} (${res.status})`).not.toContain(words);
      seen.push(`${path} ${res.status}`);
    }
    expect(seen).toContain(`${SURVEY}/review 403`);
    // The approved words and the redacted version do reach the reviewer: the check above looked in the right places.
    const page = await (await fetch(`${base}/surveys/memorials/results`, { headers: { cookie: cookies.reviewer! } })).text();
    expect(page).toContain(APPROVED);
    expect(page).toContain(REDACTED);
    const api = (await (await fetch(`${base}/api/surveys/memorials/results`, { headers: { cookie: cookies.reviewer! } })).json()) as { quotes: Record<string, { quotes: string[] }> };
    expect(api.quotes.what_would_matter.quotes).toEqual(expect.arrayContaining([APPROVED, REDACTED]));
  });
});
