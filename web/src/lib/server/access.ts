import type { RequestEvent } from '@sveltejs/kit';
import { networkAccess } from '$server/accounts/access';
import type { Capability } from '$server/accounts/authz';
import type { Actor } from '$server/audit/service';
import { guard } from './errors';

/**
 * The network in the URL and the signed-in member acting in it, if they may do
 * `capability` there; otherwise the sign-in page, or a 403/404 page. Loads and every form
 * action call it: forms can be posted by anyone.
 */
export async function networkFor(event: RequestEvent<{ network: string }>, capability: Capability) {
	const network = await networkAccess(event.locals.db, event.locals.auth, event.params.network, capability).catch(guard(event));
	const actor: Actor = { userId: event.locals.auth!.user.id, email: event.locals.auth!.user.email };
	return { network, actor };
}
