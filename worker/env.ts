import type { Db } from './db';

/** The Worker's bindings (wrangler.toml). Only the entry, middleware and hooks.server.ts read them. */
export type Bindings = {
  DB: D1Database;
  ASSETS: Fetcher;
};

/** Hono's environment for every router. */
export type AppEnv = { Bindings: Bindings; Variables: { db: Db } };
