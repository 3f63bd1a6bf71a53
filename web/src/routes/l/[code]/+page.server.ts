import { error, redirect } from '@sveltejs/kit';
import * as outcomes from '$server/evidence/outcomes';
import * as links from '$server/links/service';
import * as surveys from '$server/surveys/service';
import type { PageServerLoad } from './$types';

/** A poster's or kiosk's short link: on to the survey, remembering which link it was (or, once it has closed, to its published outcome). */
export const load: PageServerLoad = async ({ params, locals }) => {
	const link = await links.byCode(locals.db, params.code);
	if (!link) error(404, { message: 'Check the address on the poster or card: it ends in six letters and numbers, like /l/AB23CD.' });
	if (link.withdrawnAt) error(410, { message: 'This link has been withdrawn, so it no longer takes answers.' });
	// Once the survey has closed, its posters lead to what came of it, if that is published.
	const survey = await surveys.findBySlug(locals.db, link.slug);
	const closed = survey && (survey.status === 'closed' || survey.status === 'archived' || (survey.closesAt !== null && new Date(survey.closesAt) <= new Date()));
	if (survey && closed && (await outcomes.isPublished(locals.db, survey.id))) redirect(303, `/s/${link.slug}/outcome`);
	redirect(303, `/s/${link.slug}?${new URLSearchParams({ via: link.code! })}`);
};
