import { fail } from '@sveltejs/kit';
import { can } from '$server/accounts/authz';
import * as actionService from '$server/evidence/actions';
import * as evidence from '$server/evidence/evidence';
import * as standards from '$server/evidence/standards';
import { NotFound } from '$server/errors';
import { networkFor } from '$lib/server/access';
import { actionError, guard } from '$lib/server/errors';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** One standard: its self-assessments, its next-step actions and each action's evidence; forms for editors and admins. */
export const load: PageServerLoad = async (event) => {
	const { network } = await networkFor(event, 'evidence:read');
	const db = event.locals.db;
	const detail = await standards.detail(db, network.id, event.params.id).catch(guard(event));
	const list = await actionService.listForStandard(db, network.id, detail.standard.id);
	const items = await evidence.listForActions(db, network.id, list.map((a) => a.id));
	const memberships = event.locals.auth!.memberships;
	return {
		...detail,
		actions: list.map((a) => ({ ...a, evidence: items.filter((e) => e.actionId === a.id) })),
		canManage: can(memberships, network.id, 'evidence:manage'),
		canEditWording: can(memberships, network.id, 'standards:manage')
	};
};

const fields = (form: FormData, names: string[]) => Object.fromEntries(names.map((n) => [n, String(form.get(n) ?? '')]));

/** Run a service call for a form: its problems come back to that form (`which`), with what was typed. */
async function run(event: RequestEvent, which: string, values: Record<string, string>, call: () => Promise<unknown>, done: string) {
	const result = await call().then(() => null, actionError(event));
	if (result) return fail(result.status, { ...result.data, form: which, values });
	return { form: which, done };
}

const ACTION_FIELDS = ['title', 'owner', 'status', 'target_date', 'participation', 'notes'];

export const actions: Actions = {
	assess: async (event) => {
		const { network, actor } = await networkFor(event, 'evidence:manage');
		const values = fields(await event.request.formData(), ['period', 'in_place', 'gaps', 'participation', 'which']);
		return run(event, `assess-${values.which}`, values, () => standards.assess(event.locals.db, actor, network.id, event.params.id, values), `Self-assessment for ${values.period.trim()} saved.`);
	},
	add: async (event) => {
		const { network, actor } = await networkFor(event, 'evidence:manage');
		const values = fields(await event.request.formData(), ACTION_FIELDS);
		return run(event, 'add', values, () => actionService.create(event.locals.db, actor, network.id, event.params.id, values), `Next step added: ${values.title.trim()}`);
	},
	update: async (event) => {
		const { network, actor } = await networkFor(event, 'evidence:manage');
		const form = await event.request.formData();
		const values = fields(form, [...ACTION_FIELDS, 'action']);
		// The action must belong to this standard as well as this network.
		const call = async () => {
			const a = await actionService.find(event.locals.db, network.id, values.action);
			if (a.standardId !== event.params.id) throw new NotFound('There is no such action under this standard');
			return actionService.update(event.locals.db, actor, network.id, a.id, values);
		};
		return run(event, `update-${values.action}`, values, call, `Next step saved: ${values.title.trim()}`);
	},
	evidence: async (event) => {
		const { network, actor } = await networkFor(event, 'evidence:manage');
		const values = fields(await event.request.formData(), ['action', 'kind', 'title', 'url', 'body']);
		const input = values.kind === 'link' ? values : { kind: values.kind, title: values.title, body: values.body };
		const call = async () => {
			const a = await actionService.find(event.locals.db, network.id, values.action);
			if (a.standardId !== event.params.id) throw new NotFound('There is no such action under this standard');
			return evidence.add(event.locals.db, actor, network.id, a.id, input);
		};
		return run(event, `evidence-${values.action}`, values, call, `Evidence added: ${values.title.trim()}`);
	},
	wording: async (event) => {
		const { network, actor } = await networkFor(event, 'standards:manage');
		const values = fields(await event.request.formData(), ['sector', 'title', 'description']);
		return run(event, 'wording', values, () => standards.edit(event.locals.db, actor, network.id, event.params.id, values), 'Wording saved.');
	},
	retire: async (event) => {
		const { network, actor } = await networkFor(event, 'standards:manage');
		return run(event, 'retire', {}, () => standards.retire(event.locals.db, actor, network.id, event.params.id), 'Standard retired: it no longer shows in the overview.');
	}
};
