import { error } from '@sveltejs/kit';
import * as ambitions from '$server/evidence/ambitions';
import * as evidence from '$server/evidence/evidence';
import * as indicators from '$server/evidence/indicators';
import * as standards from '$server/evidence/standards';
import { networkFor } from '$lib/server/access';
import type { PageServerLoad } from './$types';

/**
 * Print-ready reports from the network's evidence: the accreditation self-assessment
 * (every standard: what is in place, participation, gaps, next steps and the evidence under
 * each) and the annual update (the same, for one year: what changed, what was recorded).
 * Figures come only from recorded snapshots, so a printed report never moves.
 */
export const load: PageServerLoad = async (event) => {
	const { network } = await networkFor(event, 'evidence:read');
	const kind = event.url.searchParams.get('kind') ?? 'accreditation';
	if (kind !== 'accreditation' && kind !== 'annual') error(400, { message: 'A report is either the accreditation self-assessment or the annual update.' });
	const yearParam = event.url.searchParams.get('year');
	const year = yearParam ? Number(yearParam) : new Date().getUTCFullYear();
	if (!Number.isInteger(year) || year < 2000 || year > 2100) error(400, { message: 'The year must be a year like 2026.' });
	const sectors = await standards.overview(event.locals.db, network.id);
	const actionIds = sectors.flatMap((s) => s.standards.flatMap((st) => st.actions.map((a) => a.id)));
	const [items, measures] = await Promise.all([evidence.listForActions(event.locals.db, network.id, actionIds), indicators.listFor(event.locals.db, actionIds)]);
	const inYear = (iso: string) => iso.slice(0, 4) === String(year);
	const history = new Map(await Promise.all(measures.map(async (m) => [m.id, await indicators.snapshotsOf(event.locals.db, m.id)] as const)));
	const latestAssessment = (await ambitions.list(event.locals.db, network.id))[0];
	const ambitionsView = latestAssessment ? await ambitions.get(event.locals.db, network.id, latestAssessment.id) : null;
	return {
		kind,
		year,
		generatedAt: new Date().toISOString(),
		sectors: sectors.map((s) => ({
			sector: s.sector,
			standards: s.standards.map((st) => ({
				id: st.id,
				title: st.title,
				description: st.description,
				version: st.version,
				assessment: st.assessment,
				actions: st.actions.map((a) => ({
					id: a.id,
					title: a.title,
					owner: a.owner,
					status: a.status,
					targetDate: a.targetDate,
					participation: a.participation,
					evidence: items
						.filter((e) => e.actionId === a.id && (kind === 'accreditation' || inYear(e.recordedAt)))
						.map((e) => ({ id: e.id, kind: e.kind, title: e.title, body: e.body, url: e.url, recordedAt: e.recordedAt, by: e.recordedByEmail })),
					indicators: measures
						.filter((m) => m.actionId === a.id)
						.map((m) => ({ id: m.id, label: m.label, target: m.target, metric: m.metric, history: history.get(m.id) ?? [] }))
				}))
			}))
		})),
		ambitions: ambitionsView && { title: ambitionsView.assessment.title, assessedOn: ambitionsView.assessment.assessedOn, rollUp: ambitionsView.rollUp }
	};
};
