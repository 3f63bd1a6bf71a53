import { error, redirect } from '@sveltejs/kit';
import * as links from '$server/links/service';
import type { PageServerLoad } from './$types';

/** A poster's or kiosk's short link: on to the survey, remembering which link it was. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const link = await links.byCode(locals.db, params.code);
	if (!link) error(404, { message: 'Check the address on the poster or card: it ends in six letters and numbers, like /l/AB23CD.' });
	if (link.withdrawnAt) error(410, { message: 'This link has been withdrawn, so it no longer takes answers.' });
	redirect(303, `/s/${link.slug}?${new URLSearchParams({ via: link.code! })}`);
};
