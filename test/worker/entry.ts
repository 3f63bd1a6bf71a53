// The Worker under test: the real API app (the SvelteKit half is covered by the browser tests).
import { createApi } from '../../worker/app';

export default { fetch: createApi().fetch };
