import { fail, redirect } from '@sveltejs/kit';
import * as accounts from '$server/accounts/service';
import * as sessions from '$server/accounts/sessions';
import { actionError, safeNext } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.auth) redirect(303, safeNext(url.searchParams.get('next')));
	return { next: safeNext(url.searchParams.get('next'), '') };
};

export const actions: Actions = {
	default: async (event) => {
		const { request, locals, platform, cookies, url, getClientAddress } = event;
		const form = await request.formData();
		const email = String(form.get('email') ?? '');
		const password = String(form.get('password') ?? '');
		if (!email.trim() || !password)
			return fail(400, { email, message: 'Enter your email address and password.', problems: [] as { path: string; message: string }[] });
		const signedIn = await accounts
			.signIn(locals.db, platform!.env.PASSWORD_PEPPER, { email, password, clientAddress: safeAddress(getClientAddress) })
			.catch(actionError(event));
		if ('status' in signedIn) return fail(signedIn.status, { ...signedIn.data, email });
		cookies.set(sessions.SESSION_COOKIE, signedIn.token, sessions.cookieOptions(signedIn.expiresAt, event.url));
		redirect(303, safeNext(String(form.get('next') ?? url.searchParams.get('next') ?? '')));
	}
};

function safeAddress(get: () => string): string | null {
	try {
		return get();
	} catch {
		return null;
	}
}
