import { error, fail, redirect, type Cookies } from '@sveltejs/kit';
import { answersFromForm, answersToFormValues, rawFormValues, visibleIds } from '$schema/answers';
import { direction, pickLanguage } from '$schema/i18n';
import { can } from '$server/accounts/authz';
import * as sessions from '$server/accounts/sessions';
import * as links from '$server/links/service';
import * as resume from '$server/responses/resume';
import * as responses from '$server/responses/service';
import * as surveys from '$server/surveys/service';
import { rethrow } from '$lib/server/errors';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const unreadable = 'This form could not be read. Please go back to the start of the survey and try again.';

/** The survey, the response so far and the definition version it answers. */
async function context(db: App.Locals['db'], slug: string, responseId: string | null) {
	const open = await surveys.openForAnswers(db, slug).catch(rethrow);
	const progress = responseId ? await responses.load(db, open.survey.id, responseId).catch(rethrow) : null;
	const version = progress?.version ?? open.version;
	const definition = version === open.version ? open.definition : await surveys.definitionOf(db, open.survey.id, version);
	return { ...open, version, definition, progress };
}

/**
 * What this response comes through: an invitation or card (its reserved id), a poster or
 * kiosk link (`via`), or a member answering with someone (`assist`, only for members who
 * may enter responses in the survey's network). A survey by invitation refuses the rest.
 */
async function sourceFor(
	{ locals, cookies }: { locals: App.Locals; cookies: Cookies },
	survey: { id: string; networkId: string; access: string },
	r: string,
	via: unknown,
	assist: unknown
) {
	// Respondent pages skip the session lookup (see hooks.server.ts); only an assisted response needs it.
	const auth = assist === '1' ? await sessions.validate(locals.db, cookies.get(sessions.SESSION_COOKIE)) : null;
	const member =
		auth && can(auth.memberships, survey.networkId, 'responses:enter') ? { userId: auth.user.id, mode: 'assisted' as const } : null;
	return links.sourceOf(locals.db, survey, r, { via: typeof via === 'string' ? via : null, member }).catch(rethrow);
}

function pageUrl(slug: string, r: string, page: number, lang: string) {
	const q = new URLSearchParams({ r, page: String(page + 1), lang });
	return `/s/${slug}?${q}`;
}

export const load: PageServerLoad = async ({ params, url, locals, cookies, setHeaders }) => {
	// Pages carry a respondent's answers: never keep them in a shared cache or on a shared device.
	setHeaders({ 'cache-control': 'no-store' });
	const rParam = url.searchParams.get('r');
	if (rParam !== null && !UUID.test(rParam)) error(400, { message: unreadable });
	const ctx = await context(locals.db, params.slug, rParam);
	const lang = pickLanguage(ctx.definition, url.searchParams.get('lang') ?? ctx.progress?.language);
	const responseId = rParam ?? crypto.randomUUID();
	const via = links.normaliseCode(url.searchParams.get('via') ?? '');
	const source = await sourceFor({ locals, cookies }, ctx.survey, responseId, via, url.searchParams.get('assist'));
	if (ctx.progress?.status === 'complete') redirect(303, thanksUrl(params.slug, lang, source));

	const answers = ctx.progress?.answers ?? {};
	const requested = Number(url.searchParams.get('page') ?? '1') - 1;
	const visible = visibleIds(ctx.definition, answers);
	const visiblePages = ctx.definition.pages.map((p, i) => (p.questions.some((q) => visible.has(q.id)) ? i : -1)).filter((i) => i >= 0);
	// A page number out of range, or one hidden by earlier answers, falls back to the first page.
	const page = rParam && Number.isInteger(requested) && visiblePages.includes(requested) ? requested : visiblePages[0] ?? 0;

	locals.lang = lang;
	locals.dir = direction(lang);
	return {
		slug: params.slug,
		network: ctx.network,
		definition: ctx.definition,
		lang,
		responseId,
		/** Carried to the first post, which stores the response with its link. */
		via: ctx.progress ? null : via,
		assist: source.mode === 'assisted',
		organisation: source.organisation,
		kiosk: source.kiosk,
		/** Whether this response has an id from the address (a language switch must keep it). */
		started: rParam !== null,
		page,
		pageNumber: visiblePages.indexOf(page) + 1,
		pageCount: visiblePages.length,
		/** Choices from other pages that this page's conditions look at. */
		earlier: answers,
		values: answersToFormValues(ctx.definition.pages[page].questions, answers)
	};
};

export const actions: Actions = {
	default: async ({ request, params, locals, cookies, url }) => {
		const form = await request.formData().catch(() => error(400, { message: unreadable }));
		const r = form.get('r');
		const page = Number(form.get('page'));
		const navField = form.get('nav');
		const nav = navField === 'back' || navField === 'save' ? navField : 'next';
		if (typeof r !== 'string' || !UUID.test(r) || !Number.isInteger(page)) error(400, { message: unreadable });

		const ctx = await context(locals.db, params.slug, r);
		const lang = pickLanguage(ctx.definition, String(form.get('lang') ?? ''));
		const source = await sourceFor({ locals, cookies }, ctx.survey, r, form.get('via'), form.get('assist'));
		if (ctx.progress?.status === 'complete') redirect(303, thanksUrl(params.slug, lang, source));
		const questions = ctx.definition.pages[page]?.questions;
		if (!questions) error(400, { message: unreadable });

		const read = answersFromForm(questions, form);
		if (read.unknown.length) error(400, { message: 'This form has answers to questions that are not on this page. Please go back and try again.' });
		const values = rawFormValues(form);
		const submittedBy = String(form.get('submitted_by') ?? '').slice(0, 200);
		if (read.errors.length) return fail(400, { errors: read.errors, values, submittedBy });

		const outcome = await responses
			.answerPage(
				locals.db,
				{ surveyId: ctx.survey.id, definition: ctx.definition, version: ctx.version, progress: ctx.progress },
				{ responseId: r, page, answers: read.answers, language: lang, direction: nav, source, submittedBy }
			)
			.catch(rethrow);
		if (outcome.kind === 'errors') return fail(400, { errors: outcome.errors, values, submittedBy });
		if (outcome.kind === 'page') redirect(303, pageUrl(params.slug, r, outcome.page, lang));
		if (outcome.kind === 'saved') {
			const { code, expiresAt } = await resume.createCode(locals.db, ctx.survey.id, r);
			return { values, submittedBy, saved: { code: resume.formatCode(code), link: `${url.origin}/s/${params.slug}/resume?code=${resume.formatCode(code)}`, expiresAt } };
		}
		redirect(303, thanksUrl(params.slug, lang, source));
	}
};

/** The thank-you page; a kiosk's says when it starts again for the next person. */
function thanksUrl(slug: string, lang: string, source: links.Source): string {
	const q = new URLSearchParams({ lang });
	if (source.kiosk) q.set('kiosk', source.kiosk);
	return `/s/${slug}/thanks?${q}`;
}
