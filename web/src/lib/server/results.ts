import type { RequestEvent } from '@sveltejs/kit';
import { parseFilter } from '$server/results/filters';
import * as results from '$server/results/service';
import { guard } from './errors';

/**
 * The results summary a request asks for: the results page and its downloads (CSV, xlsx)
 * all build it here, from the survey in the URL and the request's query string, so a
 * download always holds exactly the figures the page shows, suppressed the same way.
 * Not signed in → the sign-in page; not allowed → 403; no such published survey → 404.
 */
export async function summaryFor(event: RequestEvent<{ slug: string }>): Promise<results.Summary> {
	const viewer = event.locals.auth?.memberships ?? null;
	return Promise.resolve()
		.then(() => results.summary(event.locals.db, event.params.slug, viewer, 'en', parseFilter(event.url.searchParams)))
		.catch(guard(event));
}
