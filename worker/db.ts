import type { BatchItem } from 'drizzle-orm/batch';
import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1';
import * as tables from '../schema/tables';

/** The Drizzle database every domain service takes first. */
export type Db = DrizzleD1Database<typeof tables>;

/** Wrap a D1 binding in Drizzle with the project's tables. */
export function createDb(d1: D1Database): Db {
  return drizzle(d1, { schema: tables });
}

/** Run statements as one atomic D1 batch, for lists built at run time (drizzle's type wants a non-empty tuple). */
export async function batch(db: Db, items: BatchItem<'sqlite'>[]): Promise<unknown[]> {
  if (items.length === 0) return [];
  return db.batch(items as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
}
