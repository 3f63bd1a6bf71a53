/**
 * Benchmarks, not part of pass/fail: `npm run bench -- <name>`. Each prints its figures as
 * ratios against a baseline measured in the same run.
 */
import { builderBench } from './builder';
import { resultsBench } from './results';
import { weight } from './weight';

const benches: Record<string, () => Promise<void>> = { weight, results: resultsBench, builder: builderBench };
// Names, not flags or the values that follow flags (`--responses 1000`).
const names = process.argv.slice(2).filter((a, i, all) => !a.startsWith('-') && !all[i - 1]?.startsWith('-'));
const chosen = names.length ? names : Object.keys(benches);
for (const name of chosen) {
  const bench = benches[name];
  if (!bench) {
    console.error(`Unknown benchmark "${name}". Choose from: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n== ${name} ==`);
  await bench();
}
