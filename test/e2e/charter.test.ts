/**
 * Evidence for the charter, end to end in Chromium with JavaScript off: the overview shows
 * the demo's Birmingham standards and next steps (axe clean); an editor adds a next step
 * and a note by keyboard alone (a wrong try first); an admin rewords a standard and its
 * version goes up; a reviewer reads everything but gets no forms, and a 403 on posting;
 * a standard prints to PDF without its forms.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, clickAndLoad, useBrowser } from './browser';
import { query } from './db';
import { apiCookie, PEOPLE, signIn } from './people';

const base = inject('baseURL');
const browser = useBrowser();
const OVERVIEW = '/n/birmingham-demo/evidence';

async function pressAndLoad(page: Page, key: string): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
  await page.keyboard.press(key);
  await navigated;
  await page.waitForLoadState('load');
}

async function tabTo(page: Page, target: Locator, limit = 400): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

async function signedIn(email: string): Promise<Page> {
  const page = await browser().newPage({ javaScriptEnabled: false });
  await signIn(page, base, email);
  return page;
}

/** Open the standard whose heading starts with `words` from the overview. */
async function openStandard(page: Page, words: string): Promise<string> {
  await page.goto(`${base}${OVERVIEW}`);
  await clickAndLoad(page, page.getByRole('link', { name: words }).first());
  return new URL(page.url()).pathname;
}

describe('evidence for the charter', () => {
  it('the overview shows the Birmingham standards and next steps, and passes axe', async () => {
    const page = await signedIn(PEOPLE.editor);
    await page.goto(`${base}/n/birmingham-demo`);
    await clickAndLoad(page, page.getByRole('link', { name: 'Evidence for the charter' }));
    expect(new URL(page.url()).pathname).toBe(OVERVIEW);
    await expect(page.getByRole('link', { name: 'Evidence', exact: true }).count()).resolves.toBe(1);
    const main = page.locator('main');
    for (const words of [
      'All workplaces across the City have access to proactive & crisis support',
      'Our citizens are actively involved in their communities',
      'Engage with trade unions',
      'A meeting is being arranged to co-create a concept of a compassionate prison',
      'Understanding loss in the workplace training',
      'Done with the community'
    ])
      await expect(main.textContent()).resolves.toContain(words);
    await expect(page.getByRole('heading', { name: 'Homelessness', level: 2 }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Ambitions self-assessment' }).getAttribute('href')).resolves.toBe(`${OVERVIEW}/ambitions`);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('an editor adds a next step and a note with JavaScript off, by keyboard', async () => {
    const page = await signedIn(PEOPLE.editor);
    const path = await openStandard(page, 'All workplaces across the City');
    expect(await axeViolations(page)).toEqual([]);

    // A wrong try: no title.
    await tabTo(page, page.locator('summary', { hasText: 'Add a next step' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Add next step' }));
    await pressAndLoad(page, 'Enter');
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Title is required');
    await expect(page.locator('#add-title').getAttribute('aria-describedby')).resolves.toBe('add-title-error');
    expect(await axeViolations(page)).toEqual([]);

    // The form is open again, with the problem next to the field.
    const title = 'Hold a lunch-and-learn for city centre employers (e2e)';
    await tabTo(page, page.locator('#add-title'));
    await page.keyboard.type(title);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Employers group');
    await tabTo(page, page.locator('#add-status'));
    await page.keyboard.press('ArrowDown'); // planned
    await tabTo(page, page.getByRole('button', { name: 'Add next step' }));
    await pressAndLoad(page, 'Enter');
    await expect(page.getByRole('status').textContent()).resolves.toContain(`Next step added: ${title}`);
    await page.goto(`${base}${path}`);
    const article = page.locator('article', { has: page.getByRole('heading', { name: title }) });
    await expect(article.textContent()).resolves.toContain('Employers group');
    await expect(article.textContent()).resolves.toContain('Planned');

    // A note on it.
    await tabTo(page, article.locator('summary', { hasText: 'Add evidence' }));
    await page.keyboard.press('Enter');
    const form = article.locator('form[action="?/evidence"]');
    await tabTo(page, form.getByLabel('Title'));
    await page.keyboard.type('Twelve employers came (e2e)');
    await tabTo(page, form.getByLabel('Note (or what the link shows)'));
    await page.keyboard.type('Made-up test note: twelve employers signed up.');
    await tabTo(page, form.getByRole('button', { name: 'Add evidence' }));
    await pressAndLoad(page, 'Enter');
    await expect(page.getByRole('status').textContent()).resolves.toContain('Evidence added');
    await page.goto(`${base}${path}`);
    await expect(article.textContent()).resolves.toContain('Twelve employers came (e2e)');
    await expect(article.textContent()).resolves.toContain(PEOPLE.editor);
    const rows = query<{ kind: string; recorded_by_email: string }>("SELECT kind, recorded_by_email FROM evidence WHERE title = 'Twelve employers came (e2e)'");
    expect(rows).toEqual([{ kind: 'note', recorded_by_email: PEOPLE.editor }]);
    await page.close();
  });

  it('an admin rewords a standard and its version goes up', async () => {
    const page = await signedIn(PEOPLE.admin);
    await openStandard(page, 'The Compassionate City of Birmingham is alongside all it’s residents');
    await expect(page.getByRole('heading', { name: 'Wording of this standard (version 1)' }).count()).resolves.toBe(1);
    await page.locator('#wording-title').fill('The Compassionate City of Birmingham is alongside everyone in prison, and those who work there');
    await clickAndLoad(page, page.getByRole('button', { name: 'Save wording' }));
    await expect(page.getByRole('status').textContent()).resolves.toContain('Wording saved');
    await expect(page.getByRole('heading', { name: 'Wording of this standard (version 2)' }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('The Compassionate City of Birmingham is alongside everyone in prison, and those who work there');
    await expect(page.locator('main').textContent()).resolves.toContain('Version 1 (Prisons)');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('a reviewer sees everything but gets no forms, and a 403 on posting', async () => {
    const page = await signedIn(PEOPLE.reviewer);
    await page.goto(`${base}${OVERVIEW}`);
    await expect(page.locator('main form').count()).resolves.toBe(0);
    const path = await openStandard(page, 'All workplaces across the City');
    await expect(page.locator('main').textContent()).resolves.toContain('Engage with trade unions');
    await expect(page.locator('main form').count()).resolves.toBe(0);
    await expect(page.locator('main details').count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    const cookie = await apiCookie(base, PEOPLE.reviewer);
    const res = await fetch(`${base}${path}?/add`, {
      method: 'POST',
      headers: { cookie, origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ title: 'A reviewer should not add this' }).toString(),
      redirect: 'manual'
    });
    expect(res.status).toBe(403);
    expect(query("SELECT id FROM actions WHERE title = 'A reviewer should not add this'")).toEqual([]);
  });

  it('prints to PDF without forms or navigation', async () => {
    const page = await signedIn(PEOPLE.editor);
    await openStandard(page, 'All workplaces across the City');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('main form').first().isVisible()).toBe(false);
    expect(await page.locator('details.edit').first().isVisible()).toBe(false);
    expect(await page.locator('.member-header').isVisible()).toBe(false);
    expect(await page.getByRole('heading', { name: 'Next steps' }).isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.close();
  });
});
