import { toCsv } from '$server/exports/csv';
import * as audit from '$server/audit/service';
import * as links from '$server/links/service';
import { publicOrigin, surveyFor } from '$lib/server/survey';
import type { RequestHandler } from './$types';

/** Name, contact fields and personal link of every organisation invited, for a mail merge. The download is audited. */
export const GET: RequestHandler = async (event) => {
	const { network, survey, actor } = await surveyFor(event, 'surveys:edit');
	const { invitations } = await links.invitations(event.locals.db, event.platform!.env.PASSWORD_PEPPER, publicOrigin(event), network.id, survey.slug);
	const live = invitations.filter((i) => !i.withdrawnAt);
	const rows = [
		['organisation', 'kind', 'area', 'status', 'link'],
		...live.map((i) => [i.organisation ?? i.label, i.organisationKind ?? '', i.area, i.status, i.url])
	];
	await audit.record(event.locals.db, actor, network.id, 'invitation.export', survey.slug, { rows: live.length });
	return new Response(toCsv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${survey.slug}-invitations.csv"`,
			'cache-control': 'no-store'
		}
	});
};
