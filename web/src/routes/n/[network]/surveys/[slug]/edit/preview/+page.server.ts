import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { answersFromForm, answersToFormValues, nextPage, previousPage, rawFormValues, validateAnswers, visibleIds, type Answers } from '$schema/answers';
import { direction, pickLanguage } from '$schema/i18n';
import type { SurveyDefinition } from '$schema/survey-definition';
import { builderFor } from '$lib/server/builder';
import type { Actions, PageServerLoad } from './$types';

/** The first page that shows anything, from the one asked for. */
function firstVisible(def: SurveyDefinition, answers: Answers, requested: number): number {
	const visible = visibleIds(def, answers);
	const shows = (p: number) => def.pages[p]?.questions.some((q) => visible.has(q.id));
	if (shows(requested)) return requested;
	return def.pages.findIndex((_, p) => shows(p));
}

export const load: PageServerLoad = async (event) => {
	const { survey, draft, network } = await builderFor(event);
	const def = draft.definition;
	const lang = pickLanguage(def, event.url.searchParams.get('lang'));
	event.locals.lang = lang;
	event.locals.dir = direction(lang);
	const requested = Number(event.url.searchParams.get('page') ?? '1') - 1;
	const page = firstVisible(def, {}, Number.isInteger(requested) && requested >= 0 ? requested : 0);
	return {
		slug: survey.slug,
		networkInfo: { name: network.name, isDemo: network.isDemo },
		networkSlug: network.slug,
		definition: def,
		lang,
		page: Math.max(0, page),
		answers: {} as Answers
	};
};

/** Earlier pages' answers travel in the form (nothing of a preview is stored): read as answers to the draft's questions. */
const Carried = z.string().max(200_000);

export const actions: Actions = {
	default: async (event) => {
		const { draft } = await builderFor(event);
		const def = draft.definition;
		const form = await event.request.formData();
		const page = Number(form.get('page'));
		const lang = pickLanguage(def, String(form.get('lang') ?? ''));
		const questions = def.pages[page]?.questions;
		if (!Number.isInteger(page) || !questions) return fail(400, { message: 'This preview page could not be read. Start the preview again.', page: 0, answers: {}, errors: [], values: {} });
		let earlier: Answers = {};
		try {
			const carried = JSON.parse(Carried.parse(String(form.get('answers') ?? '{}')));
			// Check what came back against the draft, as the survey checks a response: anything unknown is dropped.
			const others = def.pages.flatMap((p, i) => (i === page ? [] : p.questions));
			earlier = validateAnswers(def, others, typeof carried === 'object' && carried ? carried : {}, { requireRequired: false }).answers;
		} catch {
			earlier = {};
		}
		const read = answersFromForm(questions, form);
		const values = rawFormValues(form);
		const nav = form.get('nav') === 'back' ? 'back' : 'next';
		if (nav === 'back') {
			const back = previousPage(def, earlier, page);
			return { page: back < 0 ? page : back, answers: earlier, errors: [], values: answersToFormValues(def.pages[back < 0 ? page : back].questions, earlier), lang };
		}
		const checked = validateAnswers(def, questions, read.answers, { requireRequired: true, earlier });
		const errors = [...read.errors, ...checked.errors];
		if (errors.length) return fail(400, { page, answers: earlier, errors, values, lang });
		const answers = { ...earlier, ...checked.answers };
		const next = nextPage(def, answers, page);
		if (next < 0) return { page, answers, errors: [], values, lang, finished: true };
		return { page: next, answers, errors: [], values: answersToFormValues(def.pages[next].questions, answers), lang };
	}
};
