import { error, type RequestEvent } from '@sveltejs/kit';
import type { Capability } from '$server/accounts/authz';
import * as surveys from '$server/surveys/service';
import { networkFor } from './access';

/**
 * A survey of the network in the URL, for a member who may do `capability` there: the
 * network, the acting member, the survey row and its current published definition (the
 * draft while it has never been published). Another network's survey is a 404.
 */
export async function surveyFor(event: RequestEvent<{ network: string; slug: string }>, capability: Capability) {
	const { network, actor } = await networkFor(event, capability);
	const survey = await surveys.findBySlug(event.locals.db, event.params.slug);
	if (!survey || survey.networkId !== network.id) error(404, { message: 'There is no survey at this address in this network.' });
	const version = survey.currentVersion;
	const definition = version === null ? surveys.parseDraft(survey) : await surveys.definitionOf(event.locals.db, survey.id, version);
	return { network, actor, survey, version, definition };
}

/** The origin printed in links, QR codes and cards: the configured PUBLIC_ORIGIN, else this request's. */
export function publicOrigin(event: Pick<RequestEvent, 'url' | 'platform'>): string {
	const configured = event.platform?.env.PUBLIC_ORIGIN?.trim().replace(/\/+$/, '');
	return configured || event.url.origin;
}
