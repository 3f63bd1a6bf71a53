import { fail, type RequestEvent } from '@sveltejs/kit';
import type { SurveyDefinition } from '$schema/survey-definition';
import * as builder from '$server/surveys/builder';
import { actionError } from './errors';
import { surveyFor } from './survey';

type Event = RequestEvent<{ network: string; slug: string }>;

/** The survey being built, for a member who may edit surveys in its network, with its draft. */
export async function builderFor(event: Event) {
	const ctx = await surveyFor(event, 'surveys:edit');
	return { ...ctx, draft: await builder.draftOf(event.locals.db, ctx.survey) };
}

/** The revision of the draft a form was made from (a form without one is refused as stale). */
export function revisionOf(form: FormData): number {
	const n = Number(form.get('rev'));
	return Number.isInteger(n) && n >= 0 ? n : -1;
}

/** A text field of a form, as a string ('' when absent). */
export const field = (form: FormData, name: string) => {
	const v = form.get(name);
	return typeof v === 'string' ? v : '';
};

/**
 * Run one builder edit from a form action: re-check the member's right, apply the edit
 * to the latest draft (refused if the form came from an older revision), and return
 * either `fail(4xx, { form, message, problems })` or the edit's result with `done`.
 */
export async function editAction<T extends { definition: SurveyDefinition }>(
	event: Event,
	which: string,
	what: string,
	change: (def: SurveyDefinition, form: FormData) => T
) {
	const { actor, survey } = await surveyFor(event, 'surveys:edit');
	const form = await event.request.formData();
	try {
		const result = await builder.edit(event.locals.db, actor, survey, revisionOf(form), what, (def) => change(def, form));
		return { ok: true as const, result, form };
	} catch (e) {
		const failure = actionError(event)(e) as ReturnType<typeof fail<{ message: string; problems: builder.Problem[] }>>;
		return { ok: false as const, failure: fail(failure.status, { ...failure.data, form: which, ...keptRevision(failure.status, form) }), form };
	}
}

/**
 * The revision a re-shown form keeps: the one it was made from, so its next save is still
 * checked against what the editor last saw; after a conflict none (the page takes the
 * latest), since the editor has been told what happened and sees their entries again.
 */
export function keptRevision(status: number, form: FormData): { rev?: number; stale?: true } {
	return status === 409 ? { stale: true } : { rev: revisionOf(form) };
}

/** What the editor reads after a conflict on a form whose entries are shown again. */
export const KEPT_AFTER_CONFLICT =
	'Someone else changed this survey since you opened this page, so this was not saved. What you entered is shown again: check it (their changes are on the other builder pages), then save again to keep yours.';
