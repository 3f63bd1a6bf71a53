// `npm start`: install what is missing, build, migrate and seed the local D1 (first run
// only), then serve with `wrangler dev` and say where and how to sign in.
import { spawn } from 'node:child_process';
import { ensureDevVars, ensureNodeModules, root, run } from './ensure.mjs';

const port = process.env.PORT || '8787';
const host = process.env.HOST || '127.0.0.1';
process.env.WRANGLER_SEND_METRICS = 'false';

ensureNodeModules();
ensureDevVars();
run('npm run build --silent');
run('npx wrangler d1 migrations apply DB --local');
run('npx tsx scripts/seed.ts');

const dev = spawn('npx', ['wrangler', 'dev', '--ip', host, '--port', port, '--show-interactive-dev-session=false'], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'inherit']
});
let announced = false;
dev.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!announced && /Ready on/i.test(String(chunk))) {
    announced = true;
    const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    console.log(`
  Compassionate City Surveys is running at ${base}

  Demo surveys (Birmingham Compassionate City Network, made-up data):
    ${base}/s/employers
    ${base}/s/care-homes
    ${base}/s/memorials
    ${base}/s/homelessness
    ${base}/s/prisons

  Sign in at ${base}/login with email admin@birmingham-demo.example password compassion-demo-2026
  (also editor@, reviewer@ and data-entry@birmingham-demo.example, same password)

  Data is kept in .wrangler/state between runs. Press Ctrl+C to stop.
`);
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => dev.kill(signal));
dev.on('exit', (code) => process.exit(code ?? 0));
