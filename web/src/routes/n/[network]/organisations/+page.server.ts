import { fail } from '@sveltejs/kit';
import * as organisations from '$server/organisations/service';
import { networkFor } from '$lib/server/access';
import { actionError } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { network } = await networkFor(event, 'organisations:manage');
	return { organisations: await organisations.list(event.locals.db, network.id) };
};

/** Largest CSV accepted (about 5,000 organisations). */
const CSV_LIMIT = 512 * 1024;

export const actions: Actions = {
	add: async (event) => {
		const { network, actor } = await networkFor(event, 'organisations:manage');
		const form = await event.request.formData();
		const input = {
			name: String(form.get('name') ?? ''),
			kind: String(form.get('kind') ?? ''),
			area: String(form.get('area') ?? ''),
			size_band: String(form.get('size_band') ?? '') || undefined
		};
		const result = await organisations.create(event.locals.db, actor, network.id, input).catch(actionError(event));
		if ('status' in result && typeof result.status === 'number') return fail(result.status, { ...result.data, form: 'add', values: input });
		return { form: 'add', done: `Added ${input.name.trim()}.` };
	},
	import: async (event) => {
		const { network, actor } = await networkFor(event, 'organisations:manage');
		const form = await event.request.formData();
		const file = form.get('file');
		let text = String(form.get('csv') ?? '');
		if (file instanceof File && file.size > 0) {
			if (file.size > CSV_LIMIT) return fail(413, { form: 'import', message: 'That file is too large: import at most 5,000 organisations at a time.', problems: [] });
			text = await file.text();
		}
		if (!text.trim()) return fail(400, { form: 'import', message: 'Choose a CSV file or paste its contents.', problems: [] });
		const report = await organisations.importCsv(event.locals.db, actor, network.id, text).catch(actionError(event));
		if ('status' in report && typeof report.status === 'number') return fail(report.status, { ...report.data, form: 'import' });
		return { form: 'import', report };
	},
	remove: async (event) => {
		const { network, actor } = await networkFor(event, 'organisations:manage');
		const form = await event.request.formData();
		const failed = await organisations
			.remove(event.locals.db, actor, network.id, String(form.get('id') ?? ''))
			.then(() => null)
			.catch(actionError(event));
		return failed ?? { form: 'remove', done: 'Organisation removed.' };
	}
};
