import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import * as b from '$schema/builder';
import { Question, type QuestionType } from '$schema/survey-definition';
import * as builder from '$server/surveys/builder';
import { MAX_UPLOAD_BYTES } from '$schema/import/index';
import { builderFor, editAction, field, revisionOf } from '$lib/server/builder';
import { actionError } from '$lib/server/errors';
import { surveyFor } from '$lib/server/survey';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { survey, draft } = await builderFor(event);
	const pending = await builder.pendingChanges(event.locals.db, survey);
	return {
		slug: survey.slug,
		status: survey.status,
		version: survey.currentVersion,
		revision: draft.revision,
		definition: draft.definition,
		types: b.QUESTION_TYPES,
		pending: { first: pending.first, unchanged: pending.unchanged, count: pending.changes.length, breaking: pending.changes.filter((c) => c.breaking).length },
		missing: b.missingTranslations(draft.definition),
		/** The question just saved in its editor, to confirm and focus. */
		saved: event.url.searchParams.get('saved')
	};
};

const TYPES = new Set(b.QUESTION_TYPES.map((t) => t.type));
const pageIndex = (form: FormData) => {
	const n = Number(field(form, 'page'));
	return Number.isInteger(n) ? n : -1;
};
/** A removed question, sent back by the "Undo" button: read with the definition's own schema. */
const Removed = z.object({ question: Question, page: z.string().max(64), index: z.int().min(0).max(40) });

export const actions: Actions = {
	add: async (event) => {
		// A new question never takes the id of a published one: their answers would be counted as its own.
		const { survey } = await surveyFor(event, 'surveys:edit');
		const published = await builder.publishedQuestionIds(event.locals.db, survey);
		const r = await editAction(event, 'add', 'added a question', (def, form) => {
			const type = field(form, 'type') as QuestionType;
			if (!TYPES.has(type)) throw new b.EditRefused('Choose what kind of question to add', 'type');
			return b.addQuestion(def, { page: pageIndex(form), type, title: field(form, 'title') }, published);
		});
		if (!r.ok) return fail(r.failure.status, { ...r.failure.data, page: pageIndex(r.form) });
		redirect(303, `/n/${event.params.network}/surveys/${event.params.slug}/edit/q/${r.result.id}?added=1`);
	},
	move: async (event) => {
		const r = await editAction(event, 'move', 'moved a question', (def, form) => {
			const to = field(form, 'to');
			const id = field(form, 'id');
			if (to === 'up' || to === 'down') return { definition: b.moveQuestion(def, id, to), id, to };
			// Drag and drop: a page and a place on it.
			const [page, index] = to.split(':').map(Number);
			if (!Number.isInteger(page) || !Number.isInteger(index)) throw new b.EditRefused('That move could not be read.');
			return { definition: b.moveQuestion(def, id, { page, index }), id, to };
		});
		if (!r.ok) return r.failure;
		const name = builder.questionName(r.result.definition, r.result.id);
		const where = b.locate(r.result.definition, r.result.id);
		return { form: 'move', done: `Moved “${name}” to page ${where.page + 1}, position ${where.index + 1}.`, focus: `q-${r.result.id}-${r.result.to === 'down' ? 'down' : 'up'}` };
	},
	copy: async (event) => {
		const { survey } = await surveyFor(event, 'surveys:edit');
		const published = await builder.publishedQuestionIds(event.locals.db, survey);
		const r = await editAction(event, 'copy', 'copied a question', (def, form) => b.copyQuestion(def, field(form, 'id'), published));
		if (!r.ok) return r.failure;
		redirect(303, `/n/${event.params.network}/surveys/${event.params.slug}/edit/q/${r.result.id}?copied=1`);
	},
	remove: async (event) => {
		const r = await editAction(event, 'remove', 'removed a question', (def, form) => b.removeQuestion(def, field(form, 'id')));
		if (!r.ok) return r.failure;
		return { form: 'remove', done: `Removed “${b.titleOf(r.result.removed.question)}”.`, removed: JSON.stringify(r.result.removed), focus: 'undo' };
	},
	restore: async (event) => {
		const r = await editAction(event, 'restore', 'put back a removed question', (def, form) => {
			let parsed;
			try {
				parsed = Removed.safeParse(JSON.parse(field(form, 'removed')));
			} catch {
				parsed = null;
			}
			if (!parsed?.success) throw new b.EditRefused('That question could not be put back.');
			return { definition: b.restoreQuestion(def, parsed.data), id: parsed.data.question.id };
		});
		if (!r.ok) return r.failure;
		return { form: 'restore', done: `Put back “${builder.questionName(r.result.definition, r.result.id)}”.`, focus: `q-${r.result.id}-up` };
	},
	page: async (event) => {
		const r = await editAction(event, 'page', 'edited a page', (def, form) => ({
			definition: b.editPage(def, pageIndex(form), { title: field(form, 'title'), intro: field(form, 'intro') })
		}));
		if (!r.ok) return r.failure;
		return { form: 'page', done: `Saved page ${pageIndex(r.form) + 1}.` };
	},
	movePage: async (event) => {
		const r = await editAction(event, 'movePage', 'moved a page', (def, form) => {
			const to = field(form, 'to') === 'down' ? 'down' : 'up';
			return { definition: b.movePage(def, pageIndex(form), to), to };
		});
		if (!r.ok) return r.failure;
		const to = r.result.to;
		const now = pageIndex(r.form) + (to === 'up' ? -1 : 1);
		return { form: 'movePage', done: `Moved the page ${to}: it is now page ${now + 1}.`, focus: `p-${r.result.definition.pages[now].id}-${to}` };
	},
	removePage: async (event) => {
		const r = await editAction(event, 'removePage', 'removed a page', (def, form) => ({ definition: b.removePage(def, pageIndex(form)) }));
		if (!r.ok) return r.failure;
		return { form: 'removePage', done: `Removed page ${pageIndex(r.form) + 1} and its questions.`, focus: 'questions' };
	},
	import: async (event) => {
		const { actor, survey } = await surveyFor(event, 'surveys:edit');
		const form = await event.request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { form: 'import', message: 'Choose a file to import', problems: [{ path: 'file', message: 'Choose a file to import: our JSON, SurveyJS JSON or an XLSForm (.xlsx)' }] });
		if (file.size > MAX_UPLOAD_BYTES) return fail(400, { form: 'import', message: 'The file is too big', problems: [{ path: 'file', message: `The file is too big: the limit is ${MAX_UPLOAD_BYTES / 1024} KB` }] });
		const result = await builder
			.importIntoDraft(event.locals.db, actor, survey, revisionOf(form), { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })
			.catch(actionError(event));
		if ('status' in result) return fail(result.status, { ...(result as unknown as { data: object }).data, form: 'import' });
		return { form: 'import', done: `The draft is now the survey from ${file.name}. Check it, then publish it.`, report: result.report };
	},
	addPage: async (event) => {
		const r = await editAction(event, 'addPage', 'added a page', (def, form) => b.addPage(def, { title: field(form, 'title') }));
		if (!r.ok) return r.failure;
		return { form: 'addPage', done: `Added page ${r.result.definition.pages.length}. It starts with an information item: add questions to it, then remove that.` };
	}
};
