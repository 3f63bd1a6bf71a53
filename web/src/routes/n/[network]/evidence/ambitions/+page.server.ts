import { error, fail, redirect } from '@sveltejs/kit';
import { can } from '$server/accounts/authz';
import * as ambitions from '$server/evidence/ambitions';
import { networkFor } from '$lib/server/access';
import { actionError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { network } = await networkFor(event, 'evidence:read');
	return {
		assessments: await ambitions.list(event.locals.db, network.id),
		canManage: can(event.locals.auth!.memberships, network.id, 'evidence:manage')
	};
};

const value = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : undefined;
};

export const actions: Actions = {
	// Re-checks the member's right to edit: forms can be posted by anyone.
	create: async (event) => {
		const { network, actor } = await networkFor(event, 'evidence:manage');
		const form = await event.request.formData().catch(() => error(400, { message: 'This form could not be read. Reload the page and try again.' }));
		const input = { title: value(form, 'title') ?? '', assessed_on: value(form, 'assessed_on') ?? '' };
		const result = await ambitions.create(event.locals.db, actor, network.id, input).catch(actionError(event));
		if (!result || !('id' in result)) {
			const data = (result as unknown as { data?: { message: string; problems: { path: string; message: string }[] } } | undefined)?.data;
			return fail((result as { status?: number } | undefined)?.status ?? 400, { message: data?.message ?? 'The self-assessment could not be started', problems: data?.problems ?? [], values: input });
		}
		redirect(303, `/n/${network.slug}/evidence/ambitions/${result.id}`);
	}
};
