/**
 * Free-text review, end to end in Chromium with JavaScript off: an editor finds an answer
 * with personal details highlighted, redacts it by keyboard alone (a wrong try first),
 * approves another, adds a theme and tags the answer; a reviewer then sees only the
 * redacted words in the results, never the original. Axe on every page on the way.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { templates } from '../../schema/templates';
import { random, syntheticAnswers } from '../../worker/seed/synthetic';
import { axeViolations, clickAndLoad, useBrowser } from './browser';
import { count, query } from './db';
import { apiCookie, PEOPLE, signIn } from './people';

const base = inject('baseURL');
const browser = useBrowser();
const REVIEW = '/n/birmingham-demo/surveys/memorials/review';
const memorials = templates.find((t) => t.slug === 'memorials')!.definition;

const ORIGINAL = 'My husband Bartholomew Quince lived at 12 Oak Road, ring me on 07700 900555 please.';
const SUGGESTED = 'My husband [name] lived at [address], ring me on [phone] please.';
const FINAL = 'My husband [name] lived nearby, ring me please.';
const PLAIN = 'A bench by the canal where we can sit, approved by keyboard.';

/** Send a response through the survey API whose last question holds `words`. */
async function respond(words: string, seed: number) {
  const send = () =>
    fetch(`${base}/api/surveys/memorials/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id, answers: { ...syntheticAnswers(memorials, random(seed)), what_would_matter: words } })
    });
  const id = crypto.randomUUID();
  // Sent again (same id, so never twice) if an idle kept-alive connection was closed under it.
  const res = await send().catch(send);
  expect([200, 201]).toContain(res.status);
}

/** Press a key that submits a form and wait for the page it loads. */
async function pressAndLoad(page: Page, key: string): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (f) => f === page.mainFrame() });
  await page.keyboard.press(key);
  await navigated;
  await page.waitForLoadState('load');
}

/** Press Tab until `target` has the focus (at most `limit` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

const answerId = (words: string) => query<{ id: number }>(`SELECT id FROM answers WHERE text = '${words.replace(/'/g, "''")}'`)[0].id;

describe('free-text review', () => {
  // It reads the database only (one wrangler call). Other test files review answers too, so
  // it looks at the seeded decisions (the system's, with no member) only.
  it('the demo comes with made-up decisions of every kind, themes, and answers still waiting', () => {
    const [demo] = query<Record<string, number>>(`SELECT
      (SELECT count(*) FROM text_reviews WHERE status = 'approved') AS approved,
      (SELECT count(*) FROM text_reviews WHERE status = 'redacted') AS redacted,
      (SELECT count(*) FROM text_reviews WHERE status = 'rejected') AS rejected,
      (SELECT count(*) FROM text_reviews WHERE status = 'redacted' AND reviewed_by IS NULL AND redacted_text NOT LIKE '%[%]%') AS unplaceheld,
      (SELECT count(*) FROM text_reviews WHERE reviewed_by IS NULL) AS bySystem,
      (SELECT count(*) FROM audit_log WHERE action = 'text.demo_seed' AND details LIKE '%made-up%') AS notes,
      (SELECT count(*) FROM text_themes t JOIN surveys s ON s.id = t.survey_id WHERE s.slug = 'memorials') AS themes,
      (SELECT count(*) FROM answers a LEFT JOIN text_reviews r ON r.answer_id = a.id
        WHERE a.question_id = 'meaningful_remembrance' AND a.text IS NOT NULL AND r.answer_id IS NULL) AS waiting`);
    expect(demo.approved).toBeGreaterThan(0);
    expect(demo.redacted).toBeGreaterThan(0);
    expect(demo.rejected).toBeGreaterThan(0);
    // Redacted with the suggested placeholders; recorded as the system's, each survey's saying they are made up.
    expect(demo).toMatchObject({ unplaceheld: 0, notes: 5 });
    expect(demo.bySystem).toBeGreaterThan(0);
    expect(demo.themes).toBeGreaterThanOrEqual(4);
    expect(demo.waiting).toBeGreaterThan(0);
  });

  it('an editor redacts and approves by keyboard with JavaScript off; a reviewer sees only the redacted words', async () => {
    await respond(ORIGINAL, 501);
    await respond(PLAIN, 502);
    const redactId = answerId(ORIGINAL);
    const approveId = answerId(PLAIN);

    const editor = await browser().newPage({ javaScriptEnabled: false });
    await signIn(editor, base, PEOPLE.editor);
    // From the survey's page, which says how many answers wait.
    await editor.goto(`${base}/n/birmingham-demo/surveys/memorials`);
    const link = editor.getByRole('link', { name: 'Review written answers' });
    await expect(link.locator('xpath=..').textContent()).resolves.toMatch(/\d+ waiting/);
    await clickAndLoad(editor, link);
    expect(new URL(editor.url()).pathname).toBe(REVIEW);
    expect(await axeViolations(editor), 'review page').toEqual([]);

    // The filter by keyboard: this question, the newest answers are on the last page.
    await editor.locator('#f-question').selectOption('what_would_matter');
    await tabTo(editor, editor.getByRole('button', { name: 'Show answers' }));
    await pressAndLoad(editor, 'Enter');
    expect(new URL(editor.url()).searchParams.get('question')).toBe('what_would_matter');
    await editor.goto(`${base}${REVIEW}?question=what_would_matter&page=99`);

    // The personal details are highlighted as data, and the redact box holds the suggestion.
    const item = editor.locator(`#answer-${redactId}`);
    await expect(item.locator('blockquote').textContent()).resolves.toContain('Bartholomew Quince');
    expect(await item.locator('mark').allTextContents()).toEqual([
      '[possible name: Bartholomew Quince]',
      '[street address: 12 Oak Road]',
      '[phone number: 07700 900555]'
    ]);
    const box = item.getByLabel(`Redacted version of answer ${redactId}`);
    await expect(box.inputValue()).resolves.toBe(SUGGESTED);

    // A first try that empties the box: refused, tied to the field, nothing stored.
    await box.focus();
    await editor.keyboard.press('ControlOrMeta+A');
    await editor.keyboard.press('Backspace');
    await editor.keyboard.press('Tab');
    expect(await editor.evaluate(() => document.activeElement?.textContent)).toBe(`Save redacted version of answer ${redactId}`);
    await pressAndLoad(editor, 'Enter');
    const summary = editor.locator('[data-error-summary]');
    await expect(summary.textContent()).resolves.toMatch(/Enter the answer as it should be shown/);
    await expect(summary.getByRole('link').getAttribute('href')).resolves.toBe(`#text-${redactId}`);
    const retry = editor.locator(`#text-${redactId}`);
    await expect(retry.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(retry.getAttribute('aria-describedby')).resolves.toContain(`text-${redactId}-error`);
    expect(await editor.title()).toMatch(/^Error: /);
    expect(await axeViolations(editor), 'review page with an error').toEqual([]);
    expect(count(`SELECT count(*) AS n FROM text_reviews WHERE answer_id = ${redactId}`)).toBe(0);

    // The editor's own version, typed, is what is stored.
    await retry.focus();
    await editor.keyboard.type(FINAL);
    await editor.keyboard.press('Tab');
    await pressAndLoad(editor, 'Enter');
    expect(new URL(editor.url()).searchParams.get('done')).toBe('redacted');
    await expect(editor.getByRole('status').textContent()).resolves.toMatch(/Saved the redacted version/);
    expect(query(`SELECT status, redacted_text AS text FROM text_reviews WHERE answer_id = ${redactId}`)).toEqual([{ status: 'redacted', text: FINAL }]);
    const audit = query<{ action: string; details: string }>(`SELECT action, details FROM audit_log WHERE action LIKE 'text.%' ORDER BY id DESC LIMIT 1`)[0];
    expect(audit.action).toBe('text.redact');
    expect(JSON.parse(audit.details)).toMatchObject({ answer: redactId, question: 'what_would_matter', from: 'pending' });
    expect(audit.details).not.toContain('Quince');
    // Decided answers leave the pending list.
    expect(await editor.locator(`#answer-${redactId}`).count()).toBe(0);

    // Approve another answer: Tab to its button, Enter.
    await editor.goto(`${base}${REVIEW}?question=what_would_matter&page=99`);
    await editor.locator(`#answer-${approveId} blockquote`).waitFor();
    await editor.locator('#review-done').focus();
    await tabTo(editor, editor.getByRole('button', { name: `Approve answer ${approveId}` }), 400);
    await pressAndLoad(editor, 'Enter');
    expect(query(`SELECT status FROM text_reviews WHERE answer_id = ${approveId}`)).toEqual([{ status: 'approved' }]);

    // A theme, typed and sent with Enter; then the redacted answer tagged with it by keyboard.
    await editor.getByLabel('New theme').focus();
    await editor.keyboard.type('Ordinary places');
    await pressAndLoad(editor, 'Enter');
    await expect(editor.getByRole('status').textContent()).resolves.toMatch(/Theme added/);
    await editor.goto(`${base}${REVIEW}?status=redacted&question=what_would_matter&page=99`);
    const tagged = editor.locator(`#answer-${redactId}`);
    await tagged.locator('summary', { hasText: 'Themes' }).focus();
    await editor.keyboard.press('Enter');
    await tagged.getByLabel('Ordinary places').focus();
    await editor.keyboard.press('Space');
    await tabTo(editor, tagged.getByRole('button', { name: `Save themes of answer ${redactId}` }));
    await pressAndLoad(editor, 'Enter');
    await expect(editor.locator(`#answer-${redactId} summary`, { hasText: 'Themes' }).textContent()).resolves.toContain('Ordinary places');
    expect(count(`SELECT count(*) AS n FROM text_review_themes j JOIN text_themes t ON t.id = j.theme_id WHERE j.answer_id = ${redactId} AND t.name = 'Ordinary places'`)).toBe(1);
    expect(await axeViolations(editor), 'review page, redacted answers').toEqual([]);
    await editor.close();

    // The reviewer: the redacted words, never the original, on the page and through the API.
    const reviewer = await browser().newPage({ javaScriptEnabled: false });
    await signIn(reviewer, base, PEOPLE.reviewer);
    const refused = await reviewer.goto(`${base}${REVIEW}`);
    expect(refused?.status()).toBe(403);
    await reviewer.goto(`${base}/surveys/memorials/results`);
    const quotes = reviewer.locator('[data-quotes="what_would_matter"]');
    await expect(quotes.getByRole('heading', { name: 'What people wrote' }).count()).resolves.toBe(1);
    expect(await quotes.locator('blockquote').allTextContents()).toEqual(expect.arrayContaining([FINAL, PLAIN]));
    const html = await reviewer.content();
    for (const secret of ['Bartholomew', 'Quince', '12 Oak Road', '900555', SUGGESTED]) expect(html).not.toContain(secret);
    expect(await axeViolations(reviewer), 'results with quotes').toEqual([]);
    const api = (await (await fetch(`${base}/api/surveys/memorials/results`, { headers: { cookie: await apiCookie(base, PEOPLE.reviewer) } })).json()) as {
      quotes: Record<string, { quotes: string[] }>;
    };
    expect(api.quotes.what_would_matter.quotes).toEqual(expect.arrayContaining([FINAL, PLAIN]));
    expect(JSON.stringify(api)).not.toContain('Quince');
    await reviewer.close();
  });

  it('is escaped everywhere: words that look like HTML stay words', async () => {
    const words = '<img src=x onerror=alert(1)> <b>bold</b> & "quotes"';
    await respond(words, 503);
    const id = answerId(words);
    const editor = await browser().newPage({ javaScriptEnabled: false });
    await signIn(editor, base, PEOPLE.editor);
    await editor.goto(`${base}${REVIEW}?question=what_would_matter&page=99`);
    const item = editor.locator(`#answer-${id}`);
    await expect(item.locator('blockquote').textContent()).resolves.toBe(words);
    expect(await item.locator('blockquote img, blockquote b').count()).toBe(0);
    await clickAndLoad(editor, item.getByRole('button', { name: `Approve answer ${id}` }));
    await editor.goto(`${base}/surveys/memorials/results`);
    await expect(editor.locator('[data-quotes="what_would_matter"] blockquote', { hasText: 'onerror' }).textContent()).resolves.toBe(words);
    expect(await editor.locator('[data-quotes] img').count()).toBe(0);
    await editor.close();
  });
});
