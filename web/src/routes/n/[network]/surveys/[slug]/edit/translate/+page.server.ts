import { fail, redirect } from '@sveltejs/kit';
import * as b from '$schema/builder';
import { direction, languagesOf, t } from '$schema/i18n';
import { LanguageCode } from '$schema/survey-definition';
import { builderFor, editAction, field, KEPT_AFTER_CONFLICT } from '$lib/server/builder';
import type { Actions, PageServerLoad } from './$types';

/** Languages offered first when adding one: those most spoken in English cities after English, and Welsh. */
const COMMON = ['ur', 'pa', 'bn', 'ar', 'so', 'pl', 'ro', 'zh', 'gu', 'ps', 'fa', 'ku', 'ti', 'uk', 'pt', 'es', 'fr', 'cy'];

export const load: PageServerLoad = async (event) => {
	const { survey, draft } = await builderFor(event);
	const def = draft.definition;
	const langs = languagesOf(def);
	const requested = event.url.searchParams.get('lang');
	const lang = requested && langs.slice(1).includes(requested) ? requested : (langs[1] ?? null);
	const onlyMissing = event.url.searchParams.get('show') === 'missing';
	const entries = lang
		? b.textEntries(def).map((e) => ({ key: e.key, where: e.where, question: e.question ?? null, source: b.textIn(e.text, langs[0], langs[0]), text: b.textIn(e.text, lang, langs[0]) }))
		: [];
	return {
		slug: survey.slug,
		revision: draft.revision,
		title: t(def.title, langs[0]),
		languages: langs,
		lang,
		dir: lang ? direction(lang) : 'ltr',
		missing: b.missingTranslations(def),
		entries: onlyMissing ? entries.filter((e) => !e.text) : entries,
		total: entries.length,
		onlyMissing,
		suggestions: COMMON.filter((c) => !langs.includes(c))
	};
};

export const actions: Actions = {
	add: async (event) => {
		let code = '';
		const r = await editAction(event, 'add', 'added a language', (def, form) => {
			code = (field(form, 'other').trim() || field(form, 'lang')).trim();
			if (!code) throw new b.EditRefused('Choose a language, or enter its code', 'lang');
			if (!LanguageCode.safeParse(code).success) throw new b.EditRefused('Enter a language code like “ur”, “pa” or “pa-Guru”', 'other');
			return { definition: b.addLanguage(def, code) };
		});
		if (!r.ok) return r.failure;
		redirect(303, `/n/${event.params.network}/surveys/${event.params.slug}/edit/translate?lang=${encodeURIComponent(code)}&added=1`);
	},
	remove: async (event) => {
		const r = await editAction(event, 'remove', 'removed a language', (def, form) => ({ definition: b.removeLanguage(def, field(form, 'lang')) }));
		if (!r.ok) return r.failure;
		return { form: 'remove', done: 'Language removed, with its translations.' };
	},
	save: async (event) => {
		const read = (form: FormData) => {
			const values: Record<string, string> = {};
			for (const [key, value] of form) if (key.startsWith('t:') && typeof value === 'string') values[key.slice(2)] = value.slice(0, 4000);
			return values;
		};
		let lang = '';
		const r = await editAction(event, 'save', 'translated', (def, form) => {
			lang = field(form, 'lang');
			return { definition: b.setTranslations(def, lang, read(form)) };
		});
		if (!r.ok) return fail(r.failure.status, { ...r.failure.data, values: read(r.form), ...(r.failure.status === 409 ? { message: KEPT_AFTER_CONFLICT } : {}) });
		const left = b.missingTranslations(r.result.definition).find((m) => m.lang === lang);
		return { form: 'save', done: `Translations saved in the draft.${left?.missing ? ` ${left.missing} still to do.` : ' Every text is translated.'}` };
	}
};
