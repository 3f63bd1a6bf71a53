// Bundle the respondent pages' enhancement script (web/src/lib/enhance/survey.ts, which
// imports the shared show-if logic from schema/) into one small file that the page
// imports with Vite's `?url`, so it is served hashed and cached from /_app/immutable.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = resolve(root, 'web/src/lib/generated/survey-enhance.js');
mkdirSync(dirname(outfile), { recursive: true });
await build({
  entryPoints: [resolve(root, 'web/src/lib/enhance/survey.ts')],
  outfile,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2019', 'safari12', 'chrome70', 'firefox68'],
  legalComments: 'none',
  logLevel: 'warning'
});
