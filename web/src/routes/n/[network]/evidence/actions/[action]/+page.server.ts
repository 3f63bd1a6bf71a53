import { fail, redirect } from '@sveltejs/kit';
import { can } from '$server/accounts/authz';
import * as indicators from '$server/evidence/indicators';
import { optionsOf, questionsOf } from '$server/results/filters';
import { axes } from '$server/results/service';
import * as surveys from '$server/surveys/service';
import { t } from '$schema/i18n';
import { networkFor } from '$lib/server/access';
import { actionError, guard } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

/**
 * One action's indicators: live values from its network's surveys (suppressed), how they
 * changed between recorded snapshots, and, for editors, forms to add an indicator and to
 * record a value as evidence. Adding is a short GET walk with JavaScript off: choose the
 * survey, then the question, then the answers to count.
 */
export const load: PageServerLoad = async (event) => {
	const { network } = await networkFor(event, 'evidence:read');
	const viewer = event.locals.auth!.memberships;
	const action = await indicators.actionFor(event.locals.db, viewer, network.slug, event.params.action).catch(guard(event));
	const list = await indicators.list(event.locals.db, viewer, network.slug, action.id).catch(guard(event));
	const rows = await Promise.all(
		list.map(async (i) => {
			const history = await indicators.snapshotsOf(event.locals.db, i.id);
			return { ...i, live: await indicators.value(event.locals.db, i), history };
		})
	);
	const canEdit = can(viewer, network.id, 'evidence:manage');
	// The add form's choices, step by step.
	const surveyList = (await surveys.listForNetwork(event.locals.db, network.id)).filter((s) => s.status !== 'draft');
	const chosenSlug = event.url.searchParams.get('survey') ?? '';
	const chosen = canEdit && chosenSlug ? await surveys.findBySlug(event.locals.db, chosenSlug) : null;
	let questions: { id: string; label: string; numeric: boolean }[] = [];
	let options: { id: string; label: string }[] = [];
	const questionId = event.url.searchParams.get('question') ?? '';
	if (chosen && chosen.networkId === network.id && chosen.currentVersion !== null) {
		const def = await surveys.definitionOf(event.locals.db, chosen.id, chosen.currentVersion);
		const numericTypes = new Set(['scale', 'rating', 'number', 'matrix']);
		const byId = new Map(questionsOf(def).map((q) => [q.id, q]));
		questions = axes(def).map((a) => ({ id: a.id, label: a.label, numeric: numericTypes.has(byId.get(a.id.split('/')[0])?.type ?? '') }));
		for (const q of questionsOf(def)) if (q.type === 'number') questions.push({ id: q.id, label: t(q.title, 'en'), numeric: true });
		const q = byId.get(questionId.split('/')[0]);
		if (q) options = optionsOf(q, 'en');
	}
	const quotesFrom = canEdit ? (event.url.searchParams.get('quotes') ?? '') : '';
	const quotes = quotesFrom ? await indicators.citableQuotes(event.locals.db, viewer, network.slug, action.id, quotesFrom).catch(guard(event)) : [];
	return {
		action,
		quotesFrom,
		quotes,
		indicators: rows,
		canEdit,
		surveys: surveyList.map((s) => ({ slug: s.slug, title: t(s.title as never, 'en') })),
		step: { survey: chosen && chosen.networkId === network.id ? chosenSlug : '', question: questionId, questions, options }
	};
};

export const actions: Actions = {
	add: async (event) => {
		const { network, actor } = await networkFor(event, 'evidence:manage');
		const form = await event.request.formData();
		const input = {
			label: String(form.get('label') ?? ''),
			survey: String(form.get('survey') ?? ''),
			metric: String(form.get('metric') ?? ''),
			question: String(form.get('question') ?? ''),
			options: form.getAll('options').map(String),
			target: String(form.get('target') ?? '')
		};
		const result = await indicators.create(event.locals.db, actor, event.locals.auth!.memberships, network.slug, event.params.action, input).catch(actionError(event));
		if (typeof result !== 'string') return fail(result.status, { ...result.data, values: input });
		redirect(303, `/n/${network.slug}/evidence/actions/${event.params.action}#indicators`);
	},
	record: async (event) => {
		const { network, actor } = await networkFor(event, 'evidence:manage');
		const form = await event.request.formData();
		const result = await indicators
			.snapshot(event.locals.db, actor, event.locals.auth!.memberships, network.slug, event.params.action, String(form.get('indicator') ?? ''))
			.catch(actionError(event));
		if (typeof result !== 'string') return fail(result.status, result.data);
		return { done: 'Recorded as evidence, with today’s date: this figure will not change, whatever comes in later.' };
	},
	quote: async (event) => {
		const { network, actor } = await networkFor(event, 'evidence:manage');
		const form = await event.request.formData();
		const answer = Number(form.get('answer'));
		if (!Number.isInteger(answer)) return fail(400, { message: 'Choose a quote to record.', problems: [] });
		const result = await indicators
			.addQuote(event.locals.db, actor, event.locals.auth!.memberships, network.slug, event.params.action, String(form.get('survey') ?? ''), answer)
			.catch(actionError(event));
		if (typeof result !== 'string') return fail(result.status, result.data);
		return { done: 'Quote recorded as evidence, with today’s date.' };
	},
	remove: async (event) => {
		const { network, actor } = await networkFor(event, 'evidence:manage');
		const form = await event.request.formData();
		const result = await indicators
			.remove(event.locals.db, actor, event.locals.auth!.memberships, network.slug, event.params.action, String(form.get('indicator') ?? ''))
			.catch(actionError(event));
		if (result && typeof result === 'object' && 'status' in result) return fail(result.status, result.data);
		return { done: 'Indicator removed. Figures already recorded as evidence stay.' };
	}
};
