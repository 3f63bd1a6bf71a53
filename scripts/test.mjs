// `npm test`: install what is missing (npm packages, Debian's Chromium), type-check and
// dry-run the production bundle, then run every test: unit, worker (real D1 in workerd)
// and browser (Chromium against `wrangler dev`).
import { existsSync, readFileSync } from 'node:fs';
import { ensureChromium, ensureDevVars, ensureNodeModules, root, run } from './ensure.mjs';

process.env.WRANGLER_SEND_METRICS = 'false';
ensureNodeModules();
ensureChromium();
ensureDevVars();
run('npm run check --silent');

const report = `${root}/test-results/vitest.json`;
let failed = false;
try {
  run(`npx vitest run --reporter=default --reporter=json --outputFile.json=${report}`);
} catch {
  failed = true;
}
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
}
process.exit(failed ? 1 : 0);
