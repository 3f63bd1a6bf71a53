import { Hono } from 'hono';
import { z } from 'zod';
import { Submission } from '../../schema/answers';
import type { AppEnv } from '../env';
import { valid } from '../middleware/validate';
import * as responses from '../responses/service';
import * as results from '../results/service';
import * as surveys from '../surveys/service';

const Slug = z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'is not a survey address') });

/** /api/surveys: the published definition, one-shot submission, results. */
export const surveyRoutes = new Hono<AppEnv>()
  .get('/:slug', valid('param', Slug), async (c) => {
    const open = await surveys.openForAnswers(c.var.db, c.req.valid('param').slug);
    return c.json({ slug: open.survey.slug, version: open.version, definition: open.definition });
  })
  .post('/:slug/responses', valid('param', Slug), valid('json', Submission), async (c) => {
    const result = await responses.submit(c.var.db, c.req.valid('param').slug, c.req.valid('json'));
    return c.json({ id: result.id, status: 'complete', duplicate: result.duplicate }, result.duplicate ? 200 : 201);
  })
  .get('/:slug/results', valid('param', Slug), async (c) => {
    return c.json(await results.summary(c.var.db, c.req.valid('param').slug, c.var.auth?.memberships ?? null));
  });
