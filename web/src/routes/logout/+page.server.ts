import { redirect } from '@sveltejs/kit';
import * as sessions from '$server/accounts/sessions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => redirect(303, '/account');

export const actions: Actions = {
	signout: async ({ locals, cookies }) => {
		if (locals.auth) await sessions.end(locals.db, locals.auth.sessionId);
		cookies.delete(sessions.SESSION_COOKIE, { path: '/' });
		redirect(303, '/login');
	},
	everywhere: async ({ locals, cookies }) => {
		if (locals.auth) await sessions.endAll(locals.db, locals.auth.user.id);
		cookies.delete(sessions.SESSION_COOKIE, { path: '/' });
		redirect(303, '/login');
	}
};
