/**
 * The results pages in Chromium, with JavaScript off as a reviewer would often have them
 * printed: charts with their data tables, filters and cross-tabs through plain GET forms,
 * refusals that show no figures, an organisation's answers beside everyone's, and axe on
 * every view.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, clickAndLoad, useBrowser } from './browser';
import { count, query } from './db';
import { PEOPLE, signIn } from './people';

const base = inject('baseURL');
const browser = useBrowser();
let reviewer: Page;

beforeAll(async () => {
  reviewer = await browser().newPage({ javaScriptEnabled: false });
  await signIn(reviewer, base, PEOPLE.reviewer);
});

const responseCount = async (page: Page) => (await page.getByTestId('response-count').textContent())!.replace(/\D+/g, '');

describe('results', () => {
  it('show every chart with its data table, and pass axe, in print too', async () => {
    await reviewer.goto(`${base}/surveys/employers/results`);
    expect(await axeViolations(reviewer)).toEqual([]);
    const charts = reviewer.locator('svg.chart');
    expect(await charts.count()).toBeGreaterThan(5);
    // Each chart is a picture of the table right after it: named as such, the figures in the table.
    const pairs = await charts.evaluateAll((svgs) =>
      svgs.map((s) => ({ label: s.getAttribute('aria-label') ?? '', role: s.getAttribute('role'), next: s.nextElementSibling?.tagName }))
    );
    for (const p of pairs) {
      expect(p.role).toBe('img');
      expect(p.label).toMatch(/The figures are in the table below it/);
      expect(p.next).toBe('TABLE');
    }
    // Suppressed figures show as such in both, never as a bar's length.
    expect(await reviewer.locator('svg.chart text', { hasText: 'fewer than 5' }).count()).toBeGreaterThan(0);
    expect(await reviewer.locator('table td', { hasText: 'fewer than 5' }).count()).toBeGreaterThan(0);
    await reviewer.emulateMedia({ media: 'print' });
    expect(await reviewer.locator('details.filters').first().isVisible()).toBe(false);
    expect(await charts.first().isVisible()).toBe(true);
    const pdf = await reviewer.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await reviewer.emulateMedia({ media: 'screen' });
  });

  it('filter through a plain form, with the figures of exactly the people chosen', async () => {
    // The memorial survey's busiest link, as the demo seeded it.
    const [busiest] = query<{ id: string; label: string; n: number }>(
      `SELECT l.id, l.label, count(*) AS n FROM responses r JOIN links l ON l.id = r.link_id JOIN surveys s ON s.id = r.survey_id
       WHERE s.slug = 'memorials' AND r.status = 'complete' GROUP BY l.id ORDER BY n DESC LIMIT 1`
    );
    const total = count(`SELECT count(*) AS n FROM responses r JOIN surveys s ON s.id = r.survey_id WHERE s.slug = 'memorials' AND r.status = 'complete'`);
    expect(busiest.n).toBeGreaterThanOrEqual(5);
    expect(total - busiest.n).toBeGreaterThanOrEqual(5);
    await reviewer.goto(`${base}/surveys/memorials/results`);
    await reviewer.getByText('Filter these results').click();
    await reviewer.getByLabel('Link or QR code').selectOption(busiest.id);
    await clickAndLoad(reviewer, reviewer.getByRole('button', { name: 'Show results' }));
    expect(new URL(reviewer.url()).searchParams.get('link')).toBe(busiest.id);
    expect(await responseCount(reviewer)).toBe(String(busiest.n));
    await expect(reviewer.getByRole('status').textContent()).resolves.toContain(`Link: ${busiest.label}`);
    expect(await axeViolations(reviewer)).toEqual([]);
    // The downloads carry the same filter.
    const csv = await reviewer.request.get(`${base}${await reviewer.getByRole('link', { name: 'CSV' }).first().getAttribute('href')}`);
    expect(await csv.text()).toContain(busiest.label);
  });

  it('refuse a filter that would single out a small group, and show none of its figures', async () => {
    // An answer fewer than the minimum (10 for this sensitive survey) people gave.
    const [small] = query<{ question: string; option: string; n: number }>(
      `SELECT a.question_id AS question, a.option_id AS option, count(*) AS n FROM answers a JOIN surveys s ON s.id = a.survey_id
       WHERE s.slug = 'homelessness' AND a.row_id IS NULL AND a.option_id IS NOT NULL AND a.option_id <> 'other'
       AND a.question_id IN ('${['where_staying', 'worry_health', 'worry_dying', 'being_remembered'].join("','")}')
       GROUP BY 1, 2 HAVING count(*) BETWEEN 1 AND 9 LIMIT 1`
    );
    expect(small, 'the demo has a small group to try').toBeTruthy();
    const res = await reviewer.goto(`${base}/surveys/homelessness/results?q=${small.question}&a=${small.option}`);
    expect(res?.status()).toBe(200);
    await expect(reviewer.getByRole('status').textContent()).resolves.toMatch(/cannot be shown: .* fewer than 10 people/);
    expect(await reviewer.locator('section.result').count()).toBe(0);
    expect(await reviewer.locator('svg.chart').count()).toBe(0);
    await expect(reviewer.getByTestId('response-count').textContent()).resolves.toMatch(/not shown$/);
    expect(await axeViolations(reviewer)).toEqual([]);
    // The API refuses it too, with the reason.
    const api = await reviewer.request.get(`${base}/api/surveys/homelessness/results?q=${small.question}&a=${small.option}`);
    expect(api.status()).toBe(422);
    expect(JSON.stringify(await api.json())).not.toMatch(/"count":\s*\d/);
  });

  it('compare two questions in a cross-tab with totals and hidden small cells', async () => {
    await reviewer.goto(`${base}/surveys/memorials/results`);
    await reviewer.getByText('Compare the answers to two questions').click();
    await reviewer.getByLabel('Rows: answers to').selectOption('place_to_remember_importance');
    await reviewer.getByLabel('Columns: answers to').selectOption('local_places_known');
    await clickAndLoad(reviewer, reviewer.getByRole('button', { name: 'Show the table' }));
    await expect(reviewer.locator('#crosstab-title').textContent()).resolves.toMatch(/How important is it.*by.*Do you know of places/s);
    const table = reviewer.locator('section.crosstab table');
    expect(await table.count()).toBe(1);
    const both = count(
      `SELECT count(DISTINCT a1.response_id) AS n FROM answers a1 JOIN answers a2 ON a2.response_id = a1.response_id AND a2.question_id = 'local_places_known'
       JOIN surveys s ON s.id = a1.survey_id WHERE s.slug = 'memorials' AND a1.question_id = 'place_to_remember_importance'`
    );
    await expect(table.locator('tfoot td').last().textContent()).resolves.toBe(String(both));
    expect(await table.locator('td', { hasText: 'fewer than 5' }).count()).toBeGreaterThan(0);
    expect(await axeViolations(reviewer)).toEqual([]);
    const bad = await reviewer.goto(`${base}/surveys/memorials/results?x=place_to_remember_importance&y=no_such_question`);
    expect(bad?.status()).toBe(400);
  });

  it('show an organisation its sent answers beside everyone’s', async () => {
    const editor = await browser().newPage();
    await signIn(editor, base, PEOPLE.editor);
    await editor.goto(`${base}/n/birmingham-demo/surveys/employers/invitations`);
    const url = (await editor.getByRole('row').filter({ hasText: /submitted/ }).first().locator('.link-to-copy').textContent())!.trim();
    const page = await browser().newPage({ javaScriptEnabled: false });
    await page.goto(url);
    await expect(page.locator('main').textContent()).resolves.toMatch(/has sent its answers/);
    const across = page.locator('.across');
    expect(await across.count()).toBeGreaterThan(3);
    await expect(across.first().textContent()).resolves.toMatch(/Across the network: .*(\d+(\.\d)?% \(\d+ of those who answered\)|fewer than 5 people)/);
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([page.close(), editor.close()]);
  });
});
