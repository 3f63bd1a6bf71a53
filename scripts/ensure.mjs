// Install what is missing, so `npm start` and `npm test` work on a fresh machine.
// Plain Node with no dependencies: it runs before anything is installed.
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function run(cmd, opts = {}) {
  console.log(`$ ${cmd}`);
  execSync(cmd, { stdio: 'inherit', cwd: root, ...opts });
}

/** npm packages: install when node_modules is missing or older than the lock file. */
export function ensureNodeModules() {
  const marker = resolve(root, 'node_modules/.package-lock.json');
  const lock = resolve(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  run('npm ci --no-audit --no-fund');
}

/** Debian's Chromium for the browser tests (never a downloaded browser build). */
export function ensureChromium() {
  if (process.env.CHROMIUM_PATH || existsSync('/usr/bin/chromium')) return;
  const sudo = process.getuid && process.getuid() !== 0 ? 'sudo ' : '';
  run(`${sudo}apt-get update -qq`);
  run(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`);
}

/** Local secrets for `wrangler dev` (.dev.vars, never committed): a random password pepper. */
export function ensureDevVars() {
  const file = resolve(root, '.dev.vars');
  if (existsSync(file)) return;
  writeFileSync(file, `# Local secrets for wrangler dev. In production: npx wrangler secret put PASSWORD_PEPPER\nPASSWORD_PEPPER=${randomBytes(32).toString('hex')}\n`);
  console.log('Wrote .dev.vars with a new local PASSWORD_PEPPER.');
}
