import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { hashPassword, iterationsOf, PBKDF2_MAX_ITERATIONS, verifyPassword } from '../../worker/accounts/passwords';
import * as accounts from '../../worker/accounts/service';
import * as sessions from '../../worker/accounts/sessions';
import { SYSTEM } from '../../worker/audit/service';
import { InvalidLink, TooManyAttempts } from '../../worker/errors';
import * as networks from '../../worker/networks/service';
import { db } from './helpers';

const pepper = env.PASSWORD_PEPPER;
const PASSWORD = 'a long enough password';
let n = 0;
const unique = (what: string) => `${what}-${Date.now().toString(36)}-${++n}`;

async function network() {
  return networks.create(db(), { slug: unique('net'), name: 'A network' });
}
async function member(networkId: string, role: 'admin' | 'editor' | 'reviewer' | 'data-entry' = 'admin') {
  const email = `${unique('person')}@example.org`;
  const id = await accounts.createMember(db(), pepper, { networkId, email, role, password: PASSWORD });
  return { id, email };
}
const auditActions = async (networkId: string) =>
  (await env.DB.prepare('SELECT action FROM audit_log WHERE network_id = ? ORDER BY id').bind(networkId).all<{ action: string }>()).results.map((r) => r.action);

describe('passwords', () => {
  it('uses PBKDF2-SHA256 at the production cap of 100,000 iterations and records it with the hash', async () => {
    expect(PBKDF2_MAX_ITERATIONS).toBe(100_000);
    const hash = await hashPassword(PASSWORD, pepper);
    expect(hash).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(iterationsOf(hash)).toBeLessThanOrEqual(PBKDF2_MAX_ITERATIONS);
    await expect(hashPassword(PASSWORD, pepper, PBKDF2_MAX_ITERATIONS + 1)).rejects.toThrow(/capped/);
  });

  it('verifies only the right password with the right pepper', async () => {
    const hash = await hashPassword(PASSWORD, pepper);
    expect(await verifyPassword(PASSWORD, hash, pepper)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, hash, pepper)).toBe(false);
    expect(await verifyPassword(PASSWORD, hash, 'another pepper')).toBe(false);
    expect(await verifyPassword(PASSWORD, hash.replace('100000', '200000'), pepper)).toBe(false);
    expect(await verifyPassword(PASSWORD, 'md5$abc', pepper)).toBe(false);
    expect(await hashPassword(PASSWORD, pepper)).not.toBe(hash); // salted
  });
});

describe('signing in and sessions', () => {
  it('signs in, keeps the session by its hash only, and signs out', async () => {
    const net = await network();
    const m = await member(net.id, 'reviewer');
    const s = await accounts.signIn(db(), pepper, { email: m.email.toUpperCase(), password: PASSWORD, clientAddress: '10.0.0.1' });
    const stored = await env.DB.prepare('SELECT id FROM sessions WHERE user_id = ?').bind(m.id).first<{ id: string }>();
    expect(stored?.id).not.toBe(s.token);
    const who = await sessions.validate(db(), s.token);
    expect(who?.user.email).toBe(m.email);
    expect(who?.memberships).toEqual([{ networkId: net.id, networkSlug: net.slug, networkName: net.name, role: 'reviewer' }]);
    expect(await auditActions(net.id)).toContain('sign_in');
    await sessions.end(db(), who!.sessionId);
    expect(await sessions.validate(db(), s.token)).toBeNull();
  });

  it('refuses forged, malformed and expired tokens, and renews a session that is half used', async () => {
    const net = await network();
    const m = await member(net.id);
    expect(await sessions.validate(db(), 'a'.repeat(32))).toBeNull();
    expect(await sessions.validate(db(), '../../etc')).toBeNull();
    const now = Date.now();
    const s = await sessions.create(db(), m.id, now);
    expect((await sessions.validate(db(), s.token, now + 1000))?.renewed).toBe(false);
    const later = now + 20 * 24 * 3600 * 1000;
    const renewed = await sessions.validate(db(), s.token, later);
    expect(renewed?.renewed).toBe(true);
    expect(renewed?.expiresAt).toBe(later + sessions.SESSION_LIFETIME);
    expect(await sessions.validate(db(), s.token, later + sessions.SESSION_LIFETIME + 1)).toBeNull();
    expect(await env.DB.prepare('SELECT count(*) AS n FROM sessions WHERE user_id = ?').bind(m.id).first('n')).toBe(0);
  });

  it('signs out everywhere', async () => {
    const net = await network();
    const m = await member(net.id);
    const a = await sessions.create(db(), m.id);
    const b = await sessions.create(db(), m.id);
    await sessions.endAll(db(), m.id);
    expect(await sessions.validate(db(), a.token)).toBeNull();
    expect(await sessions.validate(db(), b.token)).toBeNull();
  });

  it('gives one message for a wrong password and an unknown account, and throttles per account', async () => {
    const net = await network();
    const m = await member(net.id);
    const attempt = (email: string, password: string, clientAddress = '10.0.0.2') => accounts.signIn(db(), pepper, { email, password, clientAddress });
    await expect(attempt(m.email, 'wrong password')).rejects.toThrow('The email address or password is not right.');
    await expect(attempt('nobody@example.org', 'wrong password')).rejects.toThrow('The email address or password is not right.');
    for (let i = 1; i < accounts.THROTTLE_LIMITS.account; i++) await expect(attempt(m.email, 'wrong', `10.1.0.${i}`)).rejects.toThrow();
    // Now even the right password is refused for a while, from any address.
    await expect(attempt(m.email, PASSWORD, '10.9.9.9')).rejects.toBeInstanceOf(TooManyAttempts);
    // After the window, it works again.
    const later = Date.now() + accounts.THROTTLE_WINDOW + 1000;
    await expect(accounts.signIn(db(), pepper, { email: m.email, password: PASSWORD, clientAddress: '10.9.9.9' }, later)).resolves.toHaveProperty('token');
  });

  it('throttles per client address across accounts', async () => {
    const address = `192.0.2.${++n % 250}`;
    for (let i = 0; i < accounts.THROTTLE_LIMITS.address; i++)
      await expect(accounts.signIn(db(), pepper, { email: `guess${i}-${n}@example.org`, password: 'x', clientAddress: address })).rejects.toThrow(/not right/);
    await expect(accounts.signIn(db(), pepper, { email: 'another@example.org', password: 'x', clientAddress: address })).rejects.toBeInstanceOf(TooManyAttempts);
    const row = await env.DB.prepare("SELECT key FROM sign_in_throttle WHERE key LIKE 'address:%' LIMIT 1").first<{ key: string }>();
    expect(row?.key).not.toContain(address); // only a keyed hash of the address is kept
  });
});

describe('invitations, resets and roles', () => {
  it('an invitation link sets a password once, adds the role and signs in; reuse, forgery and expiry are refused', async () => {
    const net = await network();
    const admin = await member(net.id);
    const email = `${unique('new')}@example.org`;
    const inv = await accounts.invite(db(), { userId: admin.id, email: admin.email }, net.id, { email: email.toUpperCase(), role: 'editor' });
    expect(inv.email).toBe(email);
    expect(await env.DB.prepare('SELECT count(*) AS n FROM account_tokens WHERE id = ?').bind(inv.token).first('n')).toBe(0); // only the hash
    await expect(accounts.acceptInvite(db(), pepper, inv.token, { password: 'short', confirm: 'short' })).rejects.toThrow(/at least 10/);
    await expect(accounts.acceptInvite(db(), pepper, inv.token, { password: PASSWORD, confirm: 'different!!!' })).rejects.toThrow(/not the same/);
    const joined = await accounts.acceptInvite(db(), pepper, inv.token, { password: PASSWORD, confirm: PASSWORD });
    expect(joined.networkSlug).toBe(net.slug);
    expect((await sessions.validate(db(), joined.token))?.memberships[0].role).toBe('editor');
    await expect(accounts.acceptInvite(db(), pepper, inv.token, { password: PASSWORD, confirm: PASSWORD })).rejects.toBeInstanceOf(InvalidLink);
    await expect(accounts.inspectLink(db(), inv.token.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')), 'invite')).rejects.toBeInstanceOf(InvalidLink);
    const late = await accounts.invite(db(), SYSTEM, net.id, { email: `${unique('late')}@example.org`, role: 'reviewer' });
    await expect(accounts.inspectLink(db(), late.token, 'invite', Date.now() + 8 * 24 * 3600 * 1000)).rejects.toBeInstanceOf(InvalidLink);
    await expect(accounts.inspectLink(db(), inv.token, 'reset')).rejects.toBeInstanceOf(InvalidLink);
    expect(await auditActions(net.id)).toEqual(expect.arrayContaining(['member.invite', 'member.join']));
  });

  it('someone who already has an account confirms their password to join a second network', async () => {
    const first = await network();
    const second = await network();
    const m = await member(first.id, 'reviewer');
    const inv = await accounts.invite(db(), SYSTEM, second.id, { email: m.email, role: 'admin' });
    await expect(accounts.acceptInvite(db(), pepper, inv.token, { password: 'not my password' })).rejects.toThrow(/not the password/);
    await accounts.acceptInvite(db(), pepper, inv.token, { password: PASSWORD });
    const roles = (await sessions.membershipsOf(db(), m.id)).map((x) => [x.networkId, x.role]);
    expect(roles).toEqual(expect.arrayContaining([[first.id, 'reviewer'], [second.id, 'admin']]));
    await expect(accounts.invite(db(), SYSTEM, second.id, { email: m.email, role: 'editor' })).rejects.toThrow(/already a member/);
  });

  it('a reset link sets a new password and ends every session', async () => {
    const net = await network();
    const admin = await member(net.id);
    const m = await member(net.id, 'reviewer');
    const s = await sessions.create(db(), m.id);
    const reset = await accounts.issueReset(db(), { userId: admin.id, email: admin.email }, net.id, m.id);
    await accounts.resetPassword(db(), pepper, reset.token, { password: 'a brand new passphrase', confirm: 'a brand new passphrase' });
    expect(await sessions.validate(db(), s.token)).toBeNull();
    await expect(accounts.signIn(db(), pepper, { email: m.email, password: PASSWORD, clientAddress: '10.3.0.1' })).rejects.toThrow(/not right/);
    await expect(accounts.signIn(db(), pepper, { email: m.email, password: 'a brand new passphrase', clientAddress: '10.3.0.1' })).resolves.toHaveProperty('token');
    await expect(accounts.resetPassword(db(), pepper, reset.token, { password: 'another new passphrase' })).rejects.toBeInstanceOf(InvalidLink);
    // An admin of another network cannot issue a reset for this member.
    const other = await network();
    const otherAdmin = await member(other.id);
    await expect(accounts.issueReset(db(), { userId: otherAdmin.id, email: otherAdmin.email }, other.id, m.id)).rejects.toThrow(/not a member/);
  });

  it('changes roles with an audit entry and never removes the last admin', async () => {
    const net = await network();
    const admin = await member(net.id);
    const actor = { userId: admin.id, email: admin.email };
    const m = await member(net.id, 'reviewer');
    await accounts.setRole(db(), actor, net.id, m.id, 'editor');
    expect((await sessions.membershipsOf(db(), m.id))[0].role).toBe('editor');
    await expect(accounts.setRole(db(), actor, net.id, m.id, 'owner')).rejects.toThrow(/Choose a role/);
    await expect(accounts.setRole(db(), actor, net.id, admin.id, 'reviewer')).rejects.toThrow(/at least one admin/);
    await expect(accounts.removeMember(db(), actor, net.id, admin.id)).rejects.toThrow(/at least one admin/);
    await accounts.removeMember(db(), actor, net.id, m.id);
    expect(await sessions.membershipsOf(db(), m.id)).toEqual([]);
    const log = await env.DB.prepare("SELECT actor, subject, details FROM audit_log WHERE network_id = ? AND action = 'member.role'").bind(net.id).first<{ actor: string; subject: string; details: string }>();
    expect(log).toEqual({ actor: admin.email, subject: m.email, details: JSON.stringify({ from: 'reviewer', to: 'editor' }) });
  });
});
