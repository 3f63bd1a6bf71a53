import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, clickAndLoad, useBrowser } from './browser';
import { apiCookie, PEOPLE } from './people';

const base = inject('baseURL');
const browser = useBrowser();

async function open(path: string, javaScript: boolean): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext({ javaScriptEnabled: javaScript });
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  return { context, page };
}

const next = async (page: Page, name: RegExp = /continue/i) => {
  await clickAndLoad(page, page.getByRole('button', { name }));
};

describe.each([false, true])('respondent pages with JavaScript %s', (javaScript) => {
  it('shows errors linked to their fields, keeps what was typed, and passes axe', async () => {
    const { context, page } = await open('/s/employers', javaScript);
    await page.getByLabel('Manager or supervisor').check();
    await next(page);
    const summary = page.locator('[data-error-summary]');
    await expect(summary.isVisible()).resolves.toBe(true);
    const link = summary.getByRole('link', { name: 'Choose an answer' });
    expect(await link.getAttribute('href')).toBe('#q-answering_for');
    // The link leads to a real input, and the message is tied to the group.
    expect(await page.locator('#q-answering_for').count()).toBe(1);
    const group = page.locator('#question-answering_for fieldset');
    expect(await group.getAttribute('aria-describedby')).toContain('q-answering_for-error');
    expect(await page.locator('#q-answering_for-error').innerText()).toContain('Choose an answer');
    await expect(page.getByLabel('Manager or supervisor').isChecked()).resolves.toBe(true);
    expect(await page.title()).toMatch(/^Error: /);
    if (javaScript) expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await link.click(); // an in-page link: no new page
    await page.getByLabel('On behalf of my organisation').check();
    await next(page);
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    await context.close();
  });

  it('goes back with the answers kept, and the conditional question follows the answer', async () => {
    const { context, page } = await open('/s/employers', javaScript);
    await page.getByLabel('On behalf of my organisation').check();
    await next(page);
    const review = page.locator('#question-policy_review_frequency');
    if (javaScript) {
      await expect(review.isHidden()).resolves.toBe(true);
      await page.getByLabel('A policy for staff who are carers').check();
      await expect(review.isVisible()).resolves.toBe(true);
      const none = page.locator('#question-policies_in_place').getByLabel('None of these');
      await none.check(); // exclusive: clears the others, hides the follow-up
      await expect(page.getByLabel('A policy for staff who are carers').isChecked()).resolves.toBe(false);
      await expect(review.isHidden()).resolves.toBe(true);
      await page.getByLabel('A policy for staff who are carers').check();
      await expect(none.isChecked()).resolves.toBe(false);
    } else {
      await expect(review.isVisible()).resolves.toBe(true);
      expect(await review.locator('.when').innerText()).toMatch(/^Answer this only if you answered “A bereavement/);
      await page.getByLabel('A policy for staff who are carers').check();
    }
    await page.getByLabel('Every year').check();
    await next(page, /^back$/i);
    expect(new URL(page.url()).searchParams.get('page')).toBe('1');
    await expect(page.getByLabel('On behalf of my organisation').isChecked()).resolves.toBe(true);
    await next(page);
    await expect(page.getByLabel('A policy for staff who are carers').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Every year').isChecked()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('save and come back later', () => {
  it.each([false, true])('JavaScript %s: a code saved on one device brings the answers back on another', async (javaScript) => {
    const { context, page } = await open('/s/employers', javaScript);
    await page.getByLabel('On behalf of my organisation').check();
    await next(page);
    await page.getByLabel('A policy for staff who are carers').check();
    await next(page, /save and come back later/i);
    const code = (await page.locator('.resume-code').innerText()).trim();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    await expect(page.getByLabel('A policy for staff who are carers').isChecked()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    const elsewhere = await browser().newContext({ javaScriptEnabled: javaScript });
    const other = await elsewhere.newPage();
    await other.goto(`${base}/s/employers/resume`);
    expect(await axeViolations(other)).toEqual([]);
    await other.getByLabel('Your code').fill('ZZZZ-ZZZZ');
    await next(other);
    await expect(other.locator('[data-error-summary]').innerText()).resolves.toContain('could not find');
    expect(await axeViolations(other)).toEqual([]);
    await other.getByLabel('Your code').fill(code.toLowerCase().replace('-', ' '));
    await next(other);
    expect(new URL(other.url()).searchParams.get('page')).toBe('3');
    await next(other, /^back$/i);
    await expect(other.getByLabel('A policy for staff who are carers').isChecked()).resolves.toBe(true);
    await elsewhere.close();
    await context.close();
  });
});

describe('the scheduled handler', () => {
  it('closes a survey whose closing time has passed', async () => {
    const cookie = await apiCookie(base, PEOPLE.admin);
    const status = async () => {
      const html = await (await fetch(`${base}/n/birmingham-demo`, { headers: { cookie } })).text();
      return html.includes('/s/closing-survey</a>') ? html.split('A survey closing now')[1].match(/<td>(\w+)<\/td>/)![1] : 'missing';
    };
    expect(await status()).toBe('open');
    // Its time has passed, so nobody can answer it even before the handler runs.
    expect((await fetch(`${base}/s/closing-survey`)).status).toBe(410);
    const run = await fetch(`${base}/__scheduled?cron=${encodeURIComponent('*/10 * * * *')}`);
    expect(run.status).toBe(200);
    expect(await status()).toBe('closed');
  });
});

describe('Content-Security-Policy', () => {
  it.each(['/s/employers', '/login', '/'])('%s loads its own styles and script and nothing is refused', async (path) => {
    const context = await browser().newContext();
    const page = await context.newPage();
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
    });
    const res = await page.goto(`${base}${path}`);
    expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res?.headers()['x-frame-options']).toBe('DENY');
    // The inlined stylesheet applied (a purple accent border under the header).
    expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
    await page.waitForLoadState('networkidle');
    expect(refused).toEqual([]);
    await context.close();
  });
});

describe('languages', () => {
  it('shows a translated survey in the chosen language, right to left where the language is, and keeps it to the end', async () => {
    const { context, page } = await open('/s/bilingual', false);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await clickAndLoad(page, page.getByRole('link', { name: 'اردو' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('ur');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('مل کر یاد کرنا');
    await expect(page.getByText('کیا آپ نے کسی قریبی کو کھویا ہے؟').isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await next(page, /send my answers/i);
    expect(page.url()).toContain('/thanks?lang=ur');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect(page.getByText('شکریہ۔').isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe('idempotency and escaping in the browser', () => {
  it('sending the last page again from a stale copy (back and resubmit, a second tab) does not add a second response', async () => {
    const cookie = await apiCookie(base, PEOPLE.reviewer);
    const count = async () => ((await (await fetch(`${base}/api/surveys/homelessness/results`, { headers: { cookie } })).json()) as { responses: { count: number | null } }).responses;
    // Enough responses that the count is shown (every homelessness question may be skipped).
    for (let i = 0; i < 10; i++)
      await fetch(`${base}/api/surveys/homelessness/responses`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: crypto.randomUUID(), answers: {} }) });
    const { context, page } = await open('/s/homelessness', false);
    // Every homelessness question can be skipped: go straight to the last page.
    while (await page.getByRole('button', { name: /continue/i }).count()) await next(page);
    const lastPage = page.url();
    const stale = await context.newPage();
    await stale.goto(lastPage);
    const before = await count();
    await next(page, /send my answers/i);
    expect(page.url()).toContain('/thanks');
    const once = await count();
    expect(once).not.toEqual(before);
    await next(stale, /send my answers/i);
    expect(stale.url()).toContain('/thanks');
    expect(await count()).toEqual(once);
    // Reopening the page with the same response id leads to the thank-you page, not a form.
    await stale.goto(lastPage);
    expect(stale.url()).toContain('/thanks');
    await context.close();
  });

  it('shows what a respondent typed as text, never as markup', async () => {
    const { context, page } = await open('/s/memorials', true);
    const textbox = page.locator('input[type=text], textarea').first();
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    await textbox.fill(payload);
    await next(page);
    await next(page, /^back$/i);
    expect(await page.locator('input[type=text], textarea').first().inputValue()).toBe(payload);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src=x]').count()).toBe(0);
    await context.close();
  });
});

describe('friendly pages for what cannot be answered', () => {
  it.each([
    ['/s/no-such-survey', 404, 'We could not find that survey'],
    ['/s/closed-survey', 410, 'This survey is not open'],
    ['/s/employers?r=not-a-uuid', 400, 'Sorry, we could not read that'],
    ['/nowhere', 404, 'Page not found']
  ])('%s answers %i with a page a person can use', async (path, status, heading) => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const res = await page.goto(`${base}${path}`);
    expect(res?.status()).toBe(status);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(heading);
    expect(await page.getByRole('link').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it.each([
    ['a post with no response id', 'q.answering_for=on_behalf&page=0'],
    ['a post with answers to questions not on the page', `r=${crypto.randomUUID()}&page=0&q.nope=1`],
    ['a post for a page that does not exist', `r=${crypto.randomUUID()}&page=99`],
    ['a post with an unknown option', `r=${crypto.randomUUID()}&page=0&q.answering_for=zzz`]
  ])('refuses %s with a 400 and stores nothing', async (_name, body) => {
    const cookie = await apiCookie(base, PEOPLE.reviewer);
    const results = async () => (await fetch(`${base}/api/surveys/employers/results`, { headers: { cookie } })).json();
    const before = await results();
    const res = await fetch(`${base}/s/employers`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: base },
      body
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/could not be read|not on this page|Choose one of the options/);
    expect(await results()).toEqual(before);
  });

  it('refuses a form post from another site', async () => {
    const res = await fetch(`${base}/s/employers`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: `r=${crypto.randomUUID()}&page=0&q.answering_for=on_behalf`
    });
    expect(res.status).toBe(403);
  });
});
