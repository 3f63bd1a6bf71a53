import type { BatchItem } from 'drizzle-orm/batch';
import { sql, type SQL } from 'drizzle-orm';
import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
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

/** A statement as SQL text with its values written in as quoted literals. */
export function toSqlText(statement: SQL): string {
  const { sql: text, params } = new SQLiteSyncDialect().sqlToQuery(statement);
  let i = 0;
  return text.replace(/\?/g, () => {
    const v = params[i++];
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'number') return String(v);
    return `'${String(v).replace(/'/g, "''")}'`;
  });
}

/**
 * A raw statement that can go in `db.batch`. drizzle 0.45's D1 batch cannot bind the
 * parameters of raw `sql` statements, so their values are written in as literals.
 */
export function rawInBatch(db: Db, statement: SQL) {
  return db.run(sql.raw(toSqlText(statement)));
}

/** A raw query that can go in `db.batch` and returns its rows (values written in as literals, as above). */
export function allInBatch<T>(db: Db, statement: SQL) {
  return db.all<T>(sql.raw(toSqlText(statement)));
}
