import { fail } from '@sveltejs/kit';
import { can } from '$server/accounts/authz';
import * as outcomes from '$server/evidence/outcomes';
import * as links from '$server/links/service';
import * as review from '$server/results/review';
import { qrPath } from '$server/links/qr';
import * as surveys from '$server/surveys/service';
import { actionError } from '$lib/server/errors';
import { publicOrigin, surveyFor } from '$lib/server/survey';
import { isoToLondon, londonToIso } from '$lib/time';
import type { Actions, PageServerLoad } from './$types';

type Problems = { path: string; message: string }[];

export const load: PageServerLoad = async (event) => {
	const { network, survey, definition } = await surveyFor(event, 'network:view');
	const memberships = event.locals.auth!.memberships;
	const editor = can(memberships, network.id, 'surveys:edit');
	const origin = publicOrigin(event);
	const all = editor ? (await links.list(event.locals.db, network.id, survey.slug)).links : [];
	const withUrl = (l: (typeof all)[number]) => {
		const url = `${origin}/l/${l.code}`;
		return { ...l, url, qr: qrPath(url) };
	};
	return {
		survey: {
			slug: survey.slug,
			title: definition.title,
			status: survey.status,
			access: survey.access,
			published: survey.currentVersion !== null,
			opensAt: isoToLondon(survey.opensAt),
			closesAt: isoToLondon(survey.closesAt),
			responseCap: survey.responseCap,
			minGroupSize: survey.minGroupSize,
			closedReason: surveys.closedReason(survey),
			complete: await surveys.responseCount(event.locals.db, survey.id),
			url: `${origin}/s/${survey.slug}`
		},
		can: {
			edit: editor,
			enter: can(memberships, network.id, 'responses:enter'),
			results: can(memberships, network.id, 'results:read'),
			exportResponses: can(memberships, network.id, 'responses:export')
		},
		/** Editors and admins: how many written answers wait for review. */
		review: can(memberships, network.id, 'texts:review') ? { pending: await review.pendingCount(event.locals.db, network.id, survey.slug) } : null,
		links: all.filter((l) => l.kind === 'public' || l.kind === 'kiosk').map(withUrl),
		packs: all.filter((l) => l.kind === 'cards'),
		/** The public "you said, we did" page (editors write and publish it). */
		outcome: editor ? { ...(await outcomes.get(event.locals.db, survey.id)), url: `${origin}/s/${survey.slug}/outcome` } : null,
		invitations: {
			total: all.filter((l) => l.kind === 'organisation').length,
			submitted: all.filter((l) => l.kind === 'organisation' && links.invitationStatus(l) === 'submitted').length
		}
	};
};

/** Each action re-checks the member's right to edit this survey: forms can be posted by anyone. */
async function editing(event: Parameters<Actions[string]>[0]) {
	const ctx = await surveyFor(event as never, 'surveys:edit');
	return { ...ctx, form: await event.request.formData() };
}

function failed(result: unknown, form: string, values?: Record<string, string>) {
	if (result && typeof result === 'object' && 'status' in result && typeof result.status === 'number') {
		const data = (result as unknown as { data: { message: string; problems: Problems } }).data;
		return fail(result.status, { ...data, form, values });
	}
	return null;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '');

export const actions: Actions = {
	schedule: async (event) => {
		const { survey, actor, form } = await editing(event);
		const values = { opensAt: text(form, 'opensAt'), closesAt: text(form, 'closesAt'), responseCap: text(form, 'responseCap') };
		const problems: Problems = [];
		const opensAt = values.opensAt ? londonToIso(values.opensAt) : null;
		const closesAt = values.closesAt ? londonToIso(values.closesAt) : null;
		if (values.opensAt && !opensAt) problems.push({ path: 'opensAt', message: 'Enter the opening date and time, like 01/12/2026 09:00' });
		if (values.closesAt && !closesAt) problems.push({ path: 'closesAt', message: 'Enter the closing date and time, like 31/12/2026 17:00' });
		const cap = values.responseCap.trim() ? Number(values.responseCap.replace(/[,\s]/g, '')) : null;
		if (cap !== null && !(Number.isInteger(cap) && cap >= 1 && cap <= 10_000_000)) problems.push({ path: 'responseCap', message: 'Enter a whole number of responses from 1 to 10,000,000, or leave it empty for no limit' });
		if (problems.length) return fail(400, { form: 'schedule', message: 'Check the dates and the limit', problems, values });
		const result = await surveys.setSchedule(event.locals.db, actor, survey.id, { opensAt, closesAt, responseCap: cap }).catch(actionError(event));
		return failed(result, 'schedule', values) ?? { form: 'schedule', done: 'Dates and limit saved.' };
	},
	status: async (event) => {
		const { survey, actor, form } = await editing(event);
		const open = text(form, 'open') === '1';
		const result = await surveys.setOpen(event.locals.db, actor, survey.id, open).catch(actionError(event));
		return failed(result, 'status') ?? { form: 'status', done: open ? 'The survey is open again.' : 'The survey is closed. Nobody can start or send a response until you open it again.' };
	},
	access: async (event) => {
		const { survey, actor, form } = await editing(event);
		const result = await surveys.setAccess(event.locals.db, actor, survey.id, text(form, 'access')).catch(actionError(event));
		return failed(result, 'access') ?? { form: 'access', done: 'Saved who can answer.' };
	},
	link: async (event) => {
		const { network, survey, actor, form } = await editing(event);
		const values = { kind: text(form, 'kind') || 'public', label: text(form, 'label'), area: text(form, 'area') };
		const result = await links.createLink(event.locals.db, actor, network.id, survey.slug, values).catch(actionError(event));
		return failed(result, 'link', values) ?? { form: 'link', done: `Link “${values.label.trim()}” created.` };
	},
	pack: async (event) => {
		const { network, survey, actor, form } = await editing(event);
		const values = { label: text(form, 'label'), area: text(form, 'area'), count: text(form, 'count') };
		const result = await links.createPack(event.locals.db, actor, network.id, survey.slug, values).catch(actionError(event));
		return failed(result, 'pack', values) ?? { form: 'pack', done: `Pack “${values.label.trim()}” of ${Number(values.count)} cards created. Print it from the list below.` };
	},
	outcome: async (event) => {
		const { survey, actor, form } = await editing(event);
		const values = { youSaid: text(form, 'youSaid'), weDid: text(form, 'weDid'), publish: text(form, 'publish') };
		const result = await outcomes.save(event.locals.db, actor, survey, values).catch(actionError(event));
		return (
			failed(result, 'outcome', values) ?? {
				form: 'outcome',
				done: values.publish ? 'Published: the page is public, and the survey’s links lead to it once the survey closes.' : 'Saved. It is not public until you publish it.'
			}
		);
	},
	withdraw: async (event) => {
		const { network, survey, actor, form } = await editing(event);
		const result = await links.withdraw(event.locals.db, actor, network.id, survey.slug, text(form, 'id')).catch(actionError(event));
		return failed(result, 'withdraw') ?? { form: 'withdraw', done: 'Withdrawn: it takes no new responses. What came through it stays in the results.' };
	}
};
