import { error } from '@sveltejs/kit';
import { direction, pickLanguage } from '$schema/i18n';
import { normaliseCode } from '$server/links/service';
import * as surveys from '$server/surveys/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const survey = await surveys.findBySlug(locals.db, params.slug);
	if (!survey || survey.currentVersion === null) error(404, { message: 'We could not find that survey. Please check the address.' });
	const definition = await surveys.definitionOf(locals.db, survey.id, survey.currentVersion);
	const lang = pickLanguage(definition, url.searchParams.get('lang'));
	locals.lang = lang;
	locals.dir = direction(lang);
	return { slug: survey.slug, network: survey.network, definition, lang, kiosk: normaliseCode(url.searchParams.get('kiosk') ?? '') };
};
