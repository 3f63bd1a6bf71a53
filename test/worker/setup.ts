import { applyD1Migrations, env } from 'cloudflare:test';

// The real migrations, applied to the test D1 before every test file (idempotent).
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
