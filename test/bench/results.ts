/**
 * Results at scale: 100,000 made-up responses to the employer template in a fresh local
 * D1 (the same SQLite engine and platform proxy `wrangler dev` uses). It times, through the
 * real service code, the unfiltered summary (read from the running totals), a filtered
 * summary (with its differencing check) and a cross-tab, each beside the hand-written SQL
 * GROUP BY that computes the same counts on the same D1 in the same run, and how the
 * unfiltered summary's time grows from 1,000 to 100,000 responses.
 *
 * Each time is the median of several runs after one warm-up. Options:
 *   --responses N   the largest size (default 100000); sizes are 1,000, 10,000 and N.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { templates } from '../../schema/templates';
import type { Membership } from '../../worker/accounts/authz';
import * as audit from '../../worker/audit/service';
import * as links from '../../worker/links/service';
import * as networks from '../../worker/networks/service';
import * as results from '../../worker/results/service';
import { bulkLoad } from '../../worker/seed/bulk';
import * as surveys from '../../worker/surveys/service';
import { openLocalDb, root } from '../support/local-worker';

const RUNS = 7;

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const ms = (t: number) => `${t.toFixed(1)} ms`.padStart(10);
const ratio = (a: number, b: number) => (a / b).toFixed(2);

export async function resultsBench(): Promise<void> {
  const i = process.argv.indexOf('--responses');
  const largest = i > 0 ? Number(process.argv[i + 1]) : 100_000;
  const sizes = [...new Set([1_000, 10_000, largest].filter((n) => n <= largest))];
  const dir = mkdtempSync(join(tmpdir(), 'ccs-bench-'));
  execFileSync(join(root, 'node_modules/.bin/wrangler'), ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir], {
    cwd: root,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    stdio: 'pipe'
  });
  const { db, env, dispose } = await openLocalDb(dir);
  try {
    const definition = templates.find((t) => t.slug === 'employers')!.definition;
    const network = await networks.create(db, { slug: 'bench', name: 'Benchmark network' });
    const survey = await surveys.create(db, { networkId: network.id, slug: 'employers-bench', definition });
    await surveys.publish(db, survey.id);
    const linkIds: (string | null)[] = [null];
    for (const [label, area] of [['Poster, Jewellery Quarter', 'City centre'], ['Chamber of Commerce newsletter', 'City centre'], ['HR forum', 'Edgbaston']])
      linkIds.push((await links.createLink(db, audit.SYSTEM, network.id, survey.slug, { label, area })).id);
    const viewer: Membership[] = [{ networkId: network.id, networkSlug: network.slug, networkName: network.name, role: 'reviewer' }];

    // The filter and cross-tab: people who answered through one link, and two closed questions.
    const link = linkIds[1]!;
    const [x, y] = results.axes(definition).filter((a) => a.single).map((a) => a.id);
    const filter = { link };
    const raw = (query: string, ...binds: unknown[]) => () => env.DB.prepare(query).bind(...binds).all();
    const rawUnfiltered = raw(
      `SELECT question_id, row_id, option_id, count(*), total(number), count(number), count(text) FROM answers WHERE survey_id = ? GROUP BY question_id, row_id, option_id`,
      survey.id
    );
    // The same counts as the filtered summary, written by hand: the chosen responses, then their answers.
    const rawFiltered = raw(
      `SELECT a.question_id, a.row_id, a.option_id, count(*), total(a.number), count(a.number), count(a.text), total(a.lead)
       FROM responses r CROSS JOIN answers a ON a.response_id = r.id
       WHERE r.survey_id = ? AND r.status = 'complete' AND r.link_id = ?
       GROUP BY a.question_id, a.row_id, a.option_id`,
      survey.id,
      link
    );
    const rawCross = raw(
      `SELECT a1.option_id, a2.option_id, count(*) FROM answers a1 JOIN answers a2 ON a2.response_id = a1.response_id AND a2.question_id = ? AND a2.row_id IS NULL
       WHERE a1.survey_id = ? AND a1.question_id = ? AND a1.row_id IS NULL GROUP BY a1.option_id, a2.option_id`,
      y,
      survey.id,
      x
    );

    console.log(`Employer template, ${definition.pages.flatMap((p) => p.questions).length} questions; the filter is one link of ${linkIds.length}; cross-tab ${x} × ${y}.`);
    console.log('Loading made-up responses…');
    const unfiltered: { size: number; service: number; raw: number }[] = [];
    let loaded = 0;
    let seed = 1;
    for (const size of sizes) {
      const start = performance.now();
      await bulkLoad(env.DB, { surveyId: survey.id, version: 1, definition, count: size - loaded, seed: seed++, links: linkIds });
      loaded = size;
      const answers = ((await env.DB.prepare('SELECT count(*) AS n FROM answers WHERE survey_id = ?').bind(survey.id).first()) as { n: number }).n;
      console.log(`  ${size.toLocaleString('en-GB')} responses (${answers.toLocaleString('en-GB')} answer rows), loaded in ${((performance.now() - start) / 1000).toFixed(1)} s`);
      unfiltered.push({
        size,
        service: await median(() => results.summary(db, survey.slug, viewer)),
        raw: await median(rawUnfiltered)
      });
    }

    const check = await results.summary(db, survey.slug, viewer, 'en', filter);
    if (check.filter.refused) throw new Error(`the benchmark's filter was refused: ${check.filter.refused}`);
    const filtered = { service: await median(() => results.summary(db, survey.slug, viewer, 'en', filter)), raw: await median(rawFiltered) };
    const cross = { service: await median(() => results.crossTab(db, survey.slug, viewer, { x, y })), raw: await median(rawCross) };

    console.log('\nUnfiltered summary (running totals) as the number of responses grows, beside a raw GROUP BY over all answers:');
    console.log('  responses      summary    raw GROUP BY   summary/raw');
    for (const u of unfiltered) console.log(`  ${u.size.toLocaleString('en-GB').padStart(9)}  ${ms(u.service)}  ${ms(u.raw)}      ${ratio(u.service, u.raw)}`);
    const first = unfiltered[0];
    const last = unfiltered[unfiltered.length - 1];
    console.log(`  growth ${first.size.toLocaleString('en-GB')} → ${last.size.toLocaleString('en-GB')}: summary ×${ratio(last.service, first.service)}, raw GROUP BY ×${ratio(last.raw, first.raw)}`);
    console.log(`\nAt ${last.size.toLocaleString('en-GB')} responses:`);
    console.log(`  filtered summary ${ms(filtered.service)}   raw GROUP BY ${ms(filtered.raw)}   (summary includes the differencing check and suppression)`);
    console.log(`  cross-tab        ${ms(cross.service)}   raw GROUP BY ${ms(cross.raw)}   ratio ${ratio(cross.service, cross.raw)}`);
    console.log(`unfiltered growth ${first.size}→${last.size}: ${ratio(last.service, first.service)}`);
    console.log(`filtered/raw ratio: ${ratio(filtered.service, filtered.raw)}`);
  } finally {
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
