/** Counting failed attempts (sign-ins, resume codes) per key over a sliding window, to slow down guessing. */
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { signInThrottle } from '../../schema/tables';
import type { Db } from '../db';

/** Failures are counted over this window. */
export const THROTTLE_WINDOW = 15 * 60 * 1000;

/** Failures in the current window for each key, in order. */
export async function failures(db: Db, keys: string[], now: number): Promise<number[]> {
  const rows = await db
    .select()
    .from(signInThrottle)
    .where(and(inArray(signInThrottle.key, keys), gt(signInThrottle.windowStart, now - THROTTLE_WINDOW)))
    .all();
  return keys.map((k) => rows.find((r) => r.key === k)?.failures ?? 0);
}

/** The statement that counts one more failure for a key (a new window if the old one has passed). */
export function countFailure(db: Db, key: string, now: number) {
  const stale = now - THROTTLE_WINDOW;
  return db
    .insert(signInThrottle)
    .values({ key, windowStart: now, failures: 1 })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: sql`CASE WHEN ${signInThrottle.windowStart} <= ${stale} THEN 1 ELSE ${signInThrottle.failures} + 1 END`,
        windowStart: sql`CASE WHEN ${signInThrottle.windowStart} <= ${stale} THEN ${now} ELSE ${signInThrottle.windowStart} END`
      }
    });
}

/** Forget a key's failures (after a success). */
export function clear(db: Db, key: string) {
  return db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}
