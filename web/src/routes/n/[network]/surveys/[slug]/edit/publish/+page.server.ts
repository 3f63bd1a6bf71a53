import { fail, redirect } from '@sveltejs/kit';
import * as b from '$schema/builder';
import { languagesOf, t } from '$schema/i18n';
import * as builder from '$server/surveys/builder';
import { builderFor, revisionOf } from '$lib/server/builder';
import { actionError } from '$lib/server/errors';
import { surveyFor } from '$lib/server/survey';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { survey, draft } = await builderFor(event);
	const pending = await builder.pendingChanges(event.locals.db, survey);
	return {
		slug: survey.slug,
		revision: draft.revision,
		title: t(draft.definition.title, languagesOf(draft.definition)[0]),
		version: survey.currentVersion,
		status: survey.status,
		pending,
		problems: builder.draftProblems(draft.definition),
		missing: b.missingTranslations(draft.definition),
		published: event.url.searchParams.get('published')
	};
};

export const actions: Actions = {
	publish: async (event) => {
		const { survey, actor } = await surveyFor(event, 'surveys:edit');
		const form = await event.request.formData();
		const result = await builder
			.publishDraft(event.locals.db, actor, survey, { revision: revisionOf(form), confirmBreaking: form.get('confirm') === 'yes' })
			.catch(actionError(event));
		if (result && 'status' in result) return fail(result.status, { ...(result as unknown as { data: object }).data, form: 'publish' });
		redirect(303, `/n/${event.params.network}/surveys/${event.params.slug}/edit/publish?published=${result.version}`);
	},
	delete: async (event) => {
		const { survey, actor } = await surveyFor(event, 'surveys:edit');
		const form = await event.request.formData();
		if (form.get('confirm') !== 'yes') return fail(400, { form: 'delete', message: 'Tick the box to confirm you want to delete this survey', problems: [{ path: 'delete-confirm', message: 'Tick the box to confirm you want to delete this survey' }] });
		const result = await builder.deleteDraftSurvey(event.locals.db, actor, survey).catch(actionError(event));
		if (result) return fail(result.status, { ...(result as unknown as { data: object }).data, form: 'delete' });
		redirect(303, `/n/${event.params.network}?deleted=${encodeURIComponent(survey.slug)}`);
	},
	discard: async (event) => {
		const { survey, actor } = await surveyFor(event, 'surveys:edit');
		const form = await event.request.formData();
		const result = await builder.discardDraft(event.locals.db, actor, survey, revisionOf(form)).catch(actionError(event));
		if (typeof result !== 'number') return fail(result.status, { ...(result as unknown as { data: object }).data, form: 'discard' });
		return { form: 'discard', done: `The draft is back to version ${survey.currentVersion}, as respondents see it.` };
	}
};
