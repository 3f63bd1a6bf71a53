/**
 * The only script on respondent pages (bundled by scripts/build-enhance.mjs, a few KB).
 * Everything works without it; with it, questions show and hide as answers change
 * (the same `evaluate` the server uses), exclusive options clear the others, the error
 * summary takes focus, quick exit leaves no history entry, and answers survive a poor signal
 * (sent once at a time, kept until the server answers: see offline.ts).
 */
import { evaluate, type ChoiceMap } from '../../../../schema/logic';
import type { Condition } from '../../../../schema/survey-definition';
import { initKiosk } from './kiosk';
import { enhanceSubmit, forgetFor } from './offline';

function init(): void {
	const form = document.querySelector<HTMLFormElement>('form[data-survey-form]');
	document.querySelector<HTMLElement>('[data-error-summary]')?.focus();
	document.querySelectorAll<HTMLAnchorElement>('a[data-quick-exit]').forEach((a) =>
		a.addEventListener('click', (e) => {
			e.preventDefault();
			forgetFor(location.pathname);
			location.replace(a.href);
		})
	);
	if (!form) return;

	const earlier: ChoiceMap = JSON.parse(form.dataset.earlier || '{}');
	const questions = [...form.querySelectorAll<HTMLElement>('[data-question]')];

	const update = () => {
		const chosen: Record<string, string[]> = { ...(earlier as Record<string, string[]>) };
		for (const el of questions) {
			const cond = el.dataset.showIf;
			const show = !cond || evaluate(JSON.parse(cond) as Condition, chosen);
			el.hidden = !show;
			el.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input,select,textarea').forEach((i) => (i.disabled = !show));
			el.querySelector<HTMLElement>('.when')?.setAttribute('hidden', '');
			if (!show) continue;
			const id = el.dataset.question as string;
			const picked = [...el.querySelectorAll<HTMLInputElement>(`input[name="q.${id}"]:checked`)].map((i) => i.value);
			if (picked.length) chosen[id] = picked;
		}
	};

	form.addEventListener('change', (e) => {
		const input = e.target as HTMLInputElement;
		if (input.type === 'checkbox' && input.checked) {
			const group = form.querySelectorAll<HTMLInputElement>(`input[type=checkbox][name="${CSS.escape(input.name)}"]`);
			const exclusive = input.hasAttribute('data-exclusive');
			group.forEach((other) => {
				if (other !== input && (exclusive || other.hasAttribute('data-exclusive'))) other.checked = false;
			});
		}
		update();
	});
	form.addEventListener('input', (e) => {
		const input = e.target as HTMLInputElement;
		if (input.name.endsWith('.other') && input.value) {
			const choice = form.querySelector<HTMLInputElement>(`input[name="${CSS.escape(input.name.slice(0, -6))}"][value="other"]`);
			if (choice && !choice.checked) {
				choice.checked = true;
				update();
			}
		}
	});
	update();
	// The builder's preview shows and hides live too, but keeps nothing and is never a kiosk.
	if (form.hasAttribute('data-preview')) return;
	// After `update` is listening: answers kept from a dropped signal are put back with a change event.
	enhanceSubmit(form);
	initKiosk(form);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
