import { drizzle, type DrizzleD1Database } from 'drizzle-orm/d1';
import * as tables from '../schema/tables';

/** The Drizzle database every domain service takes first. */
export type Db = DrizzleD1Database<typeof tables>;

/** Wrap a D1 binding in Drizzle with the project's tables. */
export function createDb(d1: D1Database): Db {
  return drizzle(d1, { schema: tables });
}
