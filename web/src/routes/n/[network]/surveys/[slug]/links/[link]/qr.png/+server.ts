import * as links from '$server/links/service';
import { qrPng } from '$server/links/qr';
import { rethrow } from '$lib/server/errors';
import { publicOrigin, surveyFor } from '$lib/server/survey';
import type { RequestHandler } from './$types';

/** A link's QR code as a PNG for print shops: 20 pixels per module, about 10 cm at 300 dpi. */
export const GET: RequestHandler = async (event) => {
	const { network, survey } = await surveyFor(event, 'surveys:edit');
	const link = await links.publicLink(event.locals.db, network.id, survey.slug, event.params.link).catch(rethrow);
	const png = qrPng(`${publicOrigin(event)}/l/${link.code}`, 20);
	return new Response(png as BodyInit, {
		headers: { 'content-type': 'image/png', 'content-disposition': `attachment; filename="qr-${link.code}.png"`, 'cache-control': 'private, max-age=300' }
	});
};
