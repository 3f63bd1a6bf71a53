import * as surveys from '$server/surveys/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ surveys: await surveys.listOpen(locals.db) });
