import { redirect } from '@sveltejs/kit';
import * as accounts from '$server/accounts/service';
import * as sessions from '$server/accounts/sessions';
import { actionError, rethrow } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const link = await accounts.inspectLink(locals.db, params.token, 'invite').catch(rethrow);
	return { email: link.email, hasPassword: link.hasPassword, network: link.network?.name ?? '', role: link.role };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, platform, params, cookies } = event;
		const form = await request.formData();
		const done = await accounts
			.acceptInvite(locals.db, platform!.env.PASSWORD_PEPPER, params.token, {
				password: String(form.get('password') ?? ''),
				confirm: form.has('confirm') ? String(form.get('confirm')) : undefined
			})
			.catch(actionError(event));
		if ('status' in done) return done;
		cookies.set(sessions.SESSION_COOKIE, done.token, sessions.cookieOptions(done.expiresAt, event.url));
		redirect(303, `/n/${done.networkSlug}`);
	}
};
