import { error } from '@sveltejs/kit';
import * as links from '$server/links/service';
import * as responses from '$server/responses/service';
import * as results from '$server/results/service';
import * as surveys from '$server/surveys/service';
import { rethrow } from '$lib/server/errors';
import type { PageServerLoad } from './$types';

/**
 * An organisation's invitation. Everyone who opens it continues the same response; once a
 * named person has sent it, it shows what was sent, read-only.
 */
export const load: PageServerLoad = async ({ params, locals, platform, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const inv = await links.openInvitation(locals.db, platform!.env.PASSWORD_PEPPER, params.token).catch(rethrow);
	const survey = await surveys.findBySlug(locals.db, inv.slug);
	if (!survey || survey.currentVersion === null) error(404, { message: 'This survey is not published yet.' });
	const sent = inv.submitted ? await responses.submitted(locals.db, inv.responseId) : null;
	const version = sent?.version ?? survey.currentVersion;
	const definition = await surveys.definitionOf(locals.db, survey.id, version);
	const draft = sent ? null : await responses.load(locals.db, survey.id, inv.responseId).catch(rethrow);
	// Once sent, the organisation sees its answers beside everyone's (suppressed, as any reviewer would).
	const everyone = sent ? await results.picture(locals.db, survey) : null;
	return {
		slug: inv.slug,
		network: survey.network,
		definition,
		organisation: inv.organisation,
		closed: surveys.closedReason(survey),
		started: draft !== null && Object.keys(draft.answers).length > 0,
		continueUrl: `/s/${inv.slug}?${new URLSearchParams({ r: inv.responseId })}`,
		sent: sent && { answers: sent.answers, at: inv.link.submittedAt ?? sent.completedAt, by: inv.link.submittedBy },
		everyone
	};
};
