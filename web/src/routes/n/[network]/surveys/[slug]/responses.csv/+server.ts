import { responsesDownload } from '$lib/server/exports';
import type { RequestHandler } from './$types';

/** Every complete response as given, as CSV, for editors and admins only. Audited. */
export const GET: RequestHandler = (event) => responsesDownload(event, 'csv');
