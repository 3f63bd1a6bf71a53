import type { SignedIn } from '$server/accounts/sessions';
import type { Db } from '$server/db';
import type { Bindings } from '$server/env';

declare global {
	namespace App {
		interface Locals {
			db: Db;
			/** Who is signed in, or null. */
			auth: SignedIn | null;
			/** Language and direction of the page, for <html lang dir>. */
			lang?: string;
			dir?: 'ltr' | 'rtl';
		}
		interface Platform {
			env: Bindings;
			ctx: ExecutionContext;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
