import * as audit from '$server/audit/service';
import { networkFor } from '$lib/server/access';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { network } = await networkFor(event, 'audit:read');
	const before = Number(event.url.searchParams.get('before')) || undefined;
	return { entries: await audit.list(event.locals.db, network.id, { limit: 100, before }) };
};
