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
import { apiCookie, PEOPLE, type Person } from './people';

const base = inject('baseURL');
const NETWORK = 'birmingham-demo';

type Outcome = 'ok' | 'login' | 'forbidden' | 'notfound' | 'invalid' | 'gone';
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
const ctx = { removableUser: '', reviewerId: '', removableOrganisation: '', linkId: '', linkCode: '', packId: '' };
const SURVEY = `/n/${NETWORK}/surveys/memorials`;
const FORGED = 'a'.repeat(28);

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
  'GET /s/[slug]': { request: () => ({ path: '/s/employers' }), expect: all('ok') },
  'GET /s/[slug]/thanks': { request: () => ({ path: '/s/employers/thanks' }), expect: all('ok') },
  'GET /s/[slug]/resume': { request: () => ({ path: '/s/employers/resume' }), expect: all('ok') },
  'POST /s/[slug]/resume': { request: () => ({ path: '/s/employers/resume', form: { code: 'WRONG-CODE' } }), expect: all('invalid') },
  'GET /surveys/[slug]/results': {
    request: () => ({ path: '/surveys/employers/results' }),
    expect: members({ dataEntry: 'forbidden', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'forbidden' })
  },
  'GET /l/[code]': { request: () => ({ path: `/l/${ctx.linkCode}` }), expect: all('ok') },
  'GET /c/[token]': { request: () => ({ path: `/c/${FORGED}` }), expect: all('gone') },
  'GET /i/[token]': { request: () => ({ path: `/i/${FORGED}` }), expect: all('gone') },
  'GET /n/[network]/surveys/[slug]': { request: () => ({ path: SURVEY }), expect: members({ dataEntry: 'ok', reviewer: 'ok', editor: 'ok', admin: 'ok', other: 'notfound' }) },
  'GET /n/[network]/surveys/[slug]/invitations': { request: () => ({ path: `/n/${NETWORK}/surveys/care-homes/invitations` }), expect: editorOnly() },
  'GET /n/[network]/surveys/[slug]/invitations/invitations.csv': { request: () => ({ path: `/n/${NETWORK}/surveys/care-homes/invitations/invitations.csv` }), expect: editorOnly() },
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
  'POST /n/[network]/surveys/[slug]?/withdraw': { request: () => ({ path: `${SURVEY}?/withdraw`, form: { id: 'no-such-link' } }), expect: editorOnly('notfound') },
  'POST /n/[network]/surveys/[slug]/invitations?/create': { request: () => ({ path: `/n/${NETWORK}/surveys/care-homes/invitations?/create`, form: {} }), expect: editorOnly('invalid') },
  'POST /n/[network]/surveys/[slug]/invitations?/withdraw': { request: () => ({ path: `/n/${NETWORK}/surveys/care-homes/invitations?/withdraw`, form: { id: 'no-such-link' } }), expect: editorOnly('notfound') },
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
  'GET /api/networks/:network/members': { request: () => ({ path: `/api/networks/${NETWORK}/members` }), expect: adminOnly() },
  'GET /api/networks/:network/organisations': { request: () => ({ path: `/api/networks/${NETWORK}/organisations` }), expect: adminOnly() },
  'GET /api/networks/:network/audit': { request: () => ({ path: `/api/networks/${NETWORK}/audit` }), expect: adminOnly() }
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
        if (actions) for (const m of actions.matchAll(/^\t([a-z]+): async/gm)) found.push(m[1] === 'default' ? `POST ${route}` : `POST ${route}?/${m[1]}`);
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
  const res = await fetch(`${base}${r.path}`, { method: r.form || r.json !== undefined ? 'POST' : 'GET', headers, body, redirect: 'manual' });
  const status = res.status;
  const location = res.headers.get('location') ?? '';
  await res.arrayBuffer();
  if (status >= 300 && status < 400) return { outcome: location.startsWith('/login') && !r.path.startsWith('/logout') ? 'login' : 'ok', status };
  if (status < 300) return { outcome: 'ok', status };
  const byStatus: Record<number, Outcome> = { 400: 'invalid', 401: 'login', 403: 'forbidden', 404: 'notfound', 410: 'gone' };
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
