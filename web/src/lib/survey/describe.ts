import { t } from '$schema/i18n';
import { allQuestions, OTHER, PREFER_NOT, type Condition, type Question, type SurveyDefinition } from '$schema/survey-definition';

function optionLabel(q: Question, id: string, lang: string): string {
	if (id === PREFER_NOT) return 'Prefer not to say';
	if (id === OTHER && 'other' in q && q.other) return t(q.other, lang);
	if (q.type === 'yes_no') return id === 'yes' ? 'Yes' : 'No';
	if (q.type === 'consent') return 'Agree';
	const list = 'options' in q ? q.options : 'points' in q ? q.points : [];
	const o = list.find((x) => x.id === id);
	return o ? t(o.label, lang) : id;
}

/** A condition in words, for respondents whose browser does not run the live show/hide. */
export function describeCondition(def: SurveyDefinition, c: Condition, lang: string): string {
	if ('all' in c) return c.all.map((x) => describeCondition(def, x, lang)).join(' and ');
	if ('any' in c) return c.any.map((x) => describeCondition(def, x, lang)).join(' or ');
	if ('not' in c) return `you did not say that ${describeCondition(def, c.not, lang).replace(/^you /, '')}`;
	const q = allQuestions(def).find((x) => x.question.id === c.question)?.question;
	if (!q) return '';
	const labels = c.in.map((id) => `“${optionLabel(q, id, lang)}”`).join(' or ');
	return `you answered ${labels} to “${'title' in q ? t(q.title, lang) : q.id}”`;
}
