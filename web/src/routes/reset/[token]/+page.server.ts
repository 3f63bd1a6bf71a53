import { redirect } from '@sveltejs/kit';
import * as accounts from '$server/accounts/service';
import { actionError, rethrow } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const link = await accounts.inspectLink(locals.db, params.token, 'reset').catch(rethrow);
	return { email: link.email };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, platform, params } = event;
		const form = await request.formData();
		const done = await accounts
			.resetPassword(locals.db, platform!.env.PASSWORD_PEPPER, params.token, {
				password: String(form.get('password') ?? ''),
				confirm: String(form.get('confirm') ?? '')
			})
			.then(() => null)
			.catch(actionError(event));
		if (done) return done;
		redirect(303, '/login');
	}
};
