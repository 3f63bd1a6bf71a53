import { toSignIn } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.auth) toSignIn(url);
	return { user: locals.auth.user, memberships: locals.auth.memberships };
};
