/**
 * Browser-test world: a fresh local D1 in a temporary folder, the real migrations and the
 * demo seed applied, a closed survey added, and the built Worker served by `wrangler dev`
 * on a free port. Tests get its address through `inject('baseURL')`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { getPlatformProxy } from 'wrangler';
import { createDb } from '../../worker/db';
import type { Bindings } from '../../worker/env';
import * as networks from '../../worker/networks/service';
import { seedDemo } from '../../worker/seed/demo';
import * as surveys from '../../worker/surveys/service';
import { sql } from 'drizzle-orm';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

const root = resolve(import.meta.dirname, '../..');
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

export default async function setup(project: TestProject) {
  if (!existsSync(join(root, 'web/.svelte-kit/cloudflare/_worker.js')))
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'ccs-e2e-'));
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };
  execFileSync(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir], { cwd: root, env, stdio: 'pipe' });

  const proxy = await getPlatformProxy<Bindings>({ configPath: join(root, 'wrangler.toml'), persist: { path: join(dir, 'v3') } });
  try {
    const db = createDb(proxy.env.DB);
    await seedDemo(db);
    const network = await networks.findBySlug(db, 'birmingham-demo');
    const closed = await surveys.create(db, {
      networkId: network!.id,
      slug: 'closed-survey',
      definition: { format: 1, title: 'A survey that has closed', pages: [{ id: 'p', questions: [{ id: 'q', type: 'yes_no', title: 'Yes?' }] }] }
    });
    await surveys.publish(db, closed.id);
    await db.run(sql`UPDATE surveys SET status = 'closed' WHERE id = ${closed.id}`);
  } finally {
    await proxy.dispose();
  }

  const port = await freePort();
  const server = spawn(wrangler, ['dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', dir, '--show-interactive-dev-session=false', '--log-level', 'warn'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit']
  });
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
  project.provide('baseURL', baseURL);

  return async () => {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  };
}
