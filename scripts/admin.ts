// Create the first admin of a network, for a real deployment or locally:
//   npm run admin -- create --network <slug> --email <email> [--name "Network name"] [--origin https://…] [--remote]
// It prints a one-time invitation link (valid 7 days) on which the admin chooses a password.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getPlatformProxy } from 'wrangler';
import { adminInvitation, toSqlText } from '../worker/accounts/bootstrap';
import type { Bindings } from '../worker/env';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    network: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    origin: { type: 'string' },
    remote: { type: 'boolean', default: false }
  }
});

if (positionals[0] !== 'create' || !values.network || !values.email) {
  console.error('Usage: npm run admin -- create --network <slug> --email <email> [--name "Network name"] [--origin https://…] [--remote]');
  process.exit(2);
}

const invitation = await adminInvitation({ networkSlug: values.network, networkName: values.name, email: values.email });
const origin = (values.origin ?? (values.remote ? '' : `http://127.0.0.1:${process.env.PORT ?? 8787}`)).replace(/\/$/, '');

if (values.remote) {
  const dir = mkdtempSync(join(tmpdir(), 'ccs-admin-'));
  const file = join(dir, 'admin.sql');
  writeFileSync(file, invitation.statements.map((s) => `${toSqlText(s)};`).join('\n'));
  try {
    execFileSync('npx', ['wrangler', 'd1', 'execute', 'DB', '--remote', '--file', file], { stdio: 'inherit' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  const { env, dispose } = await getPlatformProxy<Bindings>({ configPath: 'wrangler.toml', persist: true });
  try {
    await env.DB.batch(invitation.statements.map((s) => env.DB.prepare(toSqlText(s))));
  } finally {
    await dispose();
  }
}
console.log(`\nInvitation for ${invitation.email} to be an admin of "${values.network}" (valid 7 days, works once):\n  ${origin || '<your site>'}/invite/${invitation.token}\n`);
