import { choices, type Answers } from '$schema/answers';
import { dependencies, evaluate } from '$schema/logic';
import type { Page, SurveyDefinition } from '$schema/survey-definition';
import { describeCondition } from './describe';

/**
 * What a survey page shows, given the answers on other pages: conditions that look only at
 * other pages are settled here; those that look at this page are left to the respondent
 * (described in words) and to the enhancement script (the condition as JSON). Used by the
 * respondent page and the builder's preview, so the preview shows exactly what respondents see.
 */
export function placeQuestions(def: SurveyDefinition, page: Page, answers: Answers, lang: string) {
	const onPage = new Set(page.questions.map((q) => q.id));
	const earlier = choices(Object.fromEntries(Object.entries(answers).filter(([id]) => !onPage.has(id))));
	const questions = page.questions
		.map((q) => {
			if (!q.show_if) return { q, show: true };
			if (![...dependencies(q.show_if)].some((d) => onPage.has(d))) return { q, show: evaluate(q.show_if, earlier) };
			return { q, show: true, condition: describeCondition(def, q.show_if, lang), json: JSON.stringify(q.show_if) };
		})
		.filter((x) => x.show);
	return { earlier, questions };
}
