import { error } from '@sveltejs/kit';
import { direction, languagesOf, pickLanguage } from '$schema/i18n';
import { can } from '$server/accounts/authz';
import { surveyFor } from '$lib/server/survey';
import type { PageServerLoad } from './$types';

/** The printable paper version of a survey's current published version, for any member of its network. */
export const load: PageServerLoad = async (event) => {
	const { network, survey, version, definition } = await surveyFor(event, 'network:view');
	// A draft can still change: a form printed from it could not be keyed in against the published questions.
	if (version === null) error(404, { message: 'This survey has not been published yet, so it has no paper version.' });
	const lang = pickLanguage(definition, event.url.searchParams.get('lang'));
	return {
		slug: survey.slug,
		version,
		definition,
		lang,
		dir: direction(lang),
		languages: languagesOf(definition),
		canEnter: can(event.locals.auth!.memberships, network.id, 'responses:enter')
	};
};
