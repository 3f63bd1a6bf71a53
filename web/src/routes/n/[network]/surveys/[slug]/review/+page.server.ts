import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { detectPersonalData, segments, suggestRedaction } from '$schema/personal-data';
import * as review from '$server/results/review';
import { actionError } from '$lib/server/errors';
import { surveyFor } from '$lib/server/survey';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ network: string; slug: string }>;
type Problems = { path: string; message: string }[];

/** The queue's filters in this request's address, to come back to after an action. */
function filters(url: URL): URLSearchParams {
	const kept = new URLSearchParams();
	for (const name of ['status', 'question', 'page']) {
		const value = url.searchParams.get(name);
		if (value) kept.set(name, value);
	}
	return kept;
}

export const load: PageServerLoad = async (event) => {
	// Shows respondents' words as written: never keep it in a cache.
	event.setHeaders({ 'cache-control': 'no-store' });
	const { network } = await surveyFor(event, 'texts:review');
	const q = event.url.searchParams;
	const queue = await review.queue(event.locals.db, network.id, event.params.slug, { status: q.get('status'), question: q.get('question'), page: q.get('page') });
	return {
		...queue,
		items: queue.items.map((item) => {
			const spans = detectPersonalData(item.text);
			return {
				...item,
				segments: segments(item.text, spans),
				found: [...new Set(spans.map((s) => s.kind))],
				/** What the redact box starts with: the editor's last version, else the suggestion. */
				suggestion: item.redactedText ?? suggestRedaction(item.text, spans),
				redactedSegments: item.redactedText === null ? null : segments(item.redactedText)
			};
		}),
		pageSize: review.PAGE_SIZE,
		done: q.get('done'),
		filters: filters(event.url).toString()
	};
};

/** Each action re-checks the member's right to review this survey's words: forms can be posted by anyone. */
async function reviewing(event: Event) {
	const ctx = await surveyFor(event, 'texts:review');
	const form = await event.request.formData().catch(() => error(400, { message: 'This form could not be read. Reload the page and try again.' }));
	return { ...ctx, form };
}

/** Back to the queue as it was filtered, saying what was done; the notice above the list takes the focus point. */
function back(event: Event, done: string): never {
	const to = filters(event.url);
	to.set('done', done);
	redirect(303, `${event.url.pathname}?${to}#review-done`);
}

/** A refused action's result, with which form and answer it was, and what the editor typed. */
function refused(result: unknown, form: string, extra: Record<string, unknown> = {}) {
	if (result && typeof result === 'object' && 'status' in result && typeof result.status === 'number') {
		const data = (result as unknown as { data: { message: string; problems: Problems } }).data;
		return fail(result.status, { ...data, form, ...extra });
	}
	return null;
}

const value = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : undefined;
};

async function decide(event: Event, decision: 'approve' | 'redact' | 'reject') {
	const { network, survey, actor, form } = await reviewing(event);
	const answer = value(form, 'answer') ?? '';
	const text = value(form, 'text');
	const input = { answer, decision, ...(decision === 'redact' ? { text } : {}) };
	const result = await review.decide(event.locals.db, actor, network.id, survey.slug, input).catch(actionError(event));
	const failed = refused(result, 'redact', { answer, values: { text: text ?? '' } });
	if (failed) return decision === 'redact' ? failed : fail(failed.status, { ...failed.data, form: decision });
	back(event, { approve: 'approved', redact: 'redacted', reject: 'rejected' }[decision]);
}

export const actions: Actions = {
	approve: async (event) => decide(event, 'approve'),
	redact: async (event) => decide(event, 'redact'),
	reject: async (event) => decide(event, 'reject'),
	tag: async (event) => {
		const { network, survey, actor, form } = await reviewing(event);
		const answer = value(form, 'answer') ?? '';
		const themes = form.getAll('theme').map(String);
		const result = await review.tag(event.locals.db, actor, network.id, survey.slug, { answer, themes }).catch(actionError(event));
		const failed = refused(result, 'tag', { answer });
		if (failed) return failed;
		back(event, 'tagged');
	},
	theme: async (event) => {
		const { network, survey, actor, form } = await reviewing(event);
		const name = value(form, 'name') ?? '';
		const result = await review.createTheme(event.locals.db, actor, network.id, survey.slug, { name }).catch(actionError(event));
		const failed = refused(result, 'theme', { values: { name } });
		if (failed) return failed;
		back(event, 'theme');
	}
};
