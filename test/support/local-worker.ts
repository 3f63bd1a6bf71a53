/**
 * The built Worker served by `wrangler dev` over a fresh local D1 in a temporary folder,
 * with the real migrations applied and the demo seeded: used by the browser tests and
 * the benchmarks. Only loopback addresses are used.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { createDb, type Db } from '../../worker/db';
import type { Bindings } from '../../worker/env';
import { seedDemo } from '../../worker/seed/demo';
import { ensureDevVars } from '../../scripts/ensure.mjs';

export const root = resolve(import.meta.dirname, '../..');
const wrangler = join(root, 'node_modules/.bin/wrangler');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

/** Build the web app if it has not been built. */
export function ensureBuilt(): void {
  if (!existsSync(join(root, 'web/.svelte-kit/cloudflare/_worker.js')))
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
}

/** A migrated local D1 in `dir`, opened through wrangler's platform proxy (close it before serving). */
export async function openLocalDb(dir: string): Promise<{ db: Db; env: Bindings; dispose: () => Promise<void> }> {
  const proxy = await getPlatformProxy<Bindings>({ configPath: join(root, 'wrangler.toml'), persist: { path: join(dir, 'v3') } });
  return { db: createDb(proxy.env.DB), env: proxy.env, dispose: () => proxy.dispose() };
}

/** Start the Worker on a free port over a fresh, migrated and seeded D1; `prepare` may add data first. */
export async function startLocalWorker(prepare?: (db: Db, env: Bindings) => Promise<void>): Promise<{ baseURL: string; dir: string; stop: () => Promise<void> }> {
  ensureBuilt();
  ensureDevVars();
  const dir = mkdtempSync(join(tmpdir(), 'ccs-'));
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };
  execFileSync(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir], { cwd: root, env, stdio: 'pipe' });
  const local = await openLocalDb(dir);
  try {
    await seedDemo(local.db, { pepper: local.env.PASSWORD_PEPPER });
    await prepare?.(local.db, local.env);
  } finally {
    await local.dispose();
  }

  const port = await freePort();
  const server = spawn(
    wrangler,
    ['dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', dir, '--test-scheduled', '--show-interactive-dev-session=false', '--log-level', 'warn'],
    { cwd: root, env, detached: true, stdio: ['ignore', 'inherit', 'inherit'] }
  );
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`wrangler dev exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('wrangler dev did not start within 90 s');
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseURL,
    dir,
    stop: async () => {
      try {
        process.kill(-server.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 500));
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
