import type { Handle, HandleServerError } from '@sveltejs/kit';
import { createDb } from '$server/db';

export const handle: Handle = async ({ event, resolve }) => {
	const d1 = event.platform?.env?.DB;
	if (!d1) throw new Error('No D1 binding "DB": run the app through wrangler (npm start).');
	event.locals.db = createDb(d1);
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%lang%', event.locals.lang ?? 'en').replace('%dir%', event.locals.dir ?? 'ltr')
	});
};

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error('unhandled error', error);
	return {
		message: status === 404 ? 'We could not find that page.' : 'Something went wrong on our side. Please try again in a moment.'
	};
};
