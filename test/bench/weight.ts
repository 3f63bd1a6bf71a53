/**
 * Page weight of each template's first survey page, gzipped: the HTML plus every script
 * and stylesheet it loads, against the 20 KB budget, beside the same page if it shipped
 * SvelteKit's client runtime. That runtime is measured for real: the web app is built a
 * second time, in a scratch copy with client-side rendering switched on, and the entry, the
 * route's nodes and their imports are summed from that build's manifest, plus the page
 * data that hydration would embed.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { templates } from '../../schema/templates';
import { root, startLocalWorker } from '../support/local-worker';

const BUDGET = 20 * 1024;
const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

type ManifestEntry = { file: string; imports?: string[]; css?: string[]; isEntry?: boolean };

/** Build a scratch copy of web/ with client-side rendering on; returns its folder. */
function buildWithClientRuntime(): string {
  const dir = join(root, '.bench-web-csr');
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(root, 'web'), dir, { recursive: true, filter: (src) => !src.includes('.svelte-kit') });
  writeFileSync(join(dir, 'src/routes/+layout.ts'), 'export const csr = true;\n');
  execFileSync('npx', ['svelte-kit', 'sync'], { cwd: dir, stdio: 'ignore' });
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: dir, stdio: 'ignore' });
  return dir;
}

/** Gzipped size of the client runtime a page of the route `s/[slug]` would load with csr on. */
function runtimeWeight(): number {
  const web = buildWithClientRuntime();
  try {
    return measureRuntime(web);
  } finally {
    rmSync(web, { recursive: true, force: true });
  }
}

function measureRuntime(web: string): number {
  const client = join(web, '.svelte-kit/output/client');
  const manifest = JSON.parse(readFileSync(join(client, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestEntry>;
  const wanted = Object.keys(manifest).filter(
    (k) => /runtime\/client\/entry\.js$/.test(k) || /client-optimized\/app\.js$/.test(k) || (/client-optimized\/nodes\/\d+\.js$/.test(k) && routeNode(k))
  );
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    manifest[key].imports?.forEach(visit);
  };
  wanted.forEach(visit);
  return [...seen].reduce((sum, k) => sum + gz(readFileSync(join(client, manifest[k].file))), 0);

  function routeNode(key: string): boolean {
    // node 0 is the root layout; the survey page and its layout are the nodes whose component is under routes/s/.
    if (/nodes\/0\.js$/.test(key)) return true;
    const src = readFileSync(join(web, key), 'utf8');
    return /routes\/s\/(\+layout|\[slug\]\/\+page)/.test(src);
  }
}

export async function weight(): Promise<void> {
  const worker = await startLocalWorker();
  try {
    const runtime = runtimeWeight();
    console.log(`SvelteKit client runtime for the survey route: ${kb(runtime)} gzipped\n`);
    console.log('page                       html    assets   total   budget  with runtime  total/budget  total/with-runtime');
    for (const t of templates) {
      const res = await fetch(`${worker.baseURL}/s/${t.slug}`);
      const html = await res.text();
      const assets = [...html.matchAll(/<(?:script[^>]+src|link[^>]+href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => u.startsWith('/'));
      let assetBytes = 0;
      for (const a of assets) assetBytes += gz(Buffer.from(await (await fetch(`${worker.baseURL}${a}`)).arrayBuffer()));
      const page = gz(html);
      const total = page + assetBytes;
      const data = gz(JSON.stringify(t.definition));
      const withRuntime = total + runtime + data;
      console.log(
        `/s/${t.slug}`.padEnd(24),
        kb(page).padStart(8),
        kb(assetBytes).padStart(8),
        kb(total).padStart(8),
        kb(BUDGET).padStart(8),
        kb(withRuntime).padStart(13),
        (total / BUDGET).toFixed(2).padStart(13),
        (total / withRuntime).toFixed(2).padStart(19)
      );
    }
  } finally {
    await worker.stop();
  }
}
