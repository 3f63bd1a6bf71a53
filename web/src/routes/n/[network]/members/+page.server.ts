import { fail } from '@sveltejs/kit';
import { networkAccess } from '$server/accounts/access';
import * as accounts from '$server/accounts/service';
import { actionError, guard } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const network = await networkAccess(event.locals.db, event.locals.auth, event.params.network, 'members:manage').catch(guard(event));
	return { members: await accounts.listMembers(event.locals.db, network.id) };
};

/** The network, for an admin of it (every action checks again: forms can be posted by anyone). */
async function adminOf(event: Parameters<Actions[string]>[0]) {
	const network = await networkAccess(event.locals.db, event.locals.auth, event.params.network!, 'members:manage').catch(guard(event));
	return { network, actor: { userId: event.locals.auth!.user.id, email: event.locals.auth!.user.email } };
}

function link(url: URL, kind: 'invite' | 'reset', token: string) {
	const href = `${url.origin}/${kind}/${token}`;
	// No mail service is needed to run: the link is shown to the admin and printed in the server log.
	console.log(`${kind === 'invite' ? 'Invitation' : 'Password reset'} link: ${href}`);
	return href;
}

export const actions: Actions = {
	invite: async (event) => {
		const { network, actor } = await adminOf(event);
		const form = await event.request.formData();
		const input = { email: String(form.get('email') ?? ''), role: String(form.get('role') ?? ''), name: String(form.get('name') ?? '') };
		const result = await accounts.invite(event.locals.db, actor, network.id, input).catch(actionError(event));
		if ('status' in result) return fail(result.status, { ...result.data, form: 'invite', values: input });
		return { form: 'invite', done: `Invitation for ${result.email} (valid for 7 days):`, link: link(event.url, 'invite', result.token) };
	},
	role: async (event) => {
		const { network, actor } = await adminOf(event);
		const form = await event.request.formData();
		const failed = await accounts
			.setRole(event.locals.db, actor, network.id, String(form.get('user') ?? ''), form.get('role'))
			.then(() => null)
			.catch(actionError(event));
		return failed ?? { form: 'role', done: 'Role changed.' };
	},
	remove: async (event) => {
		const { network, actor } = await adminOf(event);
		const form = await event.request.formData();
		const failed = await accounts
			.removeMember(event.locals.db, actor, network.id, String(form.get('user') ?? ''))
			.then(() => null)
			.catch(actionError(event));
		return failed ?? { form: 'remove', done: 'Member removed from this network.' };
	},
	reset: async (event) => {
		const { network, actor } = await adminOf(event);
		const form = await event.request.formData();
		const result = await accounts.issueReset(event.locals.db, actor, network.id, String(form.get('user') ?? '')).catch(actionError(event));
		if ('status' in result) return result;
		return { form: 'reset', done: `Password reset link for ${result.email} (valid for 24 hours):`, link: link(event.url, 'reset', result.token) };
	}
};
