import { can, roleCan } from '$server/accounts/authz';
import { summaryFor } from '$lib/server/results';
import { guard } from '$lib/server/errors';
import { FILTER_KEYS, parseFilter } from '$server/results/filters';
import * as results from '$server/results/service';
import * as texts from '$server/results/texts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const summary = await summaryFor(event);
	const auth = event.locals.auth!;
	const params = event.url.searchParams;
	const choices = await results.filterChoices(event.locals.db, event.params.slug, auth.memberships).catch(guard(event));
	// The filter as asked (already read by summaryFor, which refuses anything it cannot read).
	const filter = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof FILTER_KEYS)[number], string>;
	const x = params.get('x') ?? '';
	const y = params.get('y') ?? '';
	const crossTab =
		x && y
			? await Promise.resolve()
					.then(() => results.crossTab(event.locals.db, event.params.slug, auth.memberships, { x, y }, 'en', parseFilter(params)))
					.catch(guard(event))
			: null;
	const membership = auth.memberships.find((m) => m.networkSlug === summary.network.slug);
	const admin = !!membership && roleCan(membership.role, 'members:manage');
	// Downloads of these figures keep the page's query string; raw responses are for editors and admins only.
	const downloads = {
		query: event.url.search,
		responses: !!membership && can(auth.memberships, membership.networkId, 'responses:export')
	};
	// Approved and redacted words of the free-text questions (unfiltered view only: see texts.quotesForSummary).
	const quotes = await texts.quotesForSummary(event.locals.db, summary);
	return { quotes, summary, user: auth.user, admin, downloads, choices, filter, crossTab, axes: { x, y } };
};
