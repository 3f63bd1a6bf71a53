import { redirect } from '@sveltejs/kit';
import * as links from '$server/links/service';
import { rethrow } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

/** A single-use card: on to the response it reserves, or a polite refusal once it has been used. */
export const load: PageServerLoad = async ({ params, locals, platform, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const card = await links.openCard(locals.db, platform!.env.PASSWORD_PEPPER, params.token).catch(rethrow);
	redirect(303, `/s/${card.slug}?${new URLSearchParams({ r: card.responseId })}`);
};
