import { fail } from '@sveltejs/kit';
import * as accounts from '$server/accounts/service';
import { networkFor } from '$lib/server/access';
import { actionError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { network } = await networkFor(event, 'members:manage');
	return { members: await accounts.listMembers(event.locals.db, network.id) };
};

function link(url: URL, kind: 'invite' | 'reset', token: string) {
	const href = `${url.origin}/${kind}/${token}`;
	// No mail service is needed to run: the link is shown to the admin and printed in the server log.
	console.log(`${kind === 'invite' ? 'Invitation' : 'Password reset'} link: ${href}`);
	return href;
}

export const actions: Actions = {
	invite: async (event) => {
		const { network, actor } = await networkFor(event, 'members:manage');
		const form = await event.request.formData();
		const input = { email: String(form.get('email') ?? ''), role: String(form.get('role') ?? ''), name: String(form.get('name') ?? '') };
		const result = await accounts.invite(event.locals.db, actor, network.id, input).catch(actionError(event));
		if ('status' in result) return fail(result.status, { ...result.data, form: 'invite', values: input });
		return { form: 'invite', done: `Invitation for ${result.email} (valid for 7 days):`, link: link(event.url, 'invite', result.token) };
	},
	role: async (event) => {
		const { network, actor } = await networkFor(event, 'members:manage');
		const form = await event.request.formData();
		const failed = await accounts
			.setRole(event.locals.db, actor, network.id, String(form.get('user') ?? ''), form.get('role'))
			.then(() => null)
			.catch(actionError(event));
		return failed ?? { form: 'role', done: 'Role changed.' };
	},
	remove: async (event) => {
		const { network, actor } = await networkFor(event, 'members:manage');
		const form = await event.request.formData();
		const failed = await accounts
			.removeMember(event.locals.db, actor, network.id, String(form.get('user') ?? ''))
			.then(() => null)
			.catch(actionError(event));
		return failed ?? { form: 'remove', done: 'Member removed from this network.' };
	},
	reset: async (event) => {
		const { network, actor } = await networkFor(event, 'members:manage');
		const form = await event.request.formData();
		const result = await accounts.issueReset(event.locals.db, actor, network.id, String(form.get('user') ?? '')).catch(actionError(event));
		if ('status' in result) return result;
		return { form: 'reset', done: `Password reset link for ${result.email} (valid for 24 hours):`, link: link(event.url, 'reset', result.token) };
	}
};
