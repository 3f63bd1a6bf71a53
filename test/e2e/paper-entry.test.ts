/**
 * Paper forms: the printable form of every survey, and keying completed forms in by
 * keyboard alone. Every keyed form is stored once, as a paper response keyed by its member.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { codesFor, questionNumbers } from '../../schema/paper';
import { allQuestions } from '../../schema/survey-definition';
import { templates } from '../../schema/templates';
import { axeViolations, clickAndLoad, useBrowser } from './browser';
import { apiCookie, PEOPLE, signIn, type Person } from './people';

const base = inject('baseURL');
const browser = useBrowser();
const NETWORK = 'birmingham-demo';
const survey = (slug: string) => `/n/${NETWORK}/surveys/${slug}`;
const prisons = templates.find((t) => t.slug === 'prisons')!.definition;

const cookies: Partial<Record<Person, string>> = {};
beforeAll(async () => {
  for (const who of ['data-entry', 'reviewer', 'editor', 'other-admin'] as const) cookies[who] = await apiCookie(base, PEOPLE[who]);
});

type Results = { responses: { count: number | null }; questions: { id: string; options: { id: string; count: number | null }[] }[] };
const results = async (slug: string): Promise<Results> => (await fetch(`${base}/api/surveys/${slug}/results`, { headers: { cookie: cookies.reviewer! } })).json();
const optionCount = (r: Results, question: string, option: string) => r.questions.find((q) => q.id === question)!.options.find((o) => o.id === option)!.count;

const contexts: BrowserContext[] = [];
afterAll(async () => {
  for (const c of contexts) await c.close();
});
async function signedIn(who: Person): Promise<Page> {
  const context = await browser().newContext();
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, base, PEOPLE[who]!);
  return page;
}

/** The "keyed in N paper forms of this survey today" figure on the entry page. */
async function keyedToday(page: Page): Promise<number> {
  const text = (await page.locator('main').textContent()) ?? '';
  return Number(/You have keyed in ([\d,]+) paper forms? of this survey today/.exec(text)![1].replace(/,/g, ''));
}
const focusedName = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? document.activeElement?.tagName ?? '');
/** Press a key that submits the form, and wait for the page that comes back (an error or the next form). */
async function pressAndLoad(page: Page, key: string): Promise<number> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
  const posted = page.waitForResponse((r) => r.request().method() === 'POST');
  await page.keyboard.press(key);
  const status = (await posted).status();
  await navigated;
  await page.waitForLoadState('load');
  return status;
}
/** The form's fields in document order, which must be the Tab order. */
const fieldOrder = (page: Page) =>
  page.$$eval('form.entry-form :is(input:not([type=hidden]), select, textarea)', (els) => els.map((e) => (e as HTMLInputElement).name));

describe('keying in paper forms', () => {
  it('takes a whole form by keyboard alone, stores it once as paper keyed by the member, and a repeat stores nothing', async () => {
    const page = await signedIn('data-entry');
    await page.goto(`${base}${survey('prisons')}/enter`);
    expect(await axeViolations(page), 'entry page').toEqual([]);
    await page.screenshot({ path: '/tmp/enter-page.png', fullPage: true });
    const before = await results('prisons');
    const todayBefore = await keyedToday(page);
    const responseId = await page.locator('input[name="r"]').inputValue();

    // What the paper says, in codes: in prison now, bereaved, told by the chaplaincy, and so on.
    const typed: Record<string, string> = {
      ref: '12',
      'q.connection_to_prison': '1',
      'q.bereaved_in_prison': '1',
      'q.how_told': '1',
      'q.told_with_care': '3',
      'q.funeral_attendance': '7',
      'q.funeral_attendance.other': 'VIDEO CALL WITH MY SISTER',
      'q.support_received': '1 2',
      'q.felt_supported': '2',
      'q.know_where_support': '2',
      'q.after_death_in_prison': '1, 3',
      'q.can_talk_about_death': '4',
      'q.worry_ill_in_prison': '5',
      'q.help_most': '1 5 9',
      'q.compassionate_prison': 'MORE TIME TO TALK',
      'q.one_change': 'A QUIET ROOM'
    };
    const order = await fieldOrder(page);
    expect(order[0]).toBe('ref');
    expect(order.at(-1)).toBe('q.one_change');
    // The first field has the focus on arrival; Tab goes straight down with no other stops.
    for (const [i, name] of order.entries()) {
      expect(await focusedName(page), `focus at step ${i}`).toBe(name);
      if (typed[name]) await page.keyboard.type(typed[name]);
      if (i < order.length - 1) await page.keyboard.press('Tab');
    }
    // Enter in a text input saves the form.
    expect(await pressAndLoad(page, 'Enter')).toBe(303);
    expect(page.url()).toMatch(/[?&]saved=/);

    expect(await page.getByRole('status').textContent()).toContain('Form no. 12 is saved.');
    expect(await keyedToday(page)).toBe(todayBefore + 1);
    expect(await focusedName(page), 'ready for the next form').toBe('ref');
    expect(await page.locator('input[name="r"]').inputValue()).not.toBe(responseId);
    expect(await page.locator('input[name="q.connection_to_prison"]').inputValue()).toBe('');
    expect(await axeViolations(page), 'entry page after saving').toEqual([]);
    const after = await results('prisons');
    expect(after.responses.count).toBe((before.responses.count ?? 0) + 1);
    const was = optionCount(before, 'connection_to_prison', 'in_prison');
    const now = optionCount(after, 'connection_to_prison', 'in_prison');
    if (was !== null && now !== null) expect(now).toBe(was + 1);

    // The same form posted again (a double click, a retry, back and save again) stores nothing new.
    const again = await page.request.post(`${base}${survey('prisons')}/enter`, {
      form: { r: responseId, ...typed },
      headers: { origin: base, accept: 'text/html' },
      maxRedirects: 0
    });
    expect(again.status()).toBe(303);
    expect(again.headers().location).toContain('again=1');
    await page.goto(new URL(again.headers().location, `${base}${survey('prisons')}/enter`).href);
    expect(await page.getByRole('status').textContent()).toContain('Form no. 12 had already been saved: nothing new was stored.');
    expect(await keyedToday(page)).toBe(todayBefore + 1);
    expect((await results('prisons')).responses.count).toBe(after.responses.count);

    // Two posts of one new form at the same moment store it once.
    const fresh = crypto.randomUUID();
    const post = () => page.request.post(`${base}${survey('prisons')}/enter`, { form: { r: fresh, 'q.connection_to_prison': '4' }, headers: { origin: base, accept: 'text/html' }, maxRedirects: 0 });
    const both = await Promise.all([post(), post()]);
    expect(both.map((r) => r.status())).toEqual([303, 303]);
    expect((await results('prisons')).responses.count).toBe((after.responses.count ?? 0) + 1);
    await page.reload();
    expect(await keyedToday(page)).toBe(todayBefore + 2);
  });

  it('refuses codes that are not on the form, and answers to skipped questions, keeping what was typed', async () => {
    const page = await signedIn('data-entry');
    await page.goto(`${base}${survey('prisons')}/enter`);
    const before = await results('prisons');
    const todayBefore = await keyedToday(page);
    // Keyboard only: the form number, then question 1 with a code that is not printed.
    await page.keyboard.type('13');
    await page.keyboard.press('Tab');
    await page.keyboard.type('9');
    expect(await pressAndLoad(page, 'Enter')).toBe(400);

    const summary = page.locator('[data-error-summary]');
    await expect(summary.isVisible()).resolves.toBe(true);
    const link = summary.getByRole('link', { name: 'Question 1: “9” is not one of its codes (1 to 5)' });
    expect(await link.getAttribute('href')).toBe('#f-q.connection_to_prison');
    const input = page.locator('input[name="q.connection_to_prison"]');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await input.getAttribute('aria-describedby')).toContain('f-q.connection_to_prison-error');
    expect(await input.inputValue()).toBe('9');
    expect(await page.locator('input[name="ref"]').inputValue()).toBe('13');
    expect(await focusedName(page), 'the first error has the focus').toBe('q.connection_to_prison');
    expect(await page.title()).toMatch(/^Error: /);
    expect(await axeViolations(page), 'entry page with errors').toEqual([]);
    await page.screenshot({ path: '/tmp/enter-errors.png', fullPage: true });

    // Staff (3) do not answer question 2: the keyer is told, in codes, rather than the answer being dropped.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1');
    expect(await pressAndLoad(page, 'Enter')).toBe(400);
    expect(await page.locator('[data-error-summary]').textContent()).toContain(
      'Question 2 is only answered when question 1 is 1 “I am in prison now” or 2 “I have been in prison in the past”. Leave it blank'
    );
    expect(await focusedName(page)).toBe('q.bereaved_in_prison');
    expect(await axeViolations(page), 'entry page with a skipped-question error').toEqual([]);

    expect((await results('prisons')).responses.count).toBe(before.responses.count);
    expect(await keyedToday(page)).toBe(todayBefore);

    // Clearing the answer to question 2 saves the form.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    expect(await pressAndLoad(page, 'Enter')).toBe(303);
    expect(await page.getByRole('status').textContent()).toContain('Form no. 13 is saved.');
  });

  it('ties errors in matrix rows and rankings to their own inputs', async () => {
    const page = await signedIn('data-entry');
    await page.goto(`${base}${survey('employers')}/enter`);
    expect(await axeViolations(page), 'employers entry page').toEqual([]);
    await page.screenshot({ path: '/tmp/enter-employers.png', fullPage: true });
    const employers = templates.find((t) => t.slug === 'employers')!.definition;
    const matrix = allQuestions(employers).map((x) => x.question).find((q) => q.type === 'matrix')!;
    const ranking = allQuestions(employers).map((x) => x.question).find((q) => q.type === 'ranking')!;
    if (matrix.type !== 'matrix' || ranking.type !== 'ranking') throw new Error('the employers template has a matrix and a ranking');
    await page.locator(`[name="q.${matrix.id}.${matrix.rows[1].id}"]`).focus();
    await page.keyboard.type('7');
    await page.locator(`[name="q.${ranking.id}.${ranking.options[0].id}"]`).focus();
    await page.keyboard.type('2');
    await clickAndLoad(page, page.getByRole('button', { name: 'Save and enter the next form' }));
    const row = page.locator(`[name="q.${matrix.id}.${matrix.rows[1].id}"]`);
    expect(await row.getAttribute('aria-invalid')).toBe('true');
    const n = questionNumbers(employers).get(matrix.id);
    expect(await page.locator('[data-error-summary]').textContent()).toContain(`Question ${n}, row 2`);
    expect(await page.locator(`[name="q.${ranking.id}.${ranking.options[0].id}"]`).getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page), 'employers entry page with errors').toEqual([]);
  });

  it('keys forms into a closed survey, and says so clearly when the survey is full', async () => {
    const page = await signedIn('data-entry');
    await page.goto(`${base}${survey('closed-survey')}/enter`);
    expect(await page.locator('main').textContent()).toContain('Paper forms filled in before it closed can still be keyed in here.');
    await page.locator('input[name="q.q"]').focus();
    await page.keyboard.type('1');
    expect(await pressAndLoad(page, 'Enter')).toBe(303);
    expect(await page.getByRole('status').textContent()).toContain('The form is saved.');

    // The survey lead caps it at the one response it has; the next form is refused with a reason, and kept.
    const schedule = (responseCap: string) =>
      fetch(`${base}${survey('closed-survey')}?/schedule`, {
        method: 'POST',
        headers: { cookie: cookies.editor!, origin: base, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ opensAt: '', closesAt: '', responseCap }).toString(),
        redirect: 'manual'
      });
    expect((await schedule('1')).status).toBe(200);
    try {
      await page.goto(`${base}${survey('closed-survey')}/enter`);
      expect(await page.locator('main').textContent()).toContain('has reached its limit of 1 response,');
      await page.locator('input[name="q.q"]').focus();
      await page.keyboard.type('2');
      expect(await pressAndLoad(page, 'Enter')).toBe(410);
      expect(await page.locator('[data-error-summary]').textContent()).toContain('This survey has reached its limit of 1 response, so this form was not saved.');
      expect(await page.locator('input[name="q.q"]').inputValue()).toBe('2');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      expect((await schedule('')).status).toBe(200);
    }
  });

  it('is for members who may enter responses, in their own network', async () => {
    const get = (who: Person, path: string) => fetch(`${base}${path}`, { headers: { cookie: cookies[who]!, accept: 'text/html' }, redirect: 'manual' });
    expect((await get('reviewer', `${survey('prisons')}/enter`)).status).toBe(403);
    expect((await get('other-admin', `${survey('prisons')}/enter`)).status).toBe(404);
    expect((await get('other-admin', `${survey('prisons')}/paper`)).status).toBe(404);
    expect((await get('reviewer', `${survey('prisons')}/paper`)).status).toBe(200);
    expect((await get('editor', `${survey('prisons')}/enter`)).status).toBe(200);
    // Another network's survey, through this network's address.
    expect((await get('data-entry', survey('other-town-survey') + '/enter')).status).toBe(404);
    const post = await fetch(`${base}${survey('prisons')}/enter`, {
      method: 'POST',
      headers: { cookie: cookies.reviewer!, origin: base, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ r: crypto.randomUUID(), 'q.connection_to_prison': '1' }).toString(),
      redirect: 'manual'
    });
    expect(post.status).toBe(403);
  });
});

describe('the paper form', () => {
  it.each(templates.map((t) => [t.slug, t.definition] as const))('of %s prints every question with its codes and passes axe', async (slug, def) => {
    const page = await signedIn('reviewer');
    await page.goto(`${base}${survey(slug)}/paper`);
    expect(await axeViolations(page)).toEqual([]);
    const numbers = questionNumbers(def);
    for (const { question: q } of allQuestions(def)) {
      if (q.type === 'info') continue;
      const block = page.locator(`[data-question="${q.id}"]`);
      expect(await block.locator('.pq-title').textContent()).toContain(`${numbers.get(q.id)}.`);
      expect(await block.locator('.qid').textContent()).toBe(`[q: ${q.id}]`);
      const codes = codesFor(q);
      if (q.type === 'matrix') expect(await block.locator('tbody .box').count()).toBe(q.rows.length * codes.length);
      else if (codes.length) expect(await block.locator('.code').allTextContents()).toEqual(codes.map((c) => c.code));
      if (q.show_if) expect(await block.locator('.when').textContent()).toMatch(/^Answer this only if /);
    }
    // Tick boxes are drawn, not form controls.
    expect(await page.locator('main input, main select, main textarea').count()).toBe(0);
  });

  it('prints on A4 without the member header, and in the survey’s other languages', async () => {
    const page = await signedIn('data-entry');
    await page.goto(`${base}${survey('prisons')}/paper`);
    await page.screenshot({ path: '/tmp/paper-screen.png', fullPage: true });
    await expect(page.locator('.member-header').isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.member-header').isHidden()).resolves.toBe(true);
    await expect(page.locator('.paper-tools').isHidden()).resolves.toBe(true);
    await expect(page.locator('.sheet h1').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: '/tmp/paper-print.png', fullPage: true });
    const pdf = await page.pdf({ format: 'A4', path: '/tmp/paper-prisons.pdf' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThan(1);
    await page.emulateMedia({ media: 'screen' });

    // Every question of the prisons survey is on it, once.
    expect(await page.locator('.pq[data-question]').count()).toBe(questionNumbers(prisons).size);

    await page.goto(`${base}${survey('bilingual')}/paper?lang=ur`);
    const sheet = page.locator('article.sheet');
    expect(await sheet.getAttribute('lang')).toBe('ur');
    expect(await sheet.getAttribute('dir')).toBe('rtl');
    expect(await sheet.locator('h1').textContent()).toBe('مل کر یاد کرنا');
    expect(await axeViolations(page), 'Urdu paper form').toEqual([]);
  });
});
