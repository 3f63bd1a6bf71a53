import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import * as accounts from '../../worker/accounts/service';
import * as sessions from '../../worker/accounts/sessions';
import { everyType } from '../fixtures/definitions';
import { call, db, post, publishedSurvey } from './helpers';

const PASSWORD = 'a long enough password';
type Role = 'admin' | 'editor' | 'reviewer' | 'data-entry';
const cookies: Partial<Record<Role | 'other-admin', string>> = {};
let slug: string;
let networkSlug: string;

beforeAll(async () => {
  const s = await publishedSurvey(everyType);
  slug = s.slug;
  networkSlug = s.network.slug;
  for (const role of ['admin', 'editor', 'reviewer', 'data-entry'] as const) {
    const id = await accounts.createMember(db(), env.PASSWORD_PEPPER, { networkId: s.network.id, email: `${role}-${slug}@example.org`, role, password: PASSWORD });
    cookies[role] = `${sessions.SESSION_COOKIE}=${(await sessions.create(db(), id)).token}`;
  }
  const other = await publishedSurvey(everyType);
  const otherId = await accounts.createMember(db(), env.PASSWORD_PEPPER, { networkId: other.network.id, email: `admin-${other.slug}@example.org`, role: 'admin', password: PASSWORD });
  cookies['other-admin'] = `${sessions.SESSION_COOKIE}=${(await sessions.create(db(), otherId)).token}`;
});

const as = (who: keyof typeof cookies | 'anonymous', path: string) => call(path, { headers: who === 'anonymous' ? {} : { cookie: cookies[who]! } });

describe('API authorization per network and role', () => {
  const table: [string, (s: { slug: string; network: string }) => string, Record<'anonymous' | Role | 'other-admin', number>][] = [
    ['results', (s) => `/surveys/${s.slug}/results`, { anonymous: 401, 'data-entry': 403, reviewer: 200, editor: 200, admin: 200, 'other-admin': 403 }],
    ['members', (s) => `/networks/${s.network}/members`, { anonymous: 401, 'data-entry': 403, reviewer: 403, editor: 403, admin: 200, 'other-admin': 404 }],
    ['organisations', (s) => `/networks/${s.network}/organisations`, { anonymous: 401, 'data-entry': 403, reviewer: 403, editor: 403, admin: 200, 'other-admin': 404 }],
    ['audit log', (s) => `/networks/${s.network}/audit`, { anonymous: 401, 'data-entry': 403, reviewer: 403, editor: 403, admin: 200, 'other-admin': 404 }],
    ['who am I', () => `/auth/me`, { anonymous: 401, 'data-entry': 200, reviewer: 200, editor: 200, admin: 200, 'other-admin': 200 }]
  ];
  it.each(table)('%s', async (_name, path, expected) => {
    for (const [who, status] of Object.entries(expected)) {
      const res = await as(who as keyof typeof cookies, path({ slug, network: networkSlug }));
      expect(`${who}: ${res.status}`).toBe(`${who}: ${status}`);
      if (status >= 400) expect(Object.keys(((await res.json()) as { error: object }).error)).toContain('message');
    }
  });

  it('never shows another network its members, organisations or audit entries', async () => {
    const res = await as('other-admin', `/networks/${networkSlug}/members`);
    const body = await res.text();
    expect(body).not.toContain(`admin-${slug}`);
    expect(body).not.toContain(slug);
  });
});

describe('sign-in over the API', () => {
  it('sets an HttpOnly, Secure, SameSite=Lax session cookie (not Secure on http loopback)', async () => {
    const email = `api-${slug}@example.org`;
    const net = (await env.DB.prepare('SELECT network_id FROM surveys WHERE slug = ?').bind(slug).first<{ network_id: string }>())!.network_id;
    await accounts.createMember(db(), env.PASSWORD_PEPPER, { networkId: net, email, role: 'reviewer', password: PASSWORD });
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) };
    const res = await call('/auth/sign-in', init, 'https://surveys.example');
    expect(res.status).toBe(200);
    // On plain-http loopback (npm start) the cookie cannot be Secure, or browsers would drop it.
    const local = await call('/auth/sign-in', init, 'http://127.0.0.1:8787');
    expect(local.headers.get('set-cookie')).not.toMatch(/Secure/);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^${sessions.SESSION_COOKIE}=[a-z2-7]{32};`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    const me = await call('/auth/me', { headers: { cookie: cookie.split(';')[0] } });
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(email);
    const wrong = await post('/auth/sign-in', { email, password: 'nope' });
    expect(wrong.status).toBe(400);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('refuses state-changing requests from another site', async () => {
    const res = await call('/auth/sign-out-everywhere', { method: 'POST', headers: { origin: 'https://evil.example', cookie: cookies.admin! } });
    expect(res.status).toBe(403);
    expect((await as('admin', '/auth/me')).status).toBe(200);
    const site = await call(`/surveys/${slug}/responses`, { method: 'POST', headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, body: '{}' });
    expect(site.status).toBe(403);
  });

  it('sends security headers with every API answer', async () => {
    const res = await call('/health');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
