// Seed the local D1 with the demo network (first run only), through the real services.
// Usage: tsx scripts/seed.ts [--persist-to DIR]   (DIR as given to `wrangler dev --persist-to`)
import { getPlatformProxy } from 'wrangler';
import { createDb } from '../worker/db';
import type { Bindings } from '../worker/env';
import { seedDemo } from '../worker/seed/demo';

const i = process.argv.indexOf('--persist-to');
const persistTo = i > 0 ? process.argv[i + 1] : undefined;
const { env, dispose } = await getPlatformProxy<Bindings>({
  configPath: 'wrangler.toml',
  persist: persistTo ? { path: `${persistTo}/v3` } : true
});
try {
  const result = await seedDemo(createDb(env.DB), { pepper: env.PASSWORD_PEPPER });
  console.log(
    result.seeded
      ? `Seeded the demo network "${result.network}" with ${result.surveys.length} published surveys.`
      : `The demo network "${result.network}" is already there; nothing seeded.`
  );
} finally {
  await dispose();
}
