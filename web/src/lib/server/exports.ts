import type { RequestEvent } from '@sveltejs/kit';
import * as audit from '$server/audit/service';
import { csvStream } from '$server/exports/csv';
import { aboutRows, responsesExport } from '$server/exports/responses';
import { AGGREGATE_WIDTHS, aggregateRows } from '$server/exports/results';
import { XLSX_TYPE, xlsxStream } from '$server/exports/xlsx';
import { guard } from './errors';
import { summaryFor } from './results';
import { surveyFor } from './survey';

/** The formats a download comes in. */
export type Format = 'csv' | 'xlsx';

const TYPES: Record<Format, string> = { csv: 'text/csv; charset=utf-8', xlsx: XLSX_TYPE };

/** A file to download (never cached: it holds a network's results). Names are made of slugs, digits and dashes only. */
function download(body: ReadableStream<Uint8Array>, name: string, format: Format): Response {
	return new Response(body, {
		headers: {
			'content-type': TYPES[format],
			'content-disposition': `attachment; filename="${name}.${format}"`,
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}

const fileName = (slug: string, what: string, demo: boolean, at: Date) => `${slug}${demo ? '-demo' : ''}-${what}-${at.toISOString().slice(0, 10)}`;

/**
 * The results summary as CSV or xlsx, built exactly as the results page builds it (same
 * query string, same suppression), for reviewers, editors and admins of the survey's
 * network. Audited.
 */
export async function resultsDownload(event: RequestEvent<{ slug: string }>, format: Format): Promise<Response> {
	const summary = await summaryFor(event);
	const auth = event.locals.auth!;
	const membership = auth.memberships.find((m) => m.networkSlug === summary.network.slug)!;
	const at = new Date();
	const { rows, headingRow } = aggregateRows(summary, { at });
	await audit.record(event.locals.db, { userId: auth.user.id, email: auth.user.email }, membership.networkId, 'results.export', summary.survey.slug, {
		format,
		...(event.url.search ? { query: event.url.search.slice(0, 500) } : {})
	});
	const body = format === 'csv' ? csvStream(rows) : xlsxStream([{ name: 'Results', rows, widths: AGGREGATE_WIDTHS, freeze: headingRow >= 0 ? headingRow + 1 : 0 }], at);
	return download(body, fileName(summary.survey.slug, 'results', summary.network.isDemo, at), format);
}

/**
 * Every complete response as given (free text included), as CSV or xlsx, for editors and
 * admins of the survey's network; read and written a page at a time. Audited with the
 * number of responses in the file.
 */
export async function responsesDownload(event: RequestEvent<{ network: string; slug: string }>, format: Format): Promise<Response> {
	const { network, survey, actor } = await surveyFor(event, 'responses:export');
	const exp = await responsesExport(event.locals.db, survey.slug, event.locals.auth?.memberships ?? null).catch(guard(event));
	const at = new Date();
	await audit.record(event.locals.db, actor, network.id, 'responses.export', survey.slug, { format, responses: exp.total });
	const pages = async function* () {
		yield exp.headings;
		yield* exp.pages();
	};
	const body =
		format === 'csv'
			? csvStream(pages())
			: xlsxStream([{ name: 'Responses', rows: pages(), widths: exp.widths, freeze: 2 }, { name: 'About', rows: aboutRows(exp, at), widths: [22, 100] }], at);
	return download(body, fileName(survey.slug, 'responses', network.isDemo, at), format);
}
