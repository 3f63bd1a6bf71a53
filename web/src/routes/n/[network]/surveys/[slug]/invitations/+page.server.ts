import { fail } from '@sveltejs/kit';
import * as links from '$server/links/service';
import { actionError } from '$lib/server/errors';
import { publicOrigin, surveyFor } from '$lib/server/survey';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { network, survey, definition } = await surveyFor(event, 'surveys:edit');
	const { invitations } = await links.invitations(event.locals.db, event.platform!.env.PASSWORD_PEPPER, publicOrigin(event), network.id, survey.slug);
	return {
		slug: survey.slug,
		title: definition.title,
		access: survey.access,
		defaultKinds: links.defaultKinds(survey.slug),
		invitations: invitations.map((i) => ({
			id: i.id,
			organisation: i.organisation ?? i.label,
			kind: i.organisationKind,
			area: i.area,
			status: i.status,
			submittedBy: i.submittedBy,
			submittedAt: i.submittedAt,
			withdrawn: i.withdrawnAt !== null,
			url: i.url
		}))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { network, survey, actor } = await surveyFor(event, 'surveys:edit');
		const form = await event.request.formData();
		const kinds = form.getAll('kinds').map(String);
		const result = await links.createInvitations(event.locals.db, actor, network.id, survey.slug, { kinds }).catch(actionError(event));
		if ('status' in result && typeof result.status === 'number') return fail(result.status, { ...result.data, kinds });
		const { created } = result as { created: number };
		return {
			done: created
				? `Made ${created} ${created === 1 ? 'invitation' : 'invitations'}. Download the mail-merge file to send them.`
				: 'Every organisation of those kinds already has an invitation.'
		};
	},
	withdraw: async (event) => {
		const { network, survey, actor } = await surveyFor(event, 'surveys:edit');
		const form = await event.request.formData();
		const result = await links.withdraw(event.locals.db, actor, network.id, survey.slug, String(form.get('id') ?? '')).catch(actionError(event));
		if (result && typeof result === 'object' && 'status' in result) return result;
		return { done: 'Invitation withdrawn: its link no longer opens the survey.' };
	}
};

