import * as results from '$server/results/service';
import { rethrow } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => ({
	summary: await results.summary(locals.db, params.slug).catch(rethrow)
});
