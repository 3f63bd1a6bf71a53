import type { Handle, HandleServerError } from '@sveltejs/kit';
import * as sessions from '$server/accounts/sessions';
import { createDb } from '$server/db';

export const handle: Handle = async ({ event, resolve }) => {
	const d1 = event.platform?.env?.DB;
	if (!d1) throw new Error('No D1 binding "DB": run the app through wrangler (npm start).');
	event.locals.db = createDb(d1);
	// Respondent pages skip the lookup: only assisted answering needs it, and does it itself.
	const token = event.cookies.get(sessions.SESSION_COOKIE);
	event.locals.auth = token && !event.url.pathname.startsWith('/s/') ? await sessions.validate(event.locals.db, token) : null;
	if (event.locals.auth?.renewed) event.cookies.set(sessions.SESSION_COOKIE, token!, sessions.cookieOptions(event.locals.auth.expiresAt, event.url));
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
