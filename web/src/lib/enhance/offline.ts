/**
 * Poor signal. With JavaScript on, a survey page's answers are posted with fetch instead of
 * a page load, and kept in localStorage until the server has answered, so a dropped signal
 * never loses them: they are sent again, with the same response id, when the signal returns
 * or the survey is opened again. The server treats a repeated post of the same page (and a
 * repeated completion) as one, so sending twice is always safe; losing answers is not.
 *
 * Without SubmitEvent (very old browsers) the ordinary form post is left alone.
 * The pieces are exported so other respondent features can build on them.
 */

/** One post waiting for the server's answer. */
export interface Pending {
	/** Storage key: one entry per response and page, so a later page never overwrites an earlier one. */
	key: string;
	/** Absolute address the form posts to. */
	action: string;
	/** The form as application/x-www-form-urlencoded, including the button pressed. */
	body: string;
	savedAt: number;
}

const PREFIX = 'ccs:pending:';
/** Answers kept this long are let go rather than sent out of the blue, and stop lingering on the device. */
const MAX_AGE = 30 * 24 * 3600 * 1000;
/** A request that hears nothing for this long is given up and tried again (poor signal can hang rather than fail). */
const TIMEOUT = 30_000;
/** Gateway errors: the request never reached the application, so nothing was kept there. */
const UNREACHED = [502, 503, 504];

export const MESSAGES = {
	sending: 'Sending your answers…',
	failed: 'Your answers are not sent yet: the connection dropped. They are kept and will be sent when the signal returns.',
	restored: 'We kept the answers you gave when the signal dropped. Sending them now.'
};

const keyOf = (r: string | null, page: string | null) => PREFIX + r + ':' + page;

/** What the browser would post for this form and button. */
export function pendingFrom(form: HTMLFormElement, submitter: HTMLElement | null): Pending {
	const body = new URLSearchParams();
	// The survey has no file fields: every value is a string.
	new FormData(form).forEach((value, name) => body.append(name, value as string));
	// Appended by hand: FormData's submitter argument is too new to rely on.
	const button = submitter as HTMLButtonElement | null;
	if (button && button.name) body.append(button.name, button.value);
	return { key: keyOf(body.get('r'), body.get('page')), action: form.action /* no field is named "action" to shadow it */, body: String(body), savedAt: Date.now() };
}

/** Keep a post on the device, or forget it. Storage may be off or full (private browsing): then only the open page keeps it. */
export function keep(p: Pending, keeping = true): void {
	try {
		if (keeping) localStorage.setItem(p.key, JSON.stringify(p));
		else localStorage.removeItem(p.key);
	} catch {
		// Nothing more to do: the page still holds the answers while it is open.
	}
}

/**
 * Posts kept for the survey at this path, in no particular order (there is hardly ever more
 * than one: a page is only reached once the one before it was answered). Expired or
 * unreadable entries are removed.
 */
export function keptFor(path: string, now = Date.now()): Pending[] {
	const found: Pending[] = [];
	try {
		for (const key of Object.keys(localStorage)) {
			if (key.indexOf(PREFIX)) continue;
			let p: Pending | null = null;
			try {
				p = JSON.parse(localStorage.getItem(key) as string);
			} catch {
				// Unreadable: it could never be sent.
			}
			if (!p || !(now - p.savedAt < MAX_AGE)) localStorage.removeItem(key);
			else if (new URL(p.action).pathname === path) found.push(p);
		}
	} catch {
		// Storage is off: nothing was kept.
	}
	return found;
}

/**
 * Forget every unsent post for the survey at this path. Quick exit does this: someone who
 * has to leave the page in a hurry must not leave their answers behind on the device,
 * even at the cost of answers that never arrived.
 */
export function forgetFor(path: string): void {
	for (const p of keptFor(path)) keep(p, false);
}

/** Put kept answers back into the form they came from, so pressing its buttons again sends them, not older ones. */
export function refill(form: HTMLFormElement, body: string): void {
	const given = new URLSearchParams(body);
	// Every field a person fills in (answers, a sender's name), not the hidden ones that say which response and page.
	form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input[name]:not([type=hidden]),select[name],textarea[name]').forEach((el) => {
		const values = given.getAll(el.name);
		if (el.type === 'radio' || el.type === 'checkbox') (el as HTMLInputElement).checked = values.indexOf(el.value) >= 0;
		else el.value = values[0] || '';
	});
	// The survey script listens on the form for changes, to show and hide follow-up questions.
	form.dispatchEvent(new Event('change'));
}

/**
 * Post the answers the ordinary way, so the browser shows the server's own page (errors to
 * correct, the saved-answers code). Posting the same answers again is harmless.
 */
export function repost(p: Pending): void {
	const f = document.createElement('form');
	f.method = 'post';
	f.action = p.action;
	f.hidden = true;
	new URLSearchParams(p.body).forEach((value, name) => {
		const input = f.appendChild(document.createElement('input'));
		input.type = 'hidden';
		input.name = name;
		input.value = value;
	});
	document.body.appendChild(f);
	HTMLFormElement.prototype.submit.call(f);
}

/**
 * Send a kept post once. Resolves true when the server has answered (the entry is forgotten
 * and, when `follow`, the browser moves on to the server's next page), false when the answers
 * may not have arrived and must be tried again.
 */
export async function send(p: Pending, follow = true): Promise<boolean> {
	const abort = new AbortController();
	const timer = setTimeout(() => abort.abort(), TIMEOUT);
	let res: Response;
	try {
		res = await fetch(p.action, {
			method: 'POST',
			// As URLSearchParams the body goes as application/x-www-form-urlencoded, like the form's own post.
			body: new URLSearchParams(p.body),
			// text/html: with fetch's default Accept the server would answer a form action with JSON.
			// Same-origin credentials and following redirects are fetch's defaults.
			headers: { accept: 'text/html' },
			signal: abort.signal
		});
	} catch {
		return false;
	} finally {
		clearTimeout(timer);
	}
	// Followed a redirect: the post itself was answered, whatever became of the next page.
	if (!res.redirected && UNREACHED.indexOf(res.status) >= 0) return false;
	keep(p, false);
	if (!follow) return true;
	if (res.redirected) location.assign(res.url);
	else repost(p);
	return true;
}

/** The notice beside the buttons: a live region that is empty (and invisible) until there is news. */
function notice(form: HTMLFormElement, retry: () => void) {
	const box = document.createElement('div');
	const text = box.appendChild(document.createElement('p'));
	text.setAttribute('role', 'status');
	const again = box.appendChild(document.createElement('button'));
	again.type = 'button';
	again.className = 'secondary';
	again.textContent = 'Try again now';
	again.hidden = true;
	again.addEventListener('click', retry);
	form.insertBefore(box, form.querySelector('.actions'));
	return (message: string, canRetry = false) => {
		box.className = 'notice';
		// Unchanged text is left alone, so a screen reader does not repeat it at every retry.
		if (text.textContent !== message) text.textContent = message;
		again.hidden = !canRetry;
	};
}

/**
 * Post the survey form with fetch, keep what is not yet acknowledged, and try again with
 * backoff and whenever the browser comes back online. Answers kept from an earlier visit to
 * this survey are sent first (those of this very page are put back into the form).
 */
export function enhanceSubmit(form: HTMLFormElement): void {
	// Without SubmitEvent there is no knowing which button was pressed: leave the ordinary post
	// (browsers that have it also have fetch and AbortController).
	if (!('SubmitEvent' in window)) return;
	let busy = false;
	let current: Pending | null = null;
	let delay = 2000;
	let timer: ReturnType<typeof setTimeout> | undefined;

	const attempt = async (): Promise<void> => {
		clearTimeout(timer);
		if (busy || !current) return;
		busy = true;
		const slow = setTimeout(() => show(MESSAGES.sending), 3000);
		const answered = await send(current);
		clearTimeout(slow);
		// Answered: the browser is moving to the next page, so stay busy and send nothing more.
		if (answered) return;
		busy = false;
		show(MESSAGES.failed, true);
		timer = setTimeout(attempt, delay);
		delay = Math.min(delay * 2, 30_000);
	};
	const show = notice(form, () => {
		delay = 2000;
		void attempt();
	});

	form.addEventListener('submit', (e) => {
		e.preventDefault();
		// One post at a time: a second press while one is on its way would only duplicate it.
		if (busy) return;
		current = pendingFrom(form, e.submitter);
		keep(current);
		delay = 2000;
		void attempt();
	});
	addEventListener('online', () => void attempt());
	// Back to this page from the history cache: whatever was sending from it has been answered.
	addEventListener('pageshow', (e) => {
		if (e.persisted) (busy = false), (current = null);
	});

	// The form posts to this page's own path, with the response and page in the query.
	const waiting = keptFor(location.pathname);
	const own = pendingFrom(form, null).key;
	// A kiosk (a shared screen) must never take the next person to an earlier person's pages:
	// there, only this very page's answers are restored; anyone else's are sent quietly below.
	const restored = waiting.find((p) => p.key === own) || (!form.dataset.kiosk && waiting[0]);
	if (restored) {
		if (restored.key === own) refill(form, restored.body);
		current = restored;
		show(MESSAGES.restored);
		void attempt();
	} else waiting.reduce((sent, p) => sent.then((ok) => ok && send(p, false)), Promise.resolve(true));
}
