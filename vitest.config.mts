import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' }
      },
      {
        // Worker tests run inside workerd against a real local D1 with the real migrations.
        plugins: [
          cloudflareTest(async () => ({
            main: './test/worker/entry.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: { TEST_MIGRATIONS: await readD1Migrations('./schema/migrations'), PASSWORD_PEPPER: 'test-pepper-not-secret' }
            }
          }))
        ],
        test: { name: 'worker', include: ['test/worker/**/*.test.ts'], setupFiles: ['./test/worker/setup.ts'] }
      },
      {
        // Browser tests: Debian's Chromium driven by playwright-core against `wrangler dev`.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./test/e2e/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false
        }
      }
    ]
  }
});
