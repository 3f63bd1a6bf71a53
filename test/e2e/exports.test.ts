/**
 * Exports end to end in Chromium against the built Worker: a reviewer downloads the
 * results as CSV and xlsx from the results page (the same figures as the results API,
 * hidden ones as "fewer than N") and is refused the raw responses; an editor downloads
 * every response from the survey's hub, with a respondent's formula neutralised; every
 * download is in the audit log; the pages with download links stay accessible.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { templates } from '../../schema/templates';
import { random, syntheticAnswers } from '../../worker/seed/synthetic';
import { parseCsv } from '../../worker/organisations/csv';
import { axeViolations, useBrowser } from './browser';
import { count, query } from './db';
import { apiCookie, PEOPLE, signIn } from './people';

const base = inject('baseURL');
const browser = useBrowser();
const NETWORK = 'birmingham-demo';
const SLUG = 'employers';
const PAYLOAD = '=HYPERLINK("http://evil.example","click")';

type Results = { survey: { minGroupSize: number }; questions: { id: string; title: string; options: { label: string; count: number | null; suppressed: boolean }[] }[] };

let auditBefore = 0;
let formulaResponse = '';

async function as(who: 'reviewer' | 'editor'): Promise<Page> {
  const page = await browser().newPage();
  await signIn(page, base, PEOPLE[who]);
  return page;
}

async function workbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ExcelJS.Buffer);
  return wb;
}

beforeAll(async () => {
  auditBefore = count(`SELECT coalesce(max(id), 0) AS n FROM audit_log`);
  // A respondent whose free text is a spreadsheet formula.
  const def = templates.find((t) => t.slug === SLUG)!.definition;
  formulaResponse = crypto.randomUUID();
  const res = await fetch(`${base}/api/surveys/${SLUG}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: formulaResponse, answers: { ...syntheticAnswers(def, random(9001)), what_would_help: PAYLOAD } })
  });
  expect(res.status, await res.clone().text()).toBe(201);
});

describe('exports', () => {
  it('a reviewer downloads the results as CSV and xlsx, with exactly the figures the results show', async () => {
    const page = await as('reviewer');
    await page.goto(`${base}/surveys/${SLUG}/results`);
    expect(await axeViolations(page)).toEqual([]);
    const download = page.getByRole('region', { name: 'Download' });
    await expect(download.getByRole('link').count()).resolves.toBe(2); // results only: no raw responses for reviewers
    const csvHref = await download.getByRole('link', { name: 'CSV of these results' }).getAttribute('href');
    const xlsxHref = await download.getByRole('link', { name: 'Excel workbook of these results' }).getAttribute('href');
    expect(csvHref).toBe(`/surveys/${SLUG}/results/export.csv`);

    const csvRes = await page.request.get(`${base}${csvHref}`);
    expect(csvRes.status()).toBe(200);
    expect(csvRes.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(csvRes.headers()['content-disposition']).toMatch(new RegExp(`^attachment; filename="${SLUG}-demo-results-\\d{4}-\\d\\d-\\d\\d\\.csv"$`));
    expect(csvRes.headers()['cache-control']).toBe('no-store');
    const csvText = await csvRes.text();
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csvText);
    const block = Object.fromEntries(rows.slice(0, 12).map((r) => [r[0], r[1]]));
    expect(block).toMatchObject({ Network: 'Birmingham Compassionate City Network', Data: 'Demo – made-up data', 'Minimum group size': '5' });

    // Each option's people cell is what the results API shows: a count, or "fewer than 5".
    const reviewer = await apiCookie(base, PEOPLE.reviewer);
    const api = (await (await fetch(`${base}/api/surveys/${SLUG}/results`, { headers: { cookie: reviewer } })).json()) as Results;
    const head = rows.findIndex((r) => r[0] === 'question id');
    expect(rows[head]).toEqual(['question id', 'question', 'statement (matrix row)', 'answer', 'people', 'share %', 'mean', 'mean is on', 'median']);
    let hidden = 0;
    for (const q of api.questions)
      for (const o of q.options) {
        const r = rows.slice(head + 1).find((x) => x[0] === q.id && x[2] === '' && x[3] === o.label)!;
        expect(r[4], `${q.id}: ${o.label}`).toBe(o.suppressed ? 'fewer than 5' : String(o.count));
        if (o.suppressed) {
          hidden += 1;
          expect(r[5]).toBe('');
        }
      }
    expect(hidden).toBeGreaterThan(0); // the demo has small groups, so the rule is exercised

    const xlsxRes = await page.request.get(`${base}${xlsxHref}`);
    expect(xlsxRes.status()).toBe(200);
    expect(xlsxRes.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const body = await xlsxRes.body();
    expect(strFromU8(unzipSync(new Uint8Array(body))['xl/worksheets/sheet1.xml'])).not.toMatch(/<f[ >]/);
    const ws = (await workbook(body)).getWorksheet('Results')!;
    const cells: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => cells.push(Array.from({ length: 9 }, (_, i) => row.getCell(i + 1).value ?? null)));
    expect(cells.length).toBe(rows.length);
    // The same cells as the CSV, with numbers as numbers.
    cells.forEach((row, i) => {
      if (rows[i][0] !== 'Downloaded') row.forEach((v, j) => expect(v === null ? '' : String(v), `row ${i + 1} column ${j + 1}`).toBe(rows[i][j] ?? ''));
    });
    const people = cells.slice(head + 1).map((r) => r[4]);
    expect(people.every((p) => typeof p === 'number' || p === 'fewer than 5')).toBe(true);

    // Raw responses are not for reviewers, whatever the link.
    for (const f of ['csv', 'xlsx']) expect((await page.request.get(`${base}/n/${NETWORK}/surveys/${SLUG}/responses.${f}`)).status()).toBe(403);
    await page.goto(`${base}/n/${NETWORK}/surveys/${SLUG}`);
    expect(await axeViolations(page)).toEqual([]);
    await expect(page.locator('a[href$="/responses.csv"], a[href$="/responses.xlsx"]').count()).resolves.toBe(0);
    await expect(page.locator(`a[href="/surveys/${SLUG}/results/export.xlsx"]`).count()).resolves.toBe(1);
    await page.close();
  });

  it('an editor downloads every response from the hub, with a respondent’s formula neutralised', async () => {
    const page = await as('editor');
    await page.goto(`${base}/n/${NETWORK}/surveys/${SLUG}`);
    expect(await axeViolations(page)).toEqual([]);
    const csvHref = await page.getByRole('link', { name: 'CSV of every response' }).getAttribute('href');
    const xlsxHref = await page.getByRole('link', { name: 'Excel workbook of every response' }).getAttribute('href');
    const complete = count(`SELECT count(*) AS n FROM responses r JOIN surveys s ON s.id = r.survey_id WHERE s.slug = '${SLUG}' AND r.status = 'complete'`);

    const csvRes = await page.request.get(`${base}${csvHref}`);
    expect(csvRes.status()).toBe(200);
    expect(csvRes.headers()['content-disposition']).toMatch(new RegExp(`^attachment; filename="${SLUG}-demo-responses-\\d{4}-\\d\\d-\\d\\d\\.csv"$`));
    const rows = parseCsv(await csvRes.text());
    expect(rows).toHaveLength(complete + 2);
    const keys = rows[0];
    expect(keys.slice(0, 9)).toEqual(['response_id', 'completed_at', 'version', 'mode', 'language', 'came_through', 'link', 'area', 'organisation']);
    expect(new Set(rows.slice(2).map((r) => r[0])).size).toBe(complete);
    const mine = rows.find((r) => r[0] === formulaResponse)!;
    expect(mine[keys.indexOf('what_would_help')]).toBe(`'${PAYLOAD}`);
    // Organisations that answered through their invitation are named.
    const invited = rows.filter((r) => r[keys.indexOf('came_through')] === 'organisation invitation');
    expect(invited.length).toBeGreaterThan(0);
    expect(invited.every((r) => r[keys.indexOf('organisation')] !== '')).toBe(true);

    const xlsxRes = await page.request.get(`${base}${xlsxHref}`);
    expect(xlsxRes.status()).toBe(200);
    const wb = await workbook(await xlsxRes.body());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Responses', 'About']);
    const ws = wb.getWorksheet('Responses')!;
    expect(ws.rowCount).toBe(complete + 2);
    let found = false;
    ws.eachRow((row) => {
      if (row.getCell(1).value === formulaResponse) {
        found = true;
        const cell = row.getCell(keys.indexOf('what_would_help') + 1);
        expect(cell.value).toBe(`'${PAYLOAD}`);
        expect(cell.formula).toBeFalsy();
        expect(typeof row.getCell(3).value).toBe('number'); // the version
      }
    });
    expect(found).toBe(true);
    const about = Object.fromEntries(wb.getWorksheet('About')!.getSheetValues().filter(Boolean).map((r) => [(r as unknown[])[1], (r as unknown[])[2]]));
    expect(about).toMatchObject({ Data: 'Demo – made-up data', 'Complete responses': complete });
    await page.close();
  });

  it('records every download in the audit log, and nothing for a refused one', () => {
    const entries = query<{ actor: string; action: string; subject: string; details: string }>(
      `SELECT actor, action, subject, details FROM audit_log WHERE id > ${auditBefore} AND action IN ('results.export', 'responses.export') ORDER BY id`
    );
    const seen = entries.map((e) => [e.actor, e.action, e.subject, (JSON.parse(e.details) as { format: string }).format]);
    expect(seen).toEqual([
      [PEOPLE.reviewer, 'results.export', SLUG, 'csv'],
      [PEOPLE.reviewer, 'results.export', SLUG, 'xlsx'],
      [PEOPLE.editor, 'responses.export', SLUG, 'csv'],
      [PEOPLE.editor, 'responses.export', SLUG, 'xlsx']
    ]);
    const responses = entries.filter((e) => e.action === 'responses.export').map((e) => (JSON.parse(e.details) as { responses: number }).responses);
    const complete = count(`SELECT count(*) AS n FROM responses r JOIN surveys s ON s.id = r.survey_id WHERE s.slug = '${SLUG}' AND r.status = 'complete'`);
    expect(responses).toEqual([complete, complete]);
  });
});
