import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { and, count, eq, gte } from 'drizzle-orm';
import { rawFormValues } from '$schema/answers';
import { languagesOf, pickLanguage } from '$schema/i18n';
import { readPaperForm, type PaperError } from '$schema/paper';
import { responses as responsesTable } from '$schema/tables';
import type { Db } from '$server/db';
import { SurveyClosed } from '$server/errors';
import * as responses from '$server/responses/service';
import * as surveys from '$server/surveys/service';
import { rethrow } from '$lib/server/errors';
import { surveyFor } from '$lib/server/survey';
import { isoToLondon, londonToIso } from '$lib/time';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The form number written on the paper: echoed back in the confirmation, stored nowhere. */
const REF_MAX = 40;

type Event = RequestEvent<{ network: string; slug: string }>;

/**
 * The survey, if paper forms can be keyed into it: published and open, or closed (forms
 * filled in before it closed still count). A draft has nothing to key into; an archived
 * survey's results are settled.
 */
async function enterable(event: Event) {
	const ctx = await surveyFor(event, 'responses:enter');
	// surveyFor lets only a signed-in member through, so the keyer always has an id.
	const keyer = event.locals.auth!.user.id;
	if (ctx.version === null || ctx.survey.status === 'draft')
		error(404, { message: 'This survey has not been published yet, so there are no paper forms to key in.' });
	if (ctx.survey.status === 'archived') error(410, { message: 'This survey is archived, so no more responses can be added to it.' });
	return { ...ctx, version: ctx.version, keyer };
}

/** The member's complete paper responses to this survey since midnight, UK time. */
async function keyedToday(db: Db, surveyId: string, userId: string): Promise<number> {
	const since = londonToIso(`${isoToLondon(new Date().toISOString()).slice(0, 10)}T00:00`) ?? new Date().toISOString().slice(0, 10);
	const row = await db
		.select({ n: count() })
		.from(responsesTable)
		.where(
			and(
				eq(responsesTable.surveyId, surveyId),
				eq(responsesTable.mode, 'paper'),
				eq(responsesTable.enteredBy, userId),
				eq(responsesTable.status, 'complete'),
				gte(responsesTable.completedAt, since)
			)
		)
		.get();
	return row?.n ?? 0;
}

/** A response this member keyed in on paper for this survey (to confirm a save only when it really happened). */
async function keyedBy(db: Db, surveyId: string, responseId: string, userId: string): Promise<boolean> {
	const row = await db
		.select({ id: responsesTable.id })
		.from(responsesTable)
		.where(
			and(
				eq(responsesTable.id, responseId),
				eq(responsesTable.surveyId, surveyId),
				eq(responsesTable.mode, 'paper'),
				eq(responsesTable.enteredBy, userId),
				eq(responsesTable.status, 'complete')
			)
		)
		.get();
	return !!row;
}

function cleanRef(raw: unknown): string {
	return typeof raw === 'string' ? raw.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').trim().slice(0, REF_MAX) : '';
}

export const load: PageServerLoad = async (event) => {
	// The page can show a respondent's answers (after an error): never keep it in a cache.
	event.setHeaders({ 'cache-control': 'no-store' });
	const { keyer, survey, version, definition } = await enterable(event);
	const db = event.locals.db;
	const savedId = event.url.searchParams.get('saved');
	const saved =
		savedId && UUID.test(savedId) && (await keyedBy(db, survey.id, savedId, keyer))
			? { ref: cleanRef(event.url.searchParams.get('ref')), again: event.url.searchParams.get('again') === '1' }
			: null;
	const complete = survey.responseCap === null ? 0 : await surveys.responseCount(db, survey.id);
	return {
		slug: survey.slug,
		version,
		definition,
		languages: languagesOf(definition),
		status: survey.status,
		full: survey.responseCap !== null && complete >= survey.responseCap ? survey.responseCap : null,
		/** Made now, so a double click, a retry or a resubmitted page can never store this form twice. */
		responseId: crypto.randomUUID(),
		keyedToday: await keyedToday(db, survey.id, keyer),
		saved
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { keyer, survey, version, definition } = await enterable(event);
		const form = await event.request.formData().catch(() => error(400, { message: 'This form could not be read. Reload the page and try again.' }));
		const responseId = String(form.get('r') ?? '');
		if (!UUID.test(responseId)) error(400, { message: 'This form could not be read. Reload the page and try again.' });
		const ref = cleanRef(form.get('ref'));
		const language = pickLanguage(definition, String(form.get('lang') ?? ''));
		const values = rawFormValues(form);
		const kept = { values, ref, language, responseId };

		const read = readPaperForm(definition, form);
		if (read.errors.length) return fail(400, { ...kept, errors: read.errors, message: null });

		// The id came from this page: a response of another survey with it is a tampered form (409).
		const existing = await responses.load(event.locals.db, survey.id, responseId).catch(rethrow);
		const savedUrl = (again: boolean) => `?${new URLSearchParams({ saved: responseId, ...(ref ? { ref } : {}), ...(again ? { again: '1' } : {}) })}`;
		if (existing?.status === 'complete') redirect(303, savedUrl(true));
		if (existing) error(409, { message: 'This form id is already in use by a response in progress. Reload the page and key the form in again.' });

		const source = { mode: 'paper' as const, linkId: null, enteredBy: keyer, organisation: null, card: false, kiosk: null };
		let duplicate: boolean;
		try {
			({ duplicate } = await responses.complete(event.locals.db, { surveyId: survey.id, version, definition, responseId, language, source, answers: read.answers }));
		} catch (e) {
			if (e instanceof SurveyClosed)
				return fail(410, {
					...kept,
					errors: [] as PaperError[],
					message: `This survey has reached its limit of ${survey.responseCap === 1 ? '1 response' : `${survey.responseCap ?? ''} responses`}, so this form was not saved. Ask the survey lead to raise the limit, then save it again.`
				});
			return rethrow(e);
		}
		redirect(303, savedUrl(duplicate));
	}
};
