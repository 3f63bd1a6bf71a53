import { networkAccess } from '$server/accounts/access';
import * as audit from '$server/audit/service';
import { guard } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const network = await networkAccess(event.locals.db, event.locals.auth, event.params.network, 'audit:read').catch(guard(event));
	const before = Number(event.url.searchParams.get('before')) || undefined;
	return { entries: await audit.list(event.locals.db, network.id, { limit: 100, before }) };
};
