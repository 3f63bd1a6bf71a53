import { env } from 'cloudflare:test';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { adminInvitation, toSqlText } from '../../worker/accounts/bootstrap';
import * as accounts from '../../worker/accounts/service';
import * as sessions from '../../worker/accounts/sessions';
import { db } from './helpers';

describe('the first admin of a deployment (npm run admin)', () => {
  it('creates the network and an admin invitation, as SQL text that runs on D1, and twice is harmless', async () => {
    const slug = `boot-${Date.now().toString(36)}`;
    const first = await adminInvitation({ networkSlug: slug, networkName: "St Mary's Town", email: 'First.Admin@example.org' });
    await env.DB.batch(first.statements.map((s) => env.DB.prepare(toSqlText(s))));
    const second = await adminInvitation({ networkSlug: slug, email: 'first.admin@example.org' });
    await env.DB.batch(second.statements.map((s) => env.DB.prepare(toSqlText(s))));
    expect(await env.DB.prepare('SELECT name FROM networks WHERE slug = ?').bind(slug).first('name')).toBe("St Mary's Town");
    expect(await env.DB.prepare('SELECT count(*) AS n FROM users WHERE email = ?').bind('first.admin@example.org').first('n')).toBe(1);
    const joined = await accounts.acceptInvite(db(), env.PASSWORD_PEPPER, first.token, { password: 'a long enough password', confirm: 'a long enough password' });
    expect(joined.networkSlug).toBe(slug);
    expect((await sessions.validate(db(), joined.token))?.memberships.map((m) => m.role)).toEqual(['admin']);
  });

  it('writes values as quoted literals, never as SQL', () => {
    expect(toSqlText(sql`SELECT ${"x'); DROP TABLE users; --"}, ${42}, ${null}`)).toBe("SELECT 'x''); DROP TABLE users; --', 42, NULL");
  });

  it('refuses a bad slug or email', async () => {
    await expect(adminInvitation({ networkSlug: 'Bad Slug', email: 'a@example.org' })).rejects.toThrow(/slug/);
    await expect(adminInvitation({ networkSlug: 'ok', email: 'not an email' })).rejects.toThrow();
  });
});

