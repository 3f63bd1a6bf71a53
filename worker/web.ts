// The one import of SvelteKit's build output (web/.svelte-kit/cloudflare, made by `npm run build`).
// @ts-ignore -- generated JavaScript without types; it exists once the web app is built.
import sveltekit from '../web/.svelte-kit/cloudflare/_worker.js';
import type { Bindings } from './env';

/** SvelteKit's fetch handler: pages and form actions. */
export const web = sveltekit as { fetch(request: Request, env: Bindings, ctx: ExecutionContext): Promise<Response> };
