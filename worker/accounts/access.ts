/** Resolving a network named in a URL for a signed-in member: one rule for pages and API alike. */
import type { Db } from '../db';
import { NotFound, Unauthenticated } from '../errors';
import * as networks from '../networks/service';
import { authorize, type Capability } from './authz';
import type { SignedIn } from './sessions';

/**
 * The network `slug` if the caller may do `capability` in it. Anonymous callers get
 * Unauthenticated before anything is looked up; a network the caller does not belong to
 * looks exactly like one that does not exist.
 */
export async function networkAccess(db: Db, auth: SignedIn | null, slug: string, capability: Capability) {
  if (!auth) throw new Unauthenticated();
  const network = await networks.findBySlug(db, slug);
  if (!network || !auth.memberships.some((m) => m.networkId === network.id)) throw new NotFound('No such network.');
  authorize(auth.memberships, network.id, capability);
  return network;
}
