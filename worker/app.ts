import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { definitionJsonSchema } from '../schema/survey-definition';
import type { AppEnv } from './env';
import { authProvider } from './middleware/auth';
import { dbProvider } from './middleware/db';
import { errorResponse } from './middleware/errors';
import { apiContentSecurityPolicy, sameOriginWrites } from './middleware/security';
import { authRoutes } from './routes/auth';
import { networkRoutes } from './routes/networks';
import { surveyRoutes } from './routes/surveys';

/** Largest JSON body the API reads: a long survey with every text box full fits easily. */
export const API_BODY_LIMIT = 256 * 1024;
/** Largest form post a page reads: survey pages are small; a CSV import of 5,000 organisations fits. */
export const PAGE_BODY_LIMIT = 1024 * 1024;

/** The /api Hono app. Worker tests import this directly. */
export function createApi() {
  return new Hono<AppEnv>()
    .use(apiContentSecurityPolicy)
    .use(bodyLimit({ maxSize: API_BODY_LIMIT, onError: (c) => c.json({ error: { code: 'too_large', message: 'The request is too large.' } }, 413) }))
    .use(sameOriginWrites)
    .use(dbProvider)
    .use(authProvider)
    .get('/health', (c) => c.json({ ok: true }))
    .get('/schema/survey-definition.json', (c) => c.json(definitionJsonSchema()))
    .route('/auth', authRoutes)
    .route('/surveys', surveyRoutes)
    .route('/networks', networkRoutes)
    .notFound((c) => c.json({ error: { code: 'not_found', message: 'No such API route.' } }, 404))
    .onError(errorResponse);
}
