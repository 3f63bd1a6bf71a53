/**
 * The Ambitions self-assessment in Chromium: the demo assessment passes axe and shows the
 * document's summary figures; an editor sets a level with JavaScript off, by keyboard, and
 * the roll-up follows; a reviewer sees it all and cannot edit; the page prints to PDF
 * without navigation or forms.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, clickAndLoad, useBrowser } from './browser';
import { count, query } from './db';
import { PEOPLE, signIn } from './people';

const base = inject('baseURL');
const browser = useBrowser();
const NETWORK = 'birmingham-demo';
const demoId = () =>
  query<{ id: string }>(`SELECT a.id FROM ambitions_assessments a JOIN networks n ON n.id = a.network_id WHERE n.slug = '${NETWORK}' ORDER BY a.created_at LIMIT 1`)[0].id;

async function as(who: 'editor' | 'reviewer'): Promise<Page> {
  const page = await browser().newPage({ javaScriptEnabled: false });
  await signIn(page, base, PEOPLE[who]);
  return page;
}

/** The figures of one ambition's row in the summary table: six levels, then level 3 or above. */
async function summaryRow(page: Page, ambition: number): Promise<string[]> {
  const cells = await page.locator('#summary + table tbody tr').nth(ambition - 1).locator('td').allTextContents();
  return cells.slice(0, 7).map((c) => c.trim());
}

/** Press a key that submits a form, and wait for the next page to load. */
async function pressAndLoad(page: Page, key: string): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
  await page.keyboard.press(key);
  await navigated;
  await page.waitForLoadState('load');
}

describe('Ambitions self-assessment', () => {
  it('lists the demo assessment, passes axe, and shows the document’s summary figures', async () => {
    const page = await as('reviewer');
    await page.goto(`${base}/n/${NETWORK}/evidence/ambitions`);
    expect(await axeViolations(page)).toEqual([]);
    await clickAndLoad(page, page.getByRole('link', { name: /Ambitions self-assessment \(from a published ICB example\)/ }));
    expect(page.url()).toContain(`/evidence/ambitions/${demoId()}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await summaryRow(page, 1)).toEqual(['10.5%', '5.3%', '15.8%', '52.6%', '5.3%', '0.0%', '57.9%']);
    expect(await summaryRow(page, 4)).toEqual(['0.0%', '0.0%', '26.1%', '39.1%', '21.7%', '4.3%', '65.1%']);
    expect(await summaryRow(page, 6)).toEqual(['25.0%', '50.0%', '0.0%', '25.0%', '0.0%', '0.0%', '25.0%']);
    await expect(page.locator('#item-1\\.7\\.1').textContent()).resolves.toContain('No significant gaps identified by mapping.');
    await expect(page.locator('#item-1\\.1\\.1 .level').textContent()).resolves.toContain('Not scored');
    // A reviewer reads but has no forms, and a posted form is refused and changes nothing.
    expect(await page.locator('form.item-form').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Save item/ }).count()).toBe(0);
    const res = await page.request.post(`${page.url().split('?')[0]}?/score`, {
      form: { item: '6.4.1', level: '5', evidence: '', gaps: '' },
      headers: { origin: base },
      maxRedirects: 0
    });
    expect(res.status()).toBe(403);
    expect(count(`SELECT level AS n FROM ambitions_scores WHERE assessment_id = '${demoId()}' AND item_code = '6.4.1'`)).toBe(0);
  });

  it('lets an editor set a level with JavaScript off, by keyboard, and the roll-up follows', async () => {
    const page = await as('editor');
    await page.goto(`${base}/n/${NETWORK}/evidence/ambitions/${demoId()}`);
    expect(await axeViolations(page)).toEqual([]);
    // Item 6.1.1 goes from level 1 to level 4.
    await page.locator('#item-6\\.1\\.1 summary').focus();
    await page.keyboard.press('Enter'); // opens the <details>
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('level-6.1.1');
    await page.keyboard.type('4');
    await page.keyboard.press('Tab');
    await page.keyboard.type('A community capacity programme has started in two wards.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Save item 6.1.1');
    await pressAndLoad(page, 'Enter');
    expect(page.url()).toContain('saved=6.1.1');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Saved item 6.1.1');
    expect(await summaryRow(page, 6)).toEqual(['25.0%', '25.0%', '0.0%', '25.0%', '25.0%', '0.0%', '50.0%']);
    await expect(page.locator('#item-6\\.1\\.1 .evidence').textContent()).resolves.toContain('A community capacity programme');
    expect(count(`SELECT level AS n FROM ambitions_scores WHERE assessment_id = '${demoId()}' AND item_code = '6.1.1'`)).toBe(4);

    // A refused level is shown against its field, what was typed is kept, and nothing changes.
    await page.locator('#item-6\\.2\\.1 summary').click();
    await page.locator('#evidence-6\\.2\\.1').fill('x'.repeat(4001));
    await clickAndLoad(page, page.getByRole('button', { name: 'Save item 6.2.1' }));
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Evidence of item 6.2.1');
    await expect(page.locator('#evidence-6\\.2\\.1').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    expect(count(`SELECT level AS n FROM ambitions_scores WHERE assessment_id = '${demoId()}' AND item_code = '6.2.1'`)).toBe(1);

    // Put the demo back as it was.
    await page.goto(`${base}/n/${NETWORK}/evidence/ambitions/${demoId()}`);
    await page.locator('#item-6\\.1\\.1 summary').click();
    await page.locator('#level-6\\.1\\.1').selectOption('1');
    await page.locator('#evidence-6\\.1\\.1').fill('');
    await clickAndLoad(page, page.getByRole('button', { name: 'Save item 6.1.1' }));
    expect(await summaryRow(page, 6)).toEqual(['25.0%', '50.0%', '0.0%', '25.0%', '0.0%', '0.0%', '25.0%']);
  });

  it('lets an editor start a new assessment with JavaScript off; a refused title is shown against its field', async () => {
    const page = await as('editor');
    await page.goto(`${base}/n/${NETWORK}/evidence/ambitions`);
    await clickAndLoad(page, page.getByRole('button', { name: 'Start the self-assessment' }));
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Title is required');
    await expect(page.getByLabel('Title').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Title').fill('Self-assessment, spring 2026');
    await page.getByLabel('Assessed on (optional)').fill('2026-03-31');
    await clickAndLoad(page, page.getByRole('button', { name: 'Start the self-assessment' }));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Self-assessment, spring 2026');
    expect(await summaryRow(page, 1)).toEqual(['0.0%', '0.0%', '0.0%', '0.0%', '0.0%', '0.0%', '0.0%']);
    await page.goto(`${base}/n/${NETWORK}/evidence/ambitions`);
    await expect(page.getByRole('row', { name: /Self-assessment, spring 2026/ }).textContent()).resolves.toContain('31 March 2026');
  });

  it('prints to PDF without navigation or forms', async () => {
    const page = await as('editor');
    await page.goto(`${base}/n/${NETWORK}/evidence/ambitions/${demoId()}`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.member-header').isVisible()).toBe(false);
    expect(await page.locator('form.item-form').first().isVisible()).toBe(false);
    expect(await page.locator('summary').first().isVisible()).toBe(false);
    expect(await page.locator('table.level-key').isVisible()).toBe(true);
    expect(await page.locator('#summary + table').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });
});
