import { fail } from '@sveltejs/kit';
import * as b from '$schema/builder';
import { languagesOf, t } from '$schema/i18n';
import { builderFor, editAction, field, KEPT_AFTER_CONFLICT } from '$lib/server/builder';
import type { Actions, PageServerLoad } from './$types';

/** At most this many support contacts (the definition's limit). */
const CONTACTS = 8;

export const load: PageServerLoad = async (event) => {
	const { survey, draft } = await builderFor(event);
	const def = draft.definition;
	return { slug: survey.slug, revision: draft.revision, title: t(def.title, languagesOf(def)[0]), settings: b.settingsOf(def), contactsMax: CONTACTS };
};

function readSettings(form: FormData): b.Settings {
	const one = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
		const v = field(form, name) as T;
		return allowed.includes(v) ? v : fallback;
	};
	const contacts: b.Settings['contacts'] = [];
	for (let i = 0; i < CONTACTS; i++) {
		if (form.get(`contacts.${i}.name`) === null) break;
		contacts.push({ name: field(form, `contacts.${i}.name`), description: field(form, `contacts.${i}.description`), phone: field(form, `contacts.${i}.phone`), url: field(form, `contacts.${i}.url`) });
	}
	return {
		title: field(form, 'title'),
		intro: field(form, 'intro'),
		content_note: field(form, 'content_note'),
		thank_you: field(form, 'thank_you'),
		audience: one('audience', ['residents', 'organisations'] as const, 'residents'),
		sensitivity: one('sensitivity', ['standard', 'sensitive'] as const, 'standard'),
		quick_exit: one('quick_exit', ['default', 'on', 'off'] as const, 'default'),
		signposting_intro: field(form, 'signposting_intro'),
		contacts
	};
}

export const actions: Actions = {
	default: async (event) => {
		const r = await editAction(event, 'settings', 'edited the settings', (def, form) => ({ definition: b.applySettings(def, readSettings(form)) }));
		if (!r.ok) {
			const values = readSettings(r.form);
			const data = r.failure.data;
			// Blank contacts are dropped before checking: point each problem at the row the editor sees.
			const shown = values.contacts.map((c, i) => (c.name.trim() || c.description.trim() || c.phone.trim() || c.url.trim() ? i : -1)).filter((i) => i >= 0);
			const problems = (data.problems ?? []).map((p) => ({ ...p, path: p.path.replace(/^signposting\.contacts\.(\d+)/, (_, k) => `signposting.contacts.${shown[Number(k)] ?? k}`) }));
			return fail(r.failure.status, { ...data, problems, values, ...(r.failure.status === 409 ? { message: KEPT_AFTER_CONFLICT } : {}) });
		}
		return { form: 'settings', done: 'Settings saved in the draft. Respondents see them once you publish.' };
	}
};
