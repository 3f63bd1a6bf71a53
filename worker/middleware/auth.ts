import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import * as sessions from '../accounts/sessions';
import type { AppEnv } from '../env';

/** Who is signed in (or null), from the session cookie; a renewed session gets its cookie again. */
export const authProvider = createMiddleware<AppEnv>(async (c, next) => {
  const auth = await sessions.validate(c.var.db, getCookie(c, sessions.SESSION_COOKIE));
  c.set('auth', auth);
  if (auth?.renewed) setCookie(c, sessions.SESSION_COOKIE, getCookie(c, sessions.SESSION_COOKIE)!, sessions.cookieOptions(auth.expiresAt, new URL(c.req.url)));
  await next();
});
