/**
 * Accounts: signing in (throttled), invitations and password resets by one-time link,
 * roles per network. Every change is written to the audit log in the same batch.
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { accountTokens, memberships, networks, ROLES, users } from '../../schema/tables';
import * as audit from '../audit/service';
import type { Actor } from '../audit/service';
import { batch, type Db } from '../db';
import { Conflict, InvalidInput, InvalidLink, NotFound, TooManyAttempts } from '../errors';
import type { Role } from './authz';
import { hashPassword, PASSWORD_MAX, passwordProblem, verifyPassword } from './passwords';
import * as sessions from './sessions';
import { clear, countFailure, failures, THROTTLE_WINDOW } from './throttle';
import { newToken, sha256 } from './tokens';

const MINUTE = 60 * 1000;
export { THROTTLE_WINDOW };
/** Failures allowed per account, and per client address, in one window. */
// Per address is generous: a council office or a hospice may share one address between many staff.
export const THROTTLE_LIMITS = { account: 5, address: 100 } as const;
const LINK_LIFETIME = { invite: 7 * 24 * 60 * MINUTE, reset: 24 * 60 * MINUTE } as const;

/** One schema for an email address from outside. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter an email address like name@example.org' }).max(254));

/** What the sign-in form sends. */
export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().min(1, 'Enter your password').max(PASSWORD_MAX)
});

/** What an admin sends to invite a member. */
export const InviteInput = z.object({
  email: Email,
  role: z.enum(ROLES, { error: 'Choose a role' }),
  name: z.string().trim().max(100).optional().default('')
});

/** Wrong email or password: one message for both, so it says nothing about who has an account. */
export class WrongCredentials extends InvalidInput {
  constructor() {
    super('The email address or password is not right.', [{ path: 'password', message: 'The email address or password is not right.' }]);
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Sign in with email and password. Throttled per account and per client address (the
 * address is only kept as a keyed hash, and only while it is being throttled).
 */
export async function signIn(
  db: Db,
  pepper: string,
  input: { email: string; password: string; clientAddress: string | null },
  now = Date.now()
): Promise<{ token: string; expiresAt: number; userId: string }> {
  const { email, password } = SignInInput.parse(input);
  const keys = [`account:${email}`, `address:${await sha256(`${pepper}:${input.clientAddress ?? 'unknown'}`)}`];
  const [forAccount, forAddress] = await failures(db, keys, now);
  if (forAccount >= THROTTLE_LIMITS.account || forAddress >= THROTTLE_LIMITS.address) throw new TooManyAttempts(THROTTLE_WINDOW / 1000);

  const user = await db.select().from(users).where(eq(users.email, email)).get();
  // Spend the same time whether or not the account exists.
  dummyHash ??= hashPassword('not a real password', pepper);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash), pepper);
  if (!user || !user.passwordHash || !ok) {
    await db.batch([countFailure(db, keys[0], now), countFailure(db, keys[1], now)]);
    throw new WrongCredentials();
  }
  const session = await sessions.create(db, user.id, now);
  const member = await sessions.membershipsOf(db, user.id);
  const actor = { userId: user.id, email: user.email };
  await db.batch([
    clear(db, keys[0]),
    audit.entry(db, actor, null, 'sign_in'),
    ...member.map((m) => audit.entry(db, actor, m.networkId, 'sign_in'))
  ]);
  return { ...session, userId: user.id };
}

/** A member of a network, or someone invited who has not joined yet. */
export type MemberRow = { userId: string; email: string; name: string; role: Role; joined: boolean };

/** Members of a network with their roles, then pending invitations (not yet used, not expired). */
export async function listMembers(db: Db, networkId: string, now = Date.now()): Promise<MemberRow[]> {
  const joined = await db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.networkId, networkId))
    .orderBy(users.email)
    .all();
  const pending = await db
    .select({ userId: users.id, email: users.email, name: users.name, role: accountTokens.role })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(
      and(
        eq(accountTokens.networkId, networkId),
        eq(accountTokens.kind, 'invite'),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now)
      )
    )
    .orderBy(users.email)
    .all();
  const members = new Set(joined.map((m) => m.userId));
  const invited = new Map<string, MemberRow>();
  for (const p of pending) if (!members.has(p.userId)) invited.set(p.userId, { ...p, role: p.role as Role, joined: false });
  return [...joined.map((m) => ({ ...m, joined: true })), ...invited.values()];
}

async function userByEmail(db: Db, email: string) {
  return db.select().from(users).where(eq(users.email, email)).get();
}

/**
 * Invite someone to a network with a role: a one-time link (valid 7 days) on which they
 * set a password, or confirm theirs if they already have an account. Returns the token
 * for the link; it is not stored.
 */
export async function invite(db: Db, actor: Actor, networkId: string, input: unknown, now = Date.now()): Promise<{ token: string; email: string }> {
  const parsed = InviteInput.safeParse(input);
  if (!parsed.success) throw new InvalidInput('Check the invitation', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  const { email, role, name } = parsed.data;
  let user = await userByEmail(db, email);
  if (user) {
    const existing = await db.select().from(memberships).where(and(eq(memberships.userId, user.id), eq(memberships.networkId, networkId))).get();
    if (existing) throw new Conflict(`${email} is already a member of this network (${existing.role}).`);
  }
  const token = newToken();
  const userId = user?.id ?? crypto.randomUUID();
  await batch(db, [
    ...(user ? [] : [db.insert(users).values({ id: userId, email, name })]),
    db.insert(accountTokens).values({
      id: await sha256(token),
      kind: 'invite',
      userId,
      networkId,
      role,
      createdBy: actor.userId,
      expiresAt: now + LINK_LIFETIME.invite
    }),
    audit.entry(db, actor, networkId, 'member.invite', email, { role })
  ]);
  return { token, email };
}

/** What a one-time link is for, or InvalidLink if it cannot be used. */
export async function inspectLink(db: Db, token: string, kind: 'invite' | 'reset', now = Date.now()) {
  if (!/^[a-z2-7]{32}$/.test(token)) throw new InvalidLink();
  const row = await db
    .select({ token: accountTokens, user: users, network: { id: networks.id, name: networks.name } })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .leftJoin(networks, eq(networks.id, accountTokens.networkId))
    .where(and(eq(accountTokens.id, await sha256(token)), eq(accountTokens.kind, kind)))
    .get();
  if (!row || row.token.usedAt !== null || row.token.expiresAt <= now) throw new InvalidLink();
  return {
    tokenId: row.token.id,
    email: row.user.email,
    userId: row.user.id,
    hasPassword: row.user.passwordHash !== null,
    network: row.network,
    role: row.token.role as Role | null
  };
}

/** Use a link once: the guarded update makes a second (or concurrent) use fail. */
async function spend(db: Db, tokenId: string, now: number): Promise<void> {
  const used = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.id, tokenId), isNull(accountTokens.usedAt)))
    .returning({ id: accountTokens.id });
  if (used.length === 0) throw new InvalidLink();
}

/**
 * Accept an invitation: a new member sets a password; someone who already has an account
 * confirms their current one. Then they hold the role in the network and are signed in.
 */
export async function acceptInvite(
  db: Db,
  pepper: string,
  token: string,
  input: { password: string; confirm?: string },
  now = Date.now()
): Promise<{ token: string; expiresAt: number; networkSlug: string }> {
  const link = await inspectLink(db, token, 'invite', now);
  if (!link.network || !link.role) throw new InvalidLink();
  let passwordHash: string | null = null;
  if (link.hasPassword) {
    const user = await db.select().from(users).where(eq(users.id, link.userId)).get();
    if (!(await verifyPassword(input.password, user!.passwordHash!, pepper)))
      throw new InvalidInput('That is not the password of this account.', [{ path: 'password', message: 'That is not the password of this account.' }]);
  } else {
    const problem = passwordProblem(input.password) ?? (input.confirm !== undefined && input.confirm !== input.password ? 'The two passwords are not the same' : null);
    if (problem) throw new InvalidInput(problem, [{ path: 'password', message: problem }]);
    passwordHash = await hashPassword(input.password, pepper);
  }
  await spend(db, link.tokenId, now);
  const actor = { userId: link.userId, email: link.email };
  await batch(db, [
    ...(passwordHash ? [db.update(users).set({ passwordHash }).where(eq(users.id, link.userId))] : []),
    db
      .insert(memberships)
      .values({ userId: link.userId, networkId: link.network.id, role: link.role })
      .onConflictDoUpdate({ target: [memberships.userId, memberships.networkId], set: { role: link.role } }),
    audit.entry(db, actor, link.network.id, 'member.join', link.email, { role: link.role })
  ]);
  const network = await db.select({ slug: networks.slug }).from(networks).where(eq(networks.id, link.network.id)).get();
  const session = await sessions.create(db, link.userId, now);
  return { ...session, networkSlug: network!.slug };
}

async function membershipOf(db: Db, networkId: string, userId: string) {
  const m = await db.select().from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.networkId, networkId))).get();
  if (!m) throw new NotFound('That person is not a member of this network.');
  return m;
}

/** An admin issues a one-time password-reset link (valid 24 hours) for a member of their network. */
export async function issueReset(db: Db, actor: Actor, networkId: string, userId: string, now = Date.now()): Promise<{ token: string; email: string }> {
  await membershipOf(db, networkId, userId);
  const user = await db.select().from(users).where(eq(users.id, userId)).get();
  const token = newToken();
  await db.batch([
    db.insert(accountTokens).values({ id: await sha256(token), kind: 'reset', userId, networkId, createdBy: actor.userId, expiresAt: now + LINK_LIFETIME.reset }),
    audit.entry(db, actor, networkId, 'member.reset_link', user!.email)
  ]);
  return { token, email: user!.email };
}

/** Set a new password with a reset link; every existing session of the account ends. */
export async function resetPassword(db: Db, pepper: string, token: string, input: { password: string; confirm?: string }, now = Date.now()): Promise<void> {
  const link = await inspectLink(db, token, 'reset', now);
  const problem = passwordProblem(input.password) ?? (input.confirm !== undefined && input.confirm !== input.password ? 'The two passwords are not the same' : null);
  if (problem) throw new InvalidInput(problem, [{ path: 'password', message: problem }]);
  const passwordHash = await hashPassword(input.password, pepper);
  await spend(db, link.tokenId, now);
  await db.batch([
    db.update(users).set({ passwordHash }).where(eq(users.id, link.userId)),
    audit.entry(db, { userId: link.userId, email: link.email }, link.network?.id ?? null, 'password.reset', link.email)
  ]);
  await sessions.endAll(db, link.userId);
}

async function assertNotLastAdmin(db: Db, networkId: string, userId: string): Promise<void> {
  const admins = await db.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.networkId, networkId), eq(memberships.role, 'admin'))).all();
  if (admins.length === 1 && admins[0].userId === userId) throw new Conflict('A network needs at least one admin: make someone else an admin first.');
}

/** Change a member's role in a network. */
export async function setRole(db: Db, actor: Actor, networkId: string, userId: string, role: unknown): Promise<void> {
  const parsed = z.enum(ROLES).safeParse(role);
  if (!parsed.success) throw new InvalidInput('Choose a role', [{ path: 'role', message: 'Choose a role' }]);
  const current = await membershipOf(db, networkId, userId);
  if (current.role === parsed.data) return;
  if (current.role === 'admin') await assertNotLastAdmin(db, networkId, userId);
  const user = await db.select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
  await db.batch([
    db.update(memberships).set({ role: parsed.data }).where(and(eq(memberships.userId, userId), eq(memberships.networkId, networkId))),
    audit.entry(db, actor, networkId, 'member.role', user!.email, { from: current.role, to: parsed.data })
  ]);
}

/** Remove a member from a network (their account and other networks are untouched), or revoke a pending invitation. */
export async function removeMember(db: Db, actor: Actor, networkId: string, userId: string): Promise<void> {
  const member = await db.select().from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.networkId, networkId))).get();
  if (!member) {
    const revoked = await db
      .delete(accountTokens)
      .where(and(eq(accountTokens.userId, userId), eq(accountTokens.networkId, networkId), eq(accountTokens.kind, 'invite'), isNull(accountTokens.usedAt)))
      .returning({ id: accountTokens.id });
    if (revoked.length === 0) throw new NotFound('That person is not a member of this network.');
    const invited = await db.select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
    await audit.record(db, actor, networkId, 'member.invite_revoked', invited?.email ?? '');
    return;
  }
  const current = member;
  if (current.role === 'admin') await assertNotLastAdmin(db, networkId, userId);
  const user = await db.select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
  await db.batch([
    db.delete(memberships).where(and(eq(memberships.userId, userId), eq(memberships.networkId, networkId))),
    audit.entry(db, actor, networkId, 'member.remove', user!.email, { role: current.role })
  ]);
}

/** Create a user with a password and a role directly (the demo seed and tests; never from a page). */
export async function createMember(db: Db, pepper: string, input: { networkId: string; email: string; name?: string; role: Role; password: string }): Promise<string> {
  const email = Email.parse(input.email);
  const existing = await userByEmail(db, email);
  const id = existing?.id ?? crypto.randomUUID();
  const passwordHash = existing?.passwordHash ?? (await hashPassword(input.password, pepper));
  await batch(db, [
    ...(existing ? [] : [db.insert(users).values({ id, email, name: input.name ?? '', passwordHash })]),
    db
      .insert(memberships)
      .values({ userId: id, networkId: input.networkId, role: input.role })
      .onConflictDoUpdate({ target: [memberships.userId, memberships.networkId], set: { role: input.role } })
  ]);
  return id;
}
