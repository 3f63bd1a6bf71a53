import { createMiddleware } from 'hono/factory';
import { createDb } from '../db';
import type { AppEnv } from '../env';

/** Put a per-request Drizzle database on the context as `db`. */
export const dbProvider = createMiddleware<AppEnv>(async (c, next) => {
  c.set('db', createDb(c.env.DB));
  await next();
});
