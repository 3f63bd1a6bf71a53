import * as links from '$server/links/service';
import { qrPath } from '$server/links/qr';
import { rethrow } from '$lib/server/errors';
import { publicOrigin, surveyFor } from '$lib/server/survey';
import type { PageServerLoad } from './$types';

/** A pack of single-use cards to print, eight to an A4 sheet; used cards are left out unless asked for. */
export const load: PageServerLoad = async (event) => {
	const { network, survey, definition } = await surveyFor(event, 'surveys:edit');
	const pack = await links.packCards(event.locals.db, event.platform!.env.PASSWORD_PEPPER, publicOrigin(event), network.id, survey.slug, event.params.pack).catch(rethrow);
	const cards = pack.cards.filter((c) => !c.used);
	return {
		slug: survey.slug,
		definition,
		pack: { label: pack.link.label, count: pack.link.cardCount ?? pack.cards.length, used: pack.cards.length - cards.length, withdrawn: pack.link.withdrawnAt !== null },
		cards: cards.map((c) => ({ ...c, short: c.url.replace(/^https?:\/\//, ''), qr: qrPath(c.url) }))
	};
};
