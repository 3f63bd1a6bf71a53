import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { definitionJsonSchema } from '../schema/survey-definition';
import type { AppEnv } from './env';
import { dbProvider } from './middleware/db';
import { errorResponse } from './middleware/errors';
import { surveyRoutes } from './routes/surveys';

/** Largest JSON body the API reads: a long survey with every text box full fits easily. */
export const API_BODY_LIMIT = 256 * 1024;

/** The /api Hono app. Worker tests import this directly. */
export function createApi() {
  return new Hono<AppEnv>()
    .use(bodyLimit({ maxSize: API_BODY_LIMIT, onError: (c) => c.json({ error: { code: 'too_large', message: 'The request is too large.' } }, 413) }))
    .use(dbProvider)
    .get('/health', (c) => c.json({ ok: true }))
    .get('/schema/survey-definition.json', (c) => c.json(definitionJsonSchema()))
    .route('/surveys', surveyRoutes)
    .notFound((c) => c.json({ error: { code: 'not_found', message: 'No such API route.' } }, 404))
    .onError(errorResponse);
}
