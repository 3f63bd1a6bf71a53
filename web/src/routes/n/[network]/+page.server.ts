import * as surveys from '$server/surveys/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent, url }) => {
	const { network } = await parent();
	return { surveys: await surveys.listForNetwork(locals.db, network.id), deleted: url.searchParams.get('deleted') };
};
