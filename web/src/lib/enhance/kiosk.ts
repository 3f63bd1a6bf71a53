/**
 * Kiosk mode for a shared tablet: when nobody has touched the screen for a while, warn,
 * then start a fresh anonymous response so the next person never sees the last one's
 * answers. `location.replace` leaves no history entry to go back to. (With JavaScript off,
 * a <noscript> refresh does the same after a longer wait, and the thank-you page always
 * clears itself.)
 */
const IDLE_MS = 120_000;
const WARNING_MS = 30_000;

export function initKiosk(form: HTMLFormElement | null): void {
	const restart = form?.dataset.kiosk;
	if (!form || !restart) return;
	let idle: ReturnType<typeof setTimeout> | undefined;
	let clear: ReturnType<typeof setTimeout> | undefined;
	let warning: HTMLElement | null = null;

	const dismiss = () => {
		if (clear) clearTimeout(clear);
		warning?.remove();
		warning = null;
	};
	const warn = () => {
		warning = document.createElement('div');
		warning.className = 'notice kiosk-warning';
		warning.setAttribute('role', 'alert');
		const text = document.createElement('p');
		text.textContent = 'Are you still there? To keep answers private, this screen will clear for the next person in 30 seconds.';
		const stay = document.createElement('button');
		stay.type = 'button';
		stay.className = 'primary';
		stay.textContent = 'I am still here';
		stay.addEventListener('click', activity);
		warning.append(text, stay);
		form.before(warning);
		stay.focus();
		clear = setTimeout(() => location.replace(restart), WARNING_MS);
	};
	function activity() {
		dismiss();
		if (idle) clearTimeout(idle);
		idle = setTimeout(warn, IDLE_MS);
	}
	// Not `scroll`: putting the warning above the form can scroll the page by itself (scroll
	// anchoring), which would dismiss the warning the moment it appears. `wheel` and touch cover
	// someone really scrolling.
	for (const type of ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'])
		document.addEventListener(type, activity, { passive: true, capture: true });
	activity();
}
