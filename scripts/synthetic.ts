// Add made-up complete responses to a published survey in the local D1, for trying the
// results pages at scale: npm run synthetic -- --survey employers --count 100000
// Options: --survey SLUG (default employers), --count N (default 100000), --seed N,
// --persist-to DIR (as given to `wrangler dev --persist-to`). The survey's links share
// the responses (public and kiosk links: an invitation or card takes one response only). The demo network is marked as made-up data; use it, not a real one.
import { and, eq, inArray } from 'drizzle-orm';
import { getPlatformProxy } from 'wrangler';
import { links } from '../schema/tables';
import { createDb } from '../worker/db';
import type { Bindings } from '../worker/env';
import { bulkLoad } from '../worker/seed/bulk';
import * as surveys from '../worker/surveys/service';

const arg = (name: string, fallback?: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const slug = arg('survey', 'employers')!;
const count = Number(arg('count', '100000'));
const seed = Number(arg('seed', String(Date.now() % 100000)));
const persistTo = arg('persist-to');
if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
  console.error('--count must be a whole number from 1 to 1,000,000');
  process.exit(2);
}
const { env, dispose } = await getPlatformProxy<Bindings>({ configPath: 'wrangler.toml', persist: persistTo ? { path: `${persistTo}/v3` } : true });
try {
  const db = createDb(env.DB);
  const survey = await surveys.findBySlug(db, slug);
  if (!survey || survey.currentVersion === null) throw new Error(`No published survey at /s/${slug} in the local database (run npm start once first).`);
  if (!survey.network.isDemo) throw new Error(`/s/${slug} belongs to "${survey.network.name}", which is not a demo network: made-up responses go only into demo networks.`);
  const definition = await surveys.definitionOf(db, survey.id, survey.currentVersion);
  const ids = (await db.select({ id: links.id }).from(links).where(and(eq(links.surveyId, survey.id), inArray(links.kind, ['public', 'kiosk']))).all()).map((l) => l.id);
  const start = performance.now();
  await bulkLoad(env.DB, { surveyId: survey.id, version: survey.currentVersion, definition, count, seed, links: [null, ...ids] });
  console.log(`Added ${count.toLocaleString('en-GB')} made-up responses to /s/${slug} in ${((performance.now() - start) / 1000).toFixed(1)} s.`);
} finally {
  await dispose();
}
