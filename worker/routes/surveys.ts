import { Hono } from 'hono';
import { z } from 'zod';
import { Submission } from '../../schema/answers';
import type { AppEnv } from '../env';
import { valid } from '../middleware/validate';
import * as responses from '../responses/service';
import { FilterRefused } from '../errors';
import { parseFilter } from '../results/filters';
import * as results from '../results/service';
import * as texts from '../results/texts';
import * as surveys from '../surveys/service';

const Slug = z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'is not a survey address') });
const Axis = z.string().regex(results.AXIS, 'is not a question of this survey');
const CrossTabAxes = z.object({ x: Axis, y: Axis });

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
  // Filters come in the query string (link, area, kind, mode, language, from, to, q and a);
  // a filter that could single out a small group is refused with 422 and its reason.
  .get('/:slug/results', valid('param', Slug), async (c) => {
    const filter = parseFilter(new URL(c.req.url).searchParams);
    const summary = await results.summary(c.var.db, c.req.valid('param').slug, c.var.auth?.memberships ?? null, 'en', filter);
    if (summary.filter.refused) throw new FilterRefused(summary.filter.refused);
    // Approved and redacted words of each free-text question, for the unfiltered view only.
    return c.json({ ...summary, quotes: await texts.quotesForSummary(c.var.db, summary) });
  })
  .get('/:slug/crosstab', valid('param', Slug), valid('query', CrossTabAxes), async (c) => {
    const filter = parseFilter(new URL(c.req.url).searchParams);
    const { x, y } = c.req.valid('query');
    const out = await results.crossTab(c.var.db, c.req.valid('param').slug, c.var.auth?.memberships ?? null, { x, y }, 'en', filter);
    if (out.refused) throw new FilterRefused(out.refused);
    return c.json(out.table);
  });
