import { Hono } from 'hono';
import { z } from 'zod';
import { networkAccess } from '../accounts/access';
import * as accounts from '../accounts/service';
import * as audit from '../audit/service';
import type { AppEnv } from '../env';
import { valid } from '../middleware/validate';
import { NotFound } from '../errors';
import * as organisations from '../organisations/service';
import * as builder from '../surveys/builder';
import * as surveys from '../surveys/service';

const Param = z.object({ network: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'is not a network address') });
const SurveyParam = Param.extend({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'is not a survey address') });
const Revision = z.int({ error: 'must be the draft revision you last read (a whole number)' }).min(0);
/** A new draft: the revision it was made from, and the whole definition (validated by the survey format itself). */
const DraftBody = z.strictObject({ revision: Revision, definition: z.unknown() });
const PublishBody = z.strictObject({ revision: Revision, confirmBreaking: z.boolean().optional() });
const CreateBody = z.strictObject({
  slug: z.string().max(63),
  title: z.string().max(200).optional(),
  template: z.string().max(64).optional(),
  definition: z.unknown().optional()
});

/** A survey of the network for a member who may edit surveys there (another network's is a 404). */
async function editable(c: { var: AppEnv['Variables'] }, params: { network: string; slug: string }) {
  const network = await networkAccess(c.var.db, c.var.auth, params.network, 'surveys:edit');
  const survey = await surveys.findBySlug(c.var.db, params.slug);
  if (!survey || survey.networkId !== network.id) throw new NotFound('There is no survey at this address in this network.');
  const actor = { userId: c.var.auth!.user.id, email: c.var.auth!.user.email };
  return { network, survey, actor };
}

/** /api/networks/:network/…: members, organisations and the audit log (admins), and the survey builder (editors). */
export const networkRoutes = new Hono<AppEnv>()
  .get('/:network/members', valid('param', Param), async (c) => {
    const network = await networkAccess(c.var.db, c.var.auth, c.req.valid('param').network, 'members:manage');
    return c.json({ members: await accounts.listMembers(c.var.db, network.id) });
  })
  .get('/:network/organisations', valid('param', Param), async (c) => {
    const network = await networkAccess(c.var.db, c.var.auth, c.req.valid('param').network, 'organisations:manage');
    return c.json({ organisations: await organisations.list(c.var.db, network.id) });
  })
  .get('/:network/audit', valid('param', Param), async (c) => {
    const network = await networkAccess(c.var.db, c.var.auth, c.req.valid('param').network, 'audit:read');
    return c.json({ entries: await audit.list(c.var.db, network.id) });
  })
  // The survey builder's API: the same services, checks and rules as the builder's pages.
  .post('/:network/surveys', valid('param', Param), valid('json', CreateBody), async (c) => {
    const network = await networkAccess(c.var.db, c.var.auth, c.req.valid('param').network, 'surveys:edit');
    const body = c.req.valid('json');
    const actor = { userId: c.var.auth!.user.id, email: c.var.auth!.user.email };
    const start: builder.Start = body.definition !== undefined
      ? { kind: 'import', file: { name: 'definition.json', bytes: new TextEncoder().encode(JSON.stringify(body.definition)) } }
      : body.template
        ? { kind: 'template', template: body.template }
        : { kind: 'blank' };
    const { survey, report } = await builder.createSurvey(c.var.db, actor, network.id, { title: body.title ?? '', slug: body.slug, start });
    return c.json({ slug: survey.slug, revision: survey.draftRevision, report }, 201);
  })
  .get('/:network/surveys/:slug/draft', valid('param', SurveyParam), async (c) => {
    const { survey } = await editable(c, c.req.valid('param'));
    const draft = await builder.draftOf(c.var.db, survey);
    const pending = await builder.pendingChanges(c.var.db, survey);
    return c.json({ revision: draft.revision, version: draft.version, definition: draft.definition, changes: pending.changes });
  })
  .put('/:network/surveys/:slug/draft', valid('param', SurveyParam), valid('json', DraftBody), async (c) => {
    const { survey, actor } = await editable(c, c.req.valid('param'));
    const { revision, definition } = c.req.valid('json');
    return c.json({ revision: await builder.saveDraft(c.var.db, actor, survey, revision, definition, 'saved through the API') });
  })
  .post('/:network/surveys/:slug/publish', valid('param', SurveyParam), valid('json', PublishBody), async (c) => {
    const { survey, actor } = await editable(c, c.req.valid('param'));
    const body = c.req.valid('json');
    return c.json(await builder.publishDraft(c.var.db, actor, survey, { revision: body.revision, confirmBreaking: body.confirmBreaking ?? false }), 201);
  });
