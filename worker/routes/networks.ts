import { Hono } from 'hono';
import { z } from 'zod';
import { networkAccess } from '../accounts/access';
import * as accounts from '../accounts/service';
import * as audit from '../audit/service';
import type { AppEnv } from '../env';
import { valid } from '../middleware/validate';
import * as organisations from '../organisations/service';

const Param = z.object({ network: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'is not a network address') });

/** /api/networks/:network/…: members, organisations and the audit log, for admins of that network. */
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
  });
