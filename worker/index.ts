/**
 * The Worker. Hono owns it: /api/* goes to the API, everything else (pages and the form
 * actions that POST to page URLs) to SvelteKit. Static files are served by Workers
 * Assets before the Worker runs.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createApi, PAGE_BODY_LIMIT } from './app';
import { createDb } from './db';
import { securityHeaders } from './middleware/security';
import * as surveys from './surveys/service';
import type { AppEnv } from './env';
import { web } from './web';

const app = new Hono<AppEnv>()
  .use(securityHeaders)
  .route('/api', createApi())
  .use(
    '*',
    bodyLimit({
      maxSize: PAGE_BODY_LIMIT,
      onError: (c) => c.text('That form was too large to read. Please shorten your answers and try again.', 413)
    })
  )
  .all('*', async (c) => {
    const res = await web.fetch(c.req.raw, c.env, c.executionCtx as ExecutionContext);
    // A fresh Response so the security headers can be added to whatever SvelteKit returned.
    return new Response(res.body, res);
  });

export default {
  fetch: app.fetch,
  /** Cron (wrangler.toml): close surveys whose closing time has passed. */
  async scheduled(_controller, env) {
    await surveys.closeDue(createDb(env.DB));
  }
} satisfies ExportedHandler<AppEnv['Bindings']>;
