import { fail, redirect } from '@sveltejs/kit';
import { can } from '$server/accounts/authz';
import * as standards from '$server/evidence/standards';
import { networkFor } from '$lib/server/access';
import { actionError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

/** The self-assessment overview: every current standard by sector, what is in place, the next steps. */
export const load: PageServerLoad = async (event) => {
	const { network } = await networkFor(event, 'evidence:read');
	return {
		sectors: await standards.overview(event.locals.db, network.id),
		canAddStandards: can(event.locals.auth!.memberships, network.id, 'standards:manage')
	};
};

export const actions: Actions = {
	standard: async (event) => {
		const { network, actor } = await networkFor(event, 'standards:manage');
		const form = await event.request.formData();
		const input = { sector: String(form.get('sector') ?? ''), title: String(form.get('title') ?? ''), description: String(form.get('description') ?? '') };
		const result = await standards.create(event.locals.db, actor, network.id, input).catch(actionError(event));
		if ('status' in result && typeof result.status === 'number') return fail(result.status, { ...result.data, values: input });
		redirect(303, `/n/${network.slug}/evidence/standards/${(result as standards.Standard).id}`);
	}
};
