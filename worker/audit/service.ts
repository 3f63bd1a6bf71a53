/** The audit log: who did what, when. Written next to the change it records; read by admins. */
import { and, desc, eq, lt } from 'drizzle-orm';
import { auditLog } from '../../schema/tables';
import type { Db } from '../db';

/** Who is acting: a signed-in member, or the system (seed, command line). */
export type Actor = { userId: string | null; email: string };

/** The system itself (seeding, the admin command). */
export const SYSTEM: Actor = { userId: null, email: 'system' };

/** The insert statement for an audit entry, to put in the same batch as the change it records. */
export function entry(db: Db, actor: Actor, networkId: string | null, action: string, subject = '', details?: unknown) {
  return db.insert(auditLog).values({ networkId, userId: actor.userId, actor: actor.email, action, subject, details: details ?? null });
}

/** Record an audit entry on its own. */
export async function record(db: Db, actor: Actor, networkId: string | null, action: string, subject = '', details?: unknown): Promise<void> {
  await entry(db, actor, networkId, action, subject, details);
}

/** A network's audit log, newest first, a page at a time (before: an entry id). */
export async function list(db: Db, networkId: string, opts: { limit?: number; before?: number } = {}) {
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 500);
  return db
    .select()
    .from(auditLog)
    .where(opts.before ? and(eq(auditLog.networkId, networkId), lt(auditLog.id, opts.before)) : eq(auditLog.networkId, networkId))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}
