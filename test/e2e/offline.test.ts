/**
 * Poor signal, with JavaScript on: answers sent while the network is down are kept in the
 * browser and sent again, with the same response id, once it is back (or when the survey is
 * opened again), and they count exactly once. (The plain form flow with JavaScript off is
 * covered by answering.test.ts.)
 */
import type { BrowserContext, Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, useBrowser } from './browser';
import { apiCookie, PEOPLE } from './people';

const base = inject('baseURL');
const browser = useBrowser();
/** The one-page survey from the global setup: a yes/no question and a text box. */
const SLUG = 'bilingual';
const KEPT_PREFIX = 'ccs:pending:';

let reviewer = '';
/** Completed responses, as the results API counts them. */
const completed = async (): Promise<number> => {
  const res = await fetch(`${base}/api/surveys/${SLUG}/results`, { headers: { cookie: reviewer } });
  const count = ((await res.json()) as { responses: { count: number | null } }).responses.count;
  if (count === null) throw new Error('the response count is suppressed: too few responses');
  return count;
};

beforeAll(async () => {
  reviewer = await apiCookie(base, PEOPLE.reviewer);
  // Enough responses for the results to show the count (the minimum group size is 5).
  for (let i = 0; i < 5; i++) {
    const res = await fetch(`${base}/api/surveys/${SLUG}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: crypto.randomUUID(), answers: { q: 'no' } })
    });
    expect(res.status, await res.clone().text()).toBe(201);
  }
});

const status = (page: Page) => page.getByRole('status');
const kept = (page: Page) => page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)), KEPT_PREFIX);
const isSurveyPost = (request: Request) => request.method() === 'POST' && new URL(request.url()).pathname === `/s/${SLUG}`;

async function openSurvey(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser().newContext({ javaScriptEnabled: true });
  const page = await context.newPage();
  await page.goto(`${base}/s/${SLUG}`);
  return { context, page };
}

async function answer(page: Page, words: string): Promise<void> {
  await page.getByLabel('Yes', { exact: true }).check();
  await page.getByLabel('Anything else?').fill(words);
}

/** Press "Send my answers" with the network cut, and wait for the page to say the answers are kept. */
async function sendOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Send my answers' }).click();
  await expect.poll(() => status(page).textContent(), { timeout: 15_000 }).toContain('They are kept and will be sent when the signal returns');
}

describe('poor signal', () => {
  it('keeps answers sent while offline, sends them once the network is back, and counts them exactly once', async () => {
    const before = await completed();
    const { context, page } = await openSurvey();
    const address = page.url();
    await answer(page, 'sent on a train');
    await sendOffline(context, page);

    // Still on the survey page, with the answers in place and nothing counted yet.
    expect(page.url()).toBe(address);
    await expect(page.getByLabel('Anything else?').inputValue()).resolves.toBe('sent on a train');
    await expect(page.getByRole('button', { name: 'Try again now' }).isVisible()).resolves.toBe(true);
    expect(await kept(page)).toHaveLength(1);
    expect(await axeViolations(page), 'page with the offline notice').toEqual([]);
    expect(await completed()).toBe(before);

    const thanks = page.waitForURL(/\/thanks/);
    await context.setOffline(false);
    await thanks;
    await expect(page.getByRole('heading', { name: 'Thank you. Your answers have been sent.' }).isVisible()).resolves.toBe(true);
    expect(await kept(page)).toEqual([]);
    expect(await completed()).toBe(before + 1);
    await context.close();
  });

  it('sends the same response again when the reply was lost after the server had the answers, and counts it once', async () => {
    const before = await completed();
    const { context, page } = await openSurvey();
    const posts: string[] = [];
    let firstReply = 0;
    // The first post reaches the server, but its reply never reaches the browser.
    await page.route(
      (url) => url.pathname === `/s/${SLUG}`,
      async (route) => {
        if (!isSurveyPost(route.request())) return route.continue();
        posts.push(route.request().postData() ?? '');
        if (posts.length > 1) return route.continue();
        firstReply = (await route.fetch({ maxRedirects: 0 })).status();
        await route.abort('internetdisconnected');
      }
    );
    await answer(page, 'reply lost');
    const thanks = page.waitForURL(/\/thanks/);
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await thanks;

    // The server took the first post (it answered with the way on), and the retry was the very same post.
    expect(firstReply).toBe(303);
    expect(posts).toHaveLength(2);
    expect(posts[1]).toBe(posts[0]);
    expect(new URLSearchParams(posts[0]).get('r')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await kept(page)).toEqual([]);
    expect(await completed()).toBe(before + 1);
    await context.close();
  });

  it('sends answers kept when the page was closed offline as soon as the survey is opened again from its link', async () => {
    const before = await completed();
    const { context, page } = await openSurvey();
    const link = page.url();
    await answer(page, 'closed the tab');
    await sendOffline(context, page);
    await page.close();
    await context.setOffline(false);
    expect(await completed()).toBe(before);

    // Opened again from the survey's link (a new response id on the page): the kept answers go first.
    const again = await context.newPage();
    const thanks = again.waitForURL(/\/thanks/);
    // Only until the response starts: the script may move on before this page has finished loading.
    await again.goto(link, { waitUntil: 'commit' });
    await thanks;
    expect(await kept(again)).toEqual([]);
    expect(await completed()).toBe(before + 1);

    // Nothing is left to send: the survey opens as a fresh start, and the count stays.
    await again.goto(link);
    expect(new URL(again.url()).pathname).toBe(`/s/${SLUG}`);
    await expect(again.getByRole('button', { name: 'Send my answers' }).isVisible()).resolves.toBe(true);
    expect(await status(again).textContent()).toBe('');
    expect(await completed()).toBe(before + 1);
    await context.close();
  });

  it('puts kept answers back on the page of the same response, and sends them when asked to try again', async () => {
    const before = await completed();
    const { context, page } = await openSurvey();
    await answer(page, 'same response');
    const sameResponse = await page.locator('form[data-survey-form]').evaluate((f) => (f as HTMLFormElement).action);
    await sendOffline(context, page);
    await page.close();
    await context.setOffline(false);

    // Reopened at this response's own address while posts still fail.
    const again = await context.newPage();
    await again.route(
      (url) => url.pathname === `/s/${SLUG}`,
      (route) => (isSurveyPost(route.request()) ? route.abort('internetdisconnected') : route.continue())
    );
    await again.goto(sameResponse);
    await expect.poll(() => status(again).textContent(), { timeout: 15_000 }).toContain('They are kept and will be sent when the signal returns');
    await expect(again.getByLabel('Yes', { exact: true }).isChecked()).resolves.toBe(true);
    await expect(again.getByLabel('Anything else?').inputValue()).resolves.toBe('same response');
    expect(await completed()).toBe(before);

    await again.unrouteAll();
    const thanks = again.waitForURL(/\/thanks/);
    await again.getByRole('button', { name: 'Try again now' }).click();
    await thanks;
    expect(await kept(again)).toEqual([]);
    expect(await completed()).toBe(before + 1);
    await context.close();
  });

  it('forgets unsent answers when someone leaves quickly, so nothing is left on the device', async () => {
    const context = await browser().newContext({ javaScriptEnabled: true });
    const page = await context.newPage();
    await page.goto(`${base}/s/homelessness`);
    await page.locator('form[data-survey-form] input[type=radio]').first().check();
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => status(page).textContent(), { timeout: 15_000 }).toContain('They are kept');
    expect(await kept(page)).toHaveLength(1);
    await page.getByRole('link', { name: 'Leave this page quickly' }).click();
    await page.waitForURL((u) => u.hostname !== new URL(base).hostname);
    await context.setOffline(false);
    const after = await context.newPage();
    await after.goto(`${base}/`);
    expect(await kept(after)).toEqual([]);
    await context.close();
  });
});
