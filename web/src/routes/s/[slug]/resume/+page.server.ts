import { fail, redirect } from '@sveltejs/kit';
import { InvalidInput, TooManyAttempts } from '$server/errors';
import * as resume from '$server/responses/resume';
import * as responses from '$server/responses/service';
import * as surveys from '$server/surveys/service';
import { rethrow } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const open = await surveys.openForAnswers(locals.db, params.slug).catch(rethrow);
	return { slug: params.slug, network: open.network, definition: open.definition, code: url.searchParams.get('code') ?? '' };
};

export const actions: Actions = {
	default: async ({ request, params, locals, getClientAddress }) => {
		const form = await request.formData();
		const code = String(form.get('code') ?? '').slice(0, 40);
		const open = await surveys.openForAnswers(locals.db, params.slug).catch(rethrow);
		let address = 'unknown';
		try {
			address = getClientAddress();
		} catch {
			/* not available locally */
		}
		const found = await resume.find(locals.db, open.survey.id, code, address).catch((e) => {
			if (e instanceof InvalidInput || e instanceof TooManyAttempts) return fail(e.status, { code, message: e.message });
			return rethrow(e);
		});
		if ('status' in found) return found;
		const progress = await responses.load(locals.db, open.survey.id, found.responseId).catch(rethrow);
		const definition = progress && progress.version !== open.version ? await surveys.definitionOf(locals.db, open.survey.id, progress.version) : open.definition;
		const page = resume.resumePage(definition, progress?.answers ?? {});
		redirect(303, `/s/${params.slug}?${new URLSearchParams({ r: found.responseId, page: String(page + 1), lang: progress?.language ?? 'en' })}`);
	}
};
