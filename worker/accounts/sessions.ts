/**
 * Sessions, after Lucia's published guidance: a random token in an HttpOnly, Secure,
 * SameSite=Lax cookie; only its SHA-256 is stored; 30 days, renewed when fewer than 15
 * remain; sign out here or everywhere.
 */
import { eq } from 'drizzle-orm';
import { memberships, networks, sessions, users } from '../../schema/tables';
import type { Db } from '../db';
import type { Membership } from './authz';
import { newToken, sha256 } from './tokens';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'ccs_session';
const DAY = 24 * 60 * 60 * 1000;
/** How long a session lasts without use. */
export const SESSION_LIFETIME = 30 * DAY;
const RENEW_BELOW = 15 * DAY;

/** Who is signed in. */
export type SignedIn = {
  sessionId: string;
  expiresAt: number;
  /** True when this request extended the session: the cookie must be sent again. */
  renewed: boolean;
  user: { id: string; email: string; name: string };
  memberships: Membership[];
};

/** Start a session for a user; returns the cookie token (never stored) and its expiry. */
export async function create(db: Db, userId: string, now = Date.now()): Promise<{ token: string; expiresAt: number }> {
  const token = newToken();
  const expiresAt = now + SESSION_LIFETIME;
  await db.insert(sessions).values({ id: await sha256(token), userId, expiresAt });
  return { token, expiresAt };
}

/** The memberships of a user, with their networks' names. */
export async function membershipsOf(db: Db, userId: string): Promise<Membership[]> {
  return db
    .select({ networkId: networks.id, networkSlug: networks.slug, networkName: networks.name, role: memberships.role })
    .from(memberships)
    .innerJoin(networks, eq(networks.id, memberships.networkId))
    .where(eq(memberships.userId, userId))
    .orderBy(networks.name)
    .all();
}

/** Check a cookie token: the session and its user, renewed if due, or null (unknown, forged or expired). */
export async function validate(db: Db, token: string | undefined | null, now = Date.now()): Promise<SignedIn | null> {
  if (!token || !/^[a-z2-7]{32}$/.test(token)) return null;
  const id = await sha256(token);
  const row = await db
    .select({ session: sessions, user: { id: users.id, email: users.email, name: users.name } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .get();
  if (!row) return null;
  if (row.session.expiresAt <= now) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  let expiresAt = row.session.expiresAt;
  const renewed = expiresAt - now < RENEW_BELOW;
  if (renewed) {
    expiresAt = now + SESSION_LIFETIME;
    await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
  }
  return { sessionId: id, expiresAt, renewed, user: row.user, memberships: await membershipsOf(db, row.user.id) };
}

/** End one session (sign out). */
export async function end(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** End every session of a user (sign out everywhere; after a password reset). */
export async function endAll(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Cookie attributes for the session cookie: HttpOnly, SameSite=Lax, and Secure everywhere
 * but plain-http loopback (`npm start` on this machine), where browsers would drop it.
 */
export function cookieOptions(expiresAt: number, url: URL) {
  const secure = url.protocol === 'https:' || !LOOPBACK.has(url.hostname);
  return { path: '/', httpOnly: true, secure, sameSite: 'lax' as const, expires: new Date(expiresAt) };
}
