import { fail, redirect } from '@sveltejs/kit';
import { t } from '$schema/i18n';
import { MAX_UPLOAD_BYTES } from '$schema/import/index';
import { templates } from '$schema/templates/index';
import * as builder from '$server/surveys/builder';
import { networkFor } from '$lib/server/access';
import { field } from '$lib/server/builder';
import { actionError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	await networkFor(event, 'surveys:edit');
	return {
		templates: templates.map((x) => ({ slug: x.slug, title: t(x.definition.title, 'en'), questions: x.definition.pages.flatMap((p) => p.questions).filter((q) => q.type !== 'info').length })),
		maxKb: MAX_UPLOAD_BYTES / 1024
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { network, actor } = await networkFor(event, 'surveys:edit');
		const form = await event.request.formData();
		const values = { title: field(form, 'title'), slug: field(form, 'slug'), start: field(form, 'start'), template: field(form, 'template') };
		const file = form.get('file');
		let start: builder.Start;
		if (values.start === 'template') start = { kind: 'template', template: values.template };
		else if (values.start === 'import') {
			if (!(file instanceof File) || file.size === 0) return fail(400, { values, message: 'Choose a file to import', problems: [{ path: 'file', message: 'Choose a file to import: our JSON, SurveyJS JSON or an XLSForm (.xlsx)' }] });
			if (file.size > MAX_UPLOAD_BYTES) return fail(400, { values, message: 'The file is too big', problems: [{ path: 'file', message: `The file is too big: the limit is ${MAX_UPLOAD_BYTES / 1024} KB` }] });
			start = { kind: 'import', file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
		} else if (values.start === 'blank') start = { kind: 'blank' };
		else return fail(400, { values, message: 'Choose how to start', problems: [{ path: 'start', message: 'Choose how to start: blank, from a template or from a file' }] });
		const slug = values.slug.trim() || builder.slugFor(values.title || (file instanceof File ? file.name.replace(/\.[a-z]+$/i, '') : ''));
		const result = await builder.createSurvey(event.locals.db, actor, network.id, { title: values.title, slug, start }).catch(actionError(event));
		if ('status' in result) {
			const data = (result as unknown as { data: { message: string; problems: { path: string; message: string }[] } }).data;
			// The one conflict here is an address already taken: say so at the address field.
			const problems = result.status === 409 ? [{ path: 'slug', message: data.message }] : data.problems;
			return fail(result.status, { ...data, problems, values });
		}
		const edit = `/n/${network.slug}/surveys/${result.survey.slug}/edit`;
		// An import says what it could not carry over before the editor goes on.
		if (result.report && (result.report.notCarried.length || result.report.renamed.length)) return { created: { slug: result.survey.slug, edit }, report: result.report };
		redirect(303, edit);
	}
};
