/**
 * What the running Worker stored, read from its local D1 with wrangler (the same SQLite the
 * browser's requests wrote to): for assertions like "exactly one response arrived".
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { inject } from 'vitest';
import { root } from '../support/local-worker';

/** Rows of a read-only query against the test Worker's D1. */
export function query<T = Record<string, unknown>>(sql: string): T[] {
  const out = execFileSync(
    join(root, 'node_modules/.bin/wrangler'),
    ['d1', 'execute', 'DB', '--local', '--persist-to', inject('dbDir'), '--json', '--command', sql],
    { cwd: root, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] }
  ).toString();
  return (JSON.parse(out) as { results: T[] }[])[0].results;
}

/** A single number from a query like `SELECT count(*) AS n …`. */
export function count(sql: string): number {
  return Number(Object.values(query(sql)[0] ?? { n: 0 })[0]);
}
