/** Picking the right language out of translatable strings. */
import type { I18nText, SurveyDefinition } from './survey-definition';

/** Languages written right to left. */
const RTL = new Set(['ar', 'fa', 'he', 'ps', 'ur', 'yi', 'ckb', 'sd']);

/** The survey's languages, default first. */
export function languagesOf(def: Pick<SurveyDefinition, 'languages'>): string[] {
  return def.languages?.length ? def.languages : ['en'];
}

/** The language to show: the requested one if the survey offers it, else the default. */
export function pickLanguage(def: Pick<SurveyDefinition, 'languages'>, requested: string | null | undefined): string {
  const langs = languagesOf(def);
  return requested && langs.includes(requested) ? requested : langs[0];
}

/** Text direction of a language code. */
export function direction(lang: string): 'ltr' | 'rtl' {
  return RTL.has(lang.split('-')[0]) ? 'rtl' : 'ltr';
}

/** Resolve a translatable string: the language asked for, else the default language, else any. */
export function t(text: I18nText | undefined, lang: string, fallback = 'en'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}
