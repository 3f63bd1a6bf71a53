import { error } from '@sveltejs/kit';
import * as surveys from '$server/surveys/service';
import { surveyFor } from '$lib/server/survey';
import type { RequestHandler } from './$types';

/**
 * A survey's definition as our JSON, to keep, share or import elsewhere: the draft for
 * editors (`?draft`), otherwise a published version (`?version=N`, default the live one).
 * It names the JSON Schema it follows, so editors can check it.
 */
export const GET: RequestHandler = async (event) => {
	const wantsDraft = event.url.searchParams.has('draft');
	const { survey } = await surveyFor(event, wantsDraft ? 'surveys:edit' : 'network:view');
	const asked = event.url.searchParams.get('version');
	let definition: unknown;
	let suffix: string;
	if (wantsDraft) {
		definition = surveys.parseDraft(survey);
		suffix = 'draft';
	} else {
		const version = asked === null ? survey.currentVersion : Number(asked);
		if (version === null) error(404, { message: 'This survey has not been published yet: export its draft instead.' });
		if (!Number.isInteger(version) || version < 1) error(400, { message: 'The version must be a whole number from 1.' });
		definition = await surveys.definitionOf(event.locals.db, survey.id, version).catch(() => error(404, { message: `There is no version ${version} of this survey.` }));
		suffix = `v${version}`;
	}
	const body = JSON.stringify({ $schema: `${event.url.origin}/api/schema/survey-definition.json`, ...(definition as object) }, null, 2);
	return new Response(body, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${survey.slug}-${suffix}.json"`,
			'cache-control': 'no-store'
		}
	});
};
