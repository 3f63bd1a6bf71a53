import * as outcomes from '$server/evidence/outcomes';
import { rethrow } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

/** A survey's public "you said, we did" page, once published. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const page = await outcomes.published(locals.db, params.slug).catch(rethrow);
	return {
		slug: page.survey.slug,
		network: page.survey.network,
		definition: page.definition,
		open: page.survey.status === 'open',
		outcome: page.outcome,
		responses: page.responses,
		minGroupSize: page.minGroupSize,
		actions: page.actions
	};
};
