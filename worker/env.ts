import type { SignedIn } from './accounts/sessions';
import type { Db } from './db';

/** The Worker's bindings (wrangler.toml, secrets). Only the entry, middleware and hooks.server.ts read them. */
export type Bindings = {
  DB: D1Database;
  ASSETS: Fetcher;
  /** Secret mixed into every password hash (a Worker secret; locally in .dev.vars). */
  PASSWORD_PEPPER: string;
  /** The origin printed in links, QR codes and cards (e.g. https://surveys.example.org); empty means the request's. */
  PUBLIC_ORIGIN?: string;
};

/** Hono's environment for every router. */
export type AppEnv = { Bindings: Bindings; Variables: { db: Db; auth: SignedIn | null } };
