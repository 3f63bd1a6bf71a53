import * as surveys from '$server/surveys/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const { network } = await parent();
	const list = await surveys.listForNetwork(locals.db, network.id);
	// Confirms a deletion just made: only an address that is well formed and no longer a survey here.
	const deleted = url.searchParams.get('deleted');
	const confirmed = deleted && /^[a-z0-9][a-z0-9-]{0,62}$/.test(deleted) && !list.some((s) => s.slug === deleted) ? deleted : null;
	return { surveys: list, deleted: confirmed };
};
