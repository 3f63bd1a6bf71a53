import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import * as accounts from '../accounts/service';
import * as sessions from '../accounts/sessions';
import type { AppEnv } from '../env';
import { Unauthenticated } from '../errors';
import { valid } from '../middleware/validate';

/** /api/auth: sign in and out for API clients (the pages use the same services through form actions). */
export const authRoutes = new Hono<AppEnv>()
  .post('/sign-in', valid('json', accounts.SignInInput), async (c) => {
    const { email, password } = c.req.valid('json');
    const s = await accounts.signIn(c.var.db, c.env.PASSWORD_PEPPER, { email, password, clientAddress: c.req.header('cf-connecting-ip') ?? null });
    setCookie(c, sessions.SESSION_COOKIE, s.token, sessions.cookieOptions(s.expiresAt, new URL(c.req.url)));
    return c.json({ signedIn: true });
  })
  .post('/sign-out', async (c) => {
    if (c.var.auth) await sessions.end(c.var.db, c.var.auth.sessionId);
    deleteCookie(c, sessions.SESSION_COOKIE, { path: '/', secure: sessions.cookieOptions(0, new URL(c.req.url)).secure });
    return c.json({ signedIn: false });
  })
  .post('/sign-out-everywhere', async (c) => {
    if (!c.var.auth) throw new Unauthenticated();
    await sessions.endAll(c.var.db, c.var.auth.user.id);
    deleteCookie(c, sessions.SESSION_COOKIE, { path: '/', secure: sessions.cookieOptions(0, new URL(c.req.url)).secure });
    return c.json({ signedIn: false });
  })
  .get('/me', (c) => {
    if (!c.var.auth) throw new Unauthenticated();
    const { user, memberships } = c.var.auth;
    return c.json({ user, memberships });
  });
