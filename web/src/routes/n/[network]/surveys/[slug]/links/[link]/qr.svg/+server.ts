import * as links from '$server/links/service';
import { qrSvg } from '$server/links/qr';
import { rethrow } from '$lib/server/errors';
import { publicOrigin, surveyFor } from '$lib/server/survey';
import type { RequestHandler } from './$types';

/** A link's QR code as SVG, to download for design tools and printers. */
export const GET: RequestHandler = async (event) => {
	const { network, survey } = await surveyFor(event, 'surveys:edit');
	const link = await links.publicLink(event.locals.db, network.id, survey.slug, event.params.link).catch(rethrow);
	const url = `${publicOrigin(event)}/l/${link.code}`;
	return new Response(qrSvg(url, `QR code for ${url}`), {
		headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'content-disposition': `attachment; filename="qr-${link.code}.svg"`, 'cache-control': 'private, max-age=300' }
	});
};
