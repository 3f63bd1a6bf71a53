/**
 * Indicators and "you said, we did" in Chromium with JavaScript off: an editor measures an
 * action from a survey step by step, records the value as evidence, a reviewer reads it
 * without forms, and a closed survey's link leads to its published outcome page.
 */
import { describe, expect, inject, it } from 'vitest';
import { axeViolations, clickAndLoad, useBrowser } from './browser';
import { count, query } from './db';
import { PEOPLE, signIn } from './people';

const base = inject('baseURL');
const browser = useBrowser();
const NETWORK = 'birmingham-demo';

describe('indicators', () => {
  it('an editor measures an action from a survey, records the value as evidence, and a reviewer reads it', async () => {
    const [action] = query<{ id: string; title: string }>(
      `SELECT a.id, a.title FROM actions a JOIN networks n ON n.id = a.network_id WHERE n.slug = '${NETWORK}' AND a.title LIKE '%experience of memorials%'`
    );
    expect(action, 'the demo has the memorials next step').toBeTruthy();
    const editor = await browser().newPage({ javaScriptEnabled: false });
    await signIn(editor, base, PEOPLE.editor);
    await editor.goto(`${base}/n/${NETWORK}/evidence/actions/${action.id}`);
    expect(await axeViolations(editor)).toEqual([]);
    // The demo's indicators, with live values and the value recorded at seeding.
    await expect(editor.getByRole('row', { name: /Residents who have told us about memorials/ }).textContent()).resolves.toMatch(/\d+/);

    // Step by step: the survey, then the question, then the answers to count.
    await editor.getByLabel('1. Survey').selectOption('memorials');
    await clickAndLoad(editor, editor.getByRole('button', { name: 'Next' }));
    await editor.getByLabel('2. Question (for a share or an average)').selectOption('local_places_known');
    await clickAndLoad(editor, editor.getByRole('button', { name: 'Choose' }));
    // Without a name: an error tied to its field, nothing stored.
    const before = count(`SELECT count(*) AS n FROM indicators WHERE action_id = '${action.id}'`);
    await editor.getByLabel('Yes, several').check();
    await clickAndLoad(editor, editor.getByRole('button', { name: 'Add the indicator' }));
    await expect(editor.getByLabel('3. Name').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await axeViolations(editor)).toEqual([]);
    expect(count(`SELECT count(*) AS n FROM indicators WHERE action_id = '${action.id}'`)).toBe(before);
    await editor.getByLabel('3. Name').fill('Know several places to remember someone');
    await editor.getByLabel('Yes, several').check();
    await editor.getByLabel('Target (optional)').fill('50');
    await clickAndLoad(editor, editor.getByRole('button', { name: 'Add the indicator' }));
    const row = editor.getByRole('row', { name: /Know several places to remember someone/ });
    await expect(row.textContent()).resolves.toMatch(/(\d+(\.\d)?%|fewer than 5 people)/);

    // Expected value, worked out by hand from the answers.
    const [{ answered, chose }] = query<{ answered: number; chose: number }>(
      `SELECT count(DISTINCT a.response_id) AS answered, count(DISTINCT CASE WHEN a.option_id = 'yes_several' THEN a.response_id END) AS chose
       FROM answers a JOIN surveys s ON s.id = a.survey_id WHERE s.slug = 'memorials' AND a.question_id = 'local_places_known'`
    );
    const expected = `${Math.round((chose / answered) * 1000) / 10}%`;
    if (chose >= 5 && answered - chose >= 5) await expect(row.locator('td').first().textContent()).resolves.toContain(expected);

    await clickAndLoad(editor, row.getByRole('button', { name: /Record as evidence/ }));
    await expect(editor.getByRole('status').textContent()).resolves.toContain('Recorded as evidence');
    const [snap] = query<{ title: string; recorded_by_email: string }>(
      `SELECT e.title, e.recorded_by_email FROM evidence e JOIN indicators i ON i.id = e.indicator_id WHERE i.label = 'Know several places to remember someone'`
    );
    expect(snap.recorded_by_email).toBe(PEOPLE.editor);

    // A quote: only approved words, copied as they are.
    await editor.getByLabel('Quotes from the survey').selectOption('memorials');
    await clickAndLoad(editor, editor.getByRole('button', { name: 'Show the quotes' }));
    const first = editor.locator('ul.quotes li').first();
    const words = (await first.locator('blockquote').textContent())!.replace(/^“|”$/g, '');
    const [review] = query<{ status: string }>(
      `SELECT r.status FROM text_reviews r JOIN answers a ON a.id = r.answer_id WHERE CASE r.status WHEN 'redacted' THEN r.redacted_text ELSE a.text END = '${words.replace(/'/g, "''")}' LIMIT 1`
    );
    expect(['approved', 'redacted']).toContain(review.status);
    await clickAndLoad(editor, first.getByRole('button', { name: /Record this quote/ }));
    await expect(editor.getByRole('status').textContent()).resolves.toContain('Quote recorded');
    expect(count(`SELECT count(*) AS n FROM evidence WHERE action_id = '${action.id}' AND kind = 'quote' AND body = '${words.replace(/'/g, "''")}'`)).toBe(1);
    expect(await axeViolations(editor)).toEqual([]);

    const reviewer = await browser().newPage({ javaScriptEnabled: false });
    await signIn(reviewer, base, PEOPLE.reviewer);
    await reviewer.goto(`${base}/n/${NETWORK}/evidence/actions/${action.id}`);
    await expect(reviewer.locator('main').textContent()).resolves.toContain('Know several places to remember someone');
    expect(await reviewer.locator('main form[method=post]').count()).toBe(0);
    expect(await axeViolations(reviewer)).toEqual([]);
    await Promise.all([editor.close(), reviewer.close()]);
  });
});

describe('you said, we did', () => {
  it('is public once published, and a closed survey’s link leads to it', async () => {
    const visitor = await browser().newPage({ javaScriptEnabled: false });
    await visitor.goto(`${base}/s/memorials/outcome`);
    await expect(visitor.getByRole('heading', { name: 'You said, we did' }).count()).resolves.toBe(1);
    expect(await axeViolations(visitor)).toEqual([]);
    expect((await visitor.goto(`${base}/s/closed-survey/outcome`))?.status()).toBe(404);

    const editor = await browser().newPage({ javaScriptEnabled: false });
    await signIn(editor, base, PEOPLE.editor);
    const hub = `${base}/n/${NETWORK}/surveys/closed-survey`;
    await editor.goto(hub);
    await editor.getByLabel('Where it will be used').fill('Leaflet, closed survey');
    await clickAndLoad(editor, editor.getByRole('button', { name: 'Create link' }));
    const link = (await editor.getByRole('row', { name: /Leaflet, closed survey/ }).getByRole('link', { name: /\/l\// }).getAttribute('href'))!;
    // Publishing needs both parts: errors tied to the fields.
    await editor.getByLabel('Published (public)').check();
    await clickAndLoad(editor, editor.getByRole('button', { name: 'Save the page' }));
    await expect(editor.getByLabel('You said').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await axeViolations(editor)).toEqual([]);
    await editor.getByLabel('You said').fill('You said <script>alert(1)</script> the survey was short.');
    await editor.getByLabel('We did').fill('We kept it short.');
    await editor.getByLabel('Published (public)').check();
    await clickAndLoad(editor, editor.getByRole('button', { name: 'Save the page' }));
    await expect(editor.getByRole('status').textContent()).resolves.toContain('Published');

    await visitor.goto(link);
    expect(new URL(visitor.url()).pathname).toBe('/s/closed-survey/outcome');
    await expect(visitor.locator('main').textContent()).resolves.toContain('You said <script>alert(1)</script> the survey was short.');
    expect(await visitor.locator('main script').count()).toBe(0);
    await Promise.all([editor.close(), visitor.close()]);
  });
});

describe('reports', () => {
  it('print the accreditation self-assessment and the annual update with recorded figures that later responses do not move', async () => {
    const reviewer = await browser().newPage({ javaScriptEnabled: false });
    await signIn(reviewer, base, PEOPLE.reviewer);
    const report = `${base}/n/${NETWORK}/evidence/report`;
    await reviewer.goto(report);
    expect(await axeViolations(reviewer)).toEqual([]);
    const main = () => reviewer.locator('main').textContent();
    await expect(main()).resolves.toContain('Workplaces');
    await expect(main()).resolves.toMatch(/Level 3 or above/);
    const figure = /Residents who have told us about memorials: (\d+)/;
    const before = (await main())!.match(figure)?.[1];
    expect(before, 'the demo recorded a figure').toBeTruthy();
    // More people answer: the live figure moves, the recorded one in the report does not.
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${base}/api/surveys/memorials/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: crypto.randomUUID(), answers: {} })
      });
      expect(res.status).toBe(201);
    }
    await reviewer.reload();
    expect((await main())!.match(figure)?.[1]).toBe(before);
    await reviewer.emulateMedia({ media: 'print' });
    expect(await reviewer.locator('nav[aria-label=Reports]').isVisible()).toBe(false);
    const pdf = await reviewer.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await reviewer.emulateMedia({ media: 'screen' });
    await reviewer.goto(`${report}?kind=annual&year=2026`);
    await expect(reviewer.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Annual update 2026');
    expect(await axeViolations(reviewer)).toEqual([]);
    expect((await reviewer.goto(`${report}?kind=annual&year=nope`))?.status()).toBe(400);
    await reviewer.close();
  });
});
