import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { Forbidden } from '../errors';

/**
 * Security headers on every response, pages included. Pages get their
 * Content-Security-Policy from SvelteKit (`kit.csp`, with hashes for what it inlines);
 * this adds the rest. Referrer-Policy is same-origin, not no-referrer: under no-referrer
 * browsers send `Origin: null` on form posts, which the CSRF checks must refuse.
 */
export const securityHeaders = secureHeaders({
  referrerPolicy: 'same-origin',
  xFrameOptions: 'DENY',
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] }
});

/** The API's own policy: JSON only, nothing to run or frame. */
export const apiContentSecurityPolicy = createMiddleware(async (c, next) => {
  await next();
  c.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
});

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for the JSON API (SvelteKit's origin check covers only its own form
 * actions): a state-changing request must come from this origin. Browsers send `Origin`
 * (and `Sec-Fetch-Site`) on such requests; scripts and tests without a browser send neither.
 */
export const sameOriginWrites = createMiddleware(async (c, next) => {
  if (!SAFE.has(c.req.method)) {
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    if ((origin && origin !== new URL(c.req.url).origin) || site === 'cross-site' || site === 'same-site')
      throw new Forbidden('Requests from other sites are not accepted.');
  }
  await next();
});
