import * as results from '$server/results/service';
import { guard } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => ({
	summary: await results.summary(event.locals.db, event.params.slug, event.locals.auth?.memberships ?? null).catch(guard(event)),
	user: event.locals.auth!.user
});
