import * as links from '$server/links/service';
import { qrPath } from '$server/links/qr';
import { rethrow } from '$lib/server/errors';
import { publicOrigin, surveyFor } from '$lib/server/survey';
import type { PageServerLoad } from './$types';

/** A printable A4 poster, or a folded table card (?layout=table), for one link. */
export const load: PageServerLoad = async (event) => {
	const { network, survey, definition } = await surveyFor(event, 'surveys:edit');
	const link = await links.publicLink(event.locals.db, network.id, survey.slug, event.params.link).catch(rethrow);
	const url = `${publicOrigin(event)}/l/${link.code}`;
	return {
		layout: event.url.searchParams.get('layout') === 'table' ? ('table' as const) : ('poster' as const),
		definition,
		link: { label: link.label, code: link.code!, url, short: url.replace(/^https?:\/\//, ''), qr: qrPath(url) },
		slug: survey.slug
	};
};
