import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { DomainError, InvalidInput, Unauthenticated } from '$server/errors';

/** Map a domain error to SvelteKit's error page once; anything else propagates as a 500. */
export function rethrow(e: unknown): never {
	if (e instanceof DomainError) error(e.status, { message: e.message, code: e.code });
	throw e;
}

/** The sign-in page, coming back here afterwards. */
export function toSignIn(url: URL): never {
	redirect(303, `/login?${new URLSearchParams({ next: url.pathname + url.search })}`);
}

/** For loads of member pages: not signed in → the sign-in page; other domain errors → the error page. */
export function guard(event: Pick<RequestEvent, 'url'>) {
	return (e: unknown): never => {
		if (e instanceof Unauthenticated) toSignIn(event.url);
		rethrow(e);
	};
}

/** For form actions: invalid input → fail(status, {message, problems}) for the form to show; the rest as in guard. */
export function actionError(event: Pick<RequestEvent, 'url'>) {
	return (e: unknown) => {
		if (e instanceof InvalidInput) return fail(400, { message: e.message, problems: e.problems as { path: string; message: string }[] });
		if (e instanceof DomainError && (e.status === 409 || e.status === 429 || e.status === 410))
			return fail(e.status, { message: e.message, problems: [] as { path: string; message: string }[] });
		return guard(event)(e);
	};
}

/** A `next` parameter, if it is a same-origin relative path; otherwise the fallback. */
export function safeNext(next: string | null, fallback = '/account'): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\u0000-\u001f]/.test(next)) return fallback;
	return next;
}
