import { error } from '@sveltejs/kit';
import { DomainError } from '$server/errors';

/** Map a domain error to SvelteKit's error page once; anything else propagates as a 500. */
export function rethrow(e: unknown): never {
	if (e instanceof DomainError) error(e.status, { message: e.message, code: e.code });
	throw e;
}
