import { roleCan } from '$server/accounts/authz';
import * as results from '$server/results/service';
import { guard } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const summary = await results.summary(event.locals.db, event.params.slug, event.locals.auth?.memberships ?? null).catch(guard(event));
	const auth = event.locals.auth!;
	const admin = auth.memberships.some((m) => m.networkSlug === summary.network.slug && roleCan(m.role, 'members:manage'));
	return { summary, user: auth.user, admin };
};
