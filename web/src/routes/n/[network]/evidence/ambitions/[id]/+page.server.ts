import { error, fail, redirect } from '@sveltejs/kit';
import { AMBITIONS, LEVEL_DESCRIPTORS } from '$schema/ambitions';
import { can } from '$server/accounts/authz';
import * as ambitions from '$server/evidence/ambitions';
import { networkFor } from '$lib/server/access';
import { actionError, guard } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { network } = await networkFor(event, 'evidence:read');
	const view = await ambitions.get(event.locals.db, network.id, event.params.id).catch(guard(event));
	return {
		...view,
		ambitions: AMBITIONS,
		descriptors: LEVEL_DESCRIPTORS,
		canManage: can(event.locals.auth!.memberships, network.id, 'evidence:manage'),
		saved: event.url.searchParams.get('saved')
	};
};

const value = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : undefined;
};

export const actions: Actions = {
	// Re-checks the member's right to edit: forms can be posted by anyone.
	score: async (event) => {
		const { network, actor } = await networkFor(event, 'evidence:manage');
		const form = await event.request.formData().catch(() => error(400, { message: 'This form could not be read. Reload the page and try again.' }));
		const input = { item: value(form, 'item') ?? '', level: value(form, 'level') ?? '', evidence: value(form, 'evidence') ?? '', gaps: value(form, 'gaps') ?? '' };
		const result = await ambitions.setScore(event.locals.db, actor, network.id, event.params.id, input).catch(actionError(event));
		if (result && 'status' in result && typeof result.status === 'number') {
			const data = (result as unknown as { data: { message: string; problems: { path: string; message: string }[] } }).data;
			return fail(result.status, { ...data, item: input.item, values: input });
		}
		redirect(303, `${event.url.pathname}?${new URLSearchParams({ saved: input.item })}#item-${input.item}`);
	}
};
