import { error, fail, redirect } from '@sveltejs/kit';
import * as b from '$schema/builder';
import { applyOp, conditionTargets, formOf, questionFrom, readForm, type QuestionForm } from '$schema/builder-form';
import { languagesOf, t } from '$schema/i18n';
import { allQuestions, type SurveyDefinition } from '$schema/survey-definition';
import * as builder from '$server/surveys/builder';
import { InvalidInput } from '$server/errors';
import { builderFor, keptRevision, KEPT_AFTER_CONFLICT, revisionOf } from '$lib/server/builder';
import { actionError } from '$lib/server/errors';
import { describeCondition } from '$lib/survey/describe';
import type { Actions, PageServerLoad } from './$types';

const TYPES = new Set(b.QUESTION_TYPES.map((t) => t.type));

function find(def: SurveyDefinition, id: string) {
	try {
		return b.locate(def, id);
	} catch {
		error(404, { message: 'There is no such question in this survey. It may have been removed.' });
	}
}

export const load: PageServerLoad = async (event) => {
	const { survey, draft } = await builderFor(event);
	const def = draft.definition;
	const at = find(def, event.params.question);
	const lang = languagesOf(def)[0];
	const questions = allQuestions(def).map((x) => x.question);
	return {
		slug: survey.slug,
		revision: draft.revision,
		title: t(def.title, lang),
		question: at.question,
		position: { page: at.page + 1, pages: def.pages.length },
		form: formOf(at.question, lang),
		types: b.QUESTION_TYPES,
		targets: conditionTargets(questions, at.question.id, lang),
		/** A deeper condition than the clause editor shows, in words. */
		complexWords: at.question.show_if && formOf(at.question, lang).complex ? describeCondition(def, at.question.show_if, lang) : '',
		/** Whether respondents have ever been asked it (in any version). */
		published: (await builder.publishedQuestionIds(event.locals.db, survey)).has(at.question.id),
		added: event.url.searchParams.has('added'),
		copied: event.url.searchParams.has('copied'),
		languages: languagesOf(def)
	};
};

/** A problem's path inside the question (`pages.0.questions.3.options.1.label` → `options.1.label`). */
function fieldOf(path: string, page: number, index: number): string {
	const prefix = `pages.${page}.questions.${index}.`;
	return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

export const actions: Actions = {
	default: async (event) => {
		const { actor, survey } = await builderFor(event);
		const form = await event.request.formData();
		const state: QuestionForm = readForm(form, TYPES);
		const op = String(form.get('op') ?? 'save');
		const def = builder.validated(survey.draft);
		const at = find(def, event.params.question);
		const lang = languagesOf(def)[0];

		if (op !== 'save') {
			const changed = applyOp(state, op, at.question);
			// The form keeps the revision it was made from, so its save is still checked against what the editor saw.
			return { state: changed.form, focus: changed.focus, rev: revisionOf(form) };
		}
		// Ids respondents have seen (in any published version) never change, nor are they reused; the rest follow their wording.
		const settled = await builder.publishedListIds(event.locals.db, survey, at.question.id);
		const renamed = new Map<string, string>();
		let question;
		try {
			question = questionFrom(state, at.question, lang, { settled, renamed });
		} catch (e) {
			if (e instanceof b.EditRefused) return fail(400, { state, message: e.message, problems: [{ path: e.path, message: e.message }], rev: revisionOf(form) });
			throw e;
		}
		try {
			await builder.edit(event.locals.db, actor, survey, revisionOf(form), `edited question ${at.question.id}`, (d) => ({
				definition: b.renameInConditions(b.replaceQuestion(d, at.question.id, question), at.question.id, renamed)
			}));
		} catch (e) {
			if (e instanceof InvalidInput) {
				// A problem in another question (a condition that looked at this one's answers) says which.
				const problems = (e.problems as builder.Problem[]).map((p) =>
					p.question && p.question !== at.question.id
						? { path: 'type', message: `“${builder.questionName(def, p.question)}” ${p.path.includes('show_if') ? 'has a condition that ' : ''}${p.message}` }
						: { path: fieldOf(p.path, at.page, at.index), message: p.message }
				);
				return fail(400, { state, message: e.message, problems, rev: revisionOf(form) });
			}
			const failure = actionError(event)(e) as { status: number; data: object };
			if (failure.status === 409) return fail(409, { ...failure.data, message: KEPT_AFTER_CONFLICT, state });
			return fail(failure.status, { ...failure.data, state, ...keptRevision(failure.status, form) });
		}
		redirect(303, `/n/${event.params.network}/surveys/${event.params.slug}/edit?saved=${encodeURIComponent(at.question.id)}`);
	}
};
