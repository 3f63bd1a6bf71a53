import { resultsDownload } from '$lib/server/exports';
import type { RequestHandler } from './$types';

/** The results summary as XLSX: the same figures as the results page (same query string), small numbers suppressed. Audited. */
export const GET: RequestHandler = (event) => resultsDownload(event, 'xlsx');
