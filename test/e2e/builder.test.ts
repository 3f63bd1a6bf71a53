/**
 * The survey builder in Chromium. With JavaScript off, an editor builds a survey from
 * nothing: a choice question, a second page whose question is asked only for one answer,
 * publishes it, and two respondents answer it (one is asked the conditional question, the
 * other skips its page); then a change that breaks comparison must be confirmed before
 * version 2, and the first answers keep version 1. With JavaScript on, questions move by
 * keyboard (focus stays on the button) and by dragging. Translations are side by side and
 * an Urdu preview reads right to left. SurveyJS and XLSForm files import with a report.
 * Every builder page passes axe.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { root } from '../support/local-worker';
import { axeViolations, clickAndLoad, useBrowser } from './browser';
import { query } from './db';
import { apiCookie, PEOPLE, signIn } from './people';

const base = inject('baseURL');
const browser = useBrowser();
const NETWORK = '/n/birmingham-demo';
const stamp = Date.now().toString(36);

async function editor(javaScriptEnabled: boolean): Promise<Page> {
  const page = await browser().newPage({ javaScriptEnabled });
  await signIn(page, base, PEOPLE.editor);
  return page;
}

async function expectAxeClean(page: Page, what: string) {
  expect(await axeViolations(page), what).toEqual([]);
}

/** The question titles of the builder's outline, page by page. */
async function outline(page: Page): Promise<string[][]> {
  return page.locator('section.builder-page').evaluateAll((sections) =>
    sections.map((s) => Array.from(s.querySelectorAll('.q-link'), (a) => (a.textContent ?? '').replace(/^\d+\.\s*/, '').trim()))
  );
}

/** A move button's accessible name: its visible word, then (hidden) what it moves. */
const moveButton = (word: 'Up' | 'Down', title: string) => new RegExp(`^${word}\\s*: move “${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}” ${word.toLowerCase()}$`);

describe('building a survey without JavaScript', () => {
  const slug = `caring-at-work-${stamp}`;

  it('builds a survey with a condition, publishes it, and respondents answer it', async () => {
    const page = await editor(false);
    await page.goto(`${base}${NETWORK}`);
    await clickAndLoad(page, page.getByRole('link', { name: 'New survey' }));
    await expectAxeClean(page, 'new survey');

    // A mistake first: no title for a blank survey.
    await page.getByLabel('A blank survey').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Create the draft' }));
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Enter a title for the survey');
    await expect(page.locator('#f-title').getAttribute('aria-describedby')).resolves.toContain('f-title-error');
    await page.getByLabel('Title', { exact: true }).fill('Caring and work');
    await page.getByLabel('Address (optional)').fill(slug);
    await page.getByLabel('A blank survey').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Create the draft' }));
    expect(new URL(page.url()).pathname).toBe(`${NETWORK}/surveys/${slug}/edit`);
    await expectAxeClean(page, 'outline');

    // Page 1: a choice question.
    await page.getByLabel('Kind of question').first().selectOption('single');
    await page.getByLabel('Question', { exact: true }).first().fill('Are you caring for someone at the moment?');
    await clickAndLoad(page, page.getByRole('button', { name: 'Add question to page 1' }));
    expect(new URL(page.url()).pathname).toBe(`${NETWORK}/surveys/${slug}/edit/q/are_you_caring_for_someone_at_the_moment`);
    await expectAxeClean(page, 'question editor');
    await page.getByLabel('Option 1', { exact: true }).fill('Yes');
    await page.getByLabel('Option 2', { exact: true }).fill('No');
    await clickAndLoad(page, page.getByRole('button', { name: 'Add option' }));
    await page.getByLabel('Option 3', { exact: true }).fill('Not sure');
    await page.getByLabel('An answer is required').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Save question' }));
    await expect(page.getByRole('status').textContent()).resolves.toContain('Saved “Are you caring for someone at the moment?”');

    // The blank survey's placeholder goes.
    await clickAndLoad(page, page.getByRole('button', { name: 'Remove “Your first question”' }));
    await expect(page.getByRole('status').textContent()).resolves.toContain('Removed “Your first question”');

    // Page 2, asked only of carers.
    await page.getByLabel('Add a page').fill('Support');
    await clickAndLoad(page, page.getByRole('button', { name: 'Add page' }));
    await page.locator('#add-1-type').selectOption('long_text');
    await page.locator('#add-1-title').fill('What would help you most at work?');
    await clickAndLoad(page, page.getByRole('button', { name: 'Add question to page 2' }));
    await clickAndLoad(page, page.getByRole('button', { name: 'Add a condition' }));
    await page.getByLabel('Condition 1: the answer to').selectOption('are_you_caring_for_someone_at_the_moment');
    await clickAndLoad(page, page.getByRole('button', { name: 'Show the answers to choose from' }));
    // Saving without choosing an answer is refused, with the error at the condition.
    await clickAndLoad(page, page.getByRole('button', { name: 'Save question' }));
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Choose at least one answer for this condition');
    await page.getByLabel('Yes', { exact: true }).check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Save question' }));
    await clickAndLoad(page, page.getByRole('button', { name: /^Remove “Replace this with an introduction/ }));
    expect(await outline(page)).toEqual([['Are you caring for someone at the moment?'], ['What would help you most at work?']]);
    await expect(page.locator('section.builder-page').nth(1).textContent()).resolves.toContain('asked only if you answered “Yes” to “Are you caring for someone at the moment?”');

    // Preview: the draft as respondents will see it, checks included.
    await page.goto(`${base}${NETWORK}/surveys/${slug}/edit/preview`);
    await expectAxeClean(page, 'preview');
    await clickAndLoad(page, page.getByRole('button', { name: 'Continue' }));
    await expect(page.locator('.error-summary a').getAttribute('href')).resolves.toBe('#q-are_you_caring_for_someone_at_the_moment');
    await page.getByLabel('Yes', { exact: true }).check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Continue' }));
    await expect(page.getByRole('heading', { name: 'Support' }).count()).resolves.toBe(1);

    // Publish version 1.
    await page.goto(`${base}${NETWORK}/surveys/${slug}/edit/publish`);
    await expectAxeClean(page, 'publish');
    await clickAndLoad(page, page.getByRole('button', { name: 'Publish version 1' }));
    await expect(page.getByRole('status').textContent()).resolves.toContain('Version 1 is published');
    await page.close();

    // Two respondents, JavaScript off: a carer is asked page 2; someone who is not goes straight to the end.
    for (const [answer, asked] of [
      ['Yes', true],
      ['No', false]
    ] as const) {
      const r = await browser().newPage({ javaScriptEnabled: false });
      await r.goto(`${base}/s/${slug}`);
      await r.getByLabel(answer, { exact: true }).check();
      await clickAndLoad(r, r.getByRole('button', { name: /Continue|Send my answers/ }));
      if (asked) {
        await expect(r.getByRole('heading', { name: 'Support' }).count()).resolves.toBe(1);
        await r.getByLabel('What would help you most at work?').fill('Flexible hours when appointments come up');
        await clickAndLoad(r, r.getByRole('button', { name: 'Send my answers' }));
      }
      await expect(r.getByRole('heading', { name: 'Thank you. Your answers have been sent.' }).count()).resolves.toBe(1);
      await r.close();
    }
    const rows = query<{ version: number; q: string; option_id: string | null; text: string | null }>(
      `SELECT r.version, a.question_id AS q, a.option_id, a.text FROM responses r JOIN surveys s ON s.id = r.survey_id JOIN answers a ON a.response_id = r.id WHERE s.slug = '${slug}' AND r.status = 'complete' ORDER BY r.completed_at, a.question_id`
    );
    expect(rows).toEqual([
      { version: 1, q: 'are_you_caring_for_someone_at_the_moment', option_id: 'yes', text: null },
      { version: 1, q: 'what_would_help_you_most_at_work', option_id: null, text: 'Flexible hours when appointments come up' },
      { version: 1, q: 'are_you_caring_for_someone_at_the_moment', option_id: 'no', text: null }
    ]);
  });

  it('flags a change that breaks comparison, publishes it only when confirmed, and earlier answers keep version 1', async () => {
    const page = await editor(false);
    await page.goto(`${base}${NETWORK}/surveys/${slug}/edit/q/are_you_caring_for_someone_at_the_moment`);
    // "No" has an answer: remove it, and reword "Yes".
    await clickAndLoad(page, page.getByRole('button', { name: 'Remove option 2' }));
    await page.getByLabel('Option 1', { exact: true }).fill('Yes, I care for someone');
    await clickAndLoad(page, page.getByRole('button', { name: 'Save question' }));

    // The live survey is untouched by the draft.
    const live = await (await fetch(`${base}/api/surveys/${slug}`)).json();
    expect(JSON.stringify(live)).toContain('"No"');

    await page.goto(`${base}${NETWORK}/surveys/${slug}/edit/publish`);
    const breaking = page.locator('section.breaking');
    await expect(breaking.textContent()).resolves.toContain('Choice “No” removed: 1 person chose it.');
    await expect(page.locator('main').textContent()).resolves.toContain('Choice “Yes” reworded to “Yes, I care for someone”.');
    await expectAxeClean(page, 'publish with breaking changes');
    await clickAndLoad(page, page.getByRole('button', { name: 'Publish version 2' }));
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Confirm that you want to publish a change that breaks comparison');
    expect(query<{ v: number }>(`SELECT current_version AS v FROM surveys WHERE slug = '${slug}'`)).toEqual([{ v: 1 }]);
    await page.getByLabel(/I understand that this change breaks comparison/).check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Publish version 2' }));
    await expect(page.getByRole('status').textContent()).resolves.toContain('Version 2 is published');

    const versions = query<{ version: number; n: number }>(`SELECT r.version, count(*) AS n FROM responses r JOIN surveys s ON s.id = r.survey_id WHERE s.slug = '${slug}' GROUP BY r.version`);
    expect(versions).toEqual([{ version: 1, n: 2 }]);
    const v1 = query<{ definition: string }>(`SELECT v.definition FROM survey_versions v JOIN surveys s ON s.id = v.survey_id WHERE s.slug = '${slug}' AND v.version = 1`)[0];
    expect(v1.definition).toContain('"No"');
    await page.close();
  });
});

describe('copying a question and deleting a draft', () => {
  it('copies with a new id, and deletes a never-published survey only when confirmed', async () => {
    const slug = `scratch-${stamp}`;
    const page = await editor(false);
    await page.goto(`${base}${NETWORK}/surveys/new`);
    // An address already in use is refused at its field.
    await page.getByLabel('Title', { exact: true }).fill('Scratch');
    await page.getByLabel('Address (optional)').fill('employers');
    await page.getByLabel('A blank survey').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Create the draft' }));
    await expect(page.locator('.error-summary a').first().getAttribute('href')).resolves.toBe('#f-slug');
    await expect(page.locator('#f-slug-error').textContent()).resolves.toContain('already used');
    await page.getByLabel('Address (optional)').fill(slug);
    await page.getByLabel('A blank survey').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Create the draft' }));
    await clickAndLoad(page, page.getByRole('button', { name: 'Copy “Your first question”' }));
    expect(new URL(page.url()).pathname).toBe(`${NETWORK}/surveys/${slug}/edit/q/first_question_copy`);
    await expect(page.getByRole('status').textContent()).resolves.toContain('Copied, just after the original');
    await page.goto(`${base}${NETWORK}/surveys/${slug}/edit`);
    expect(await outline(page)).toEqual([['Your first question', 'Your first question (copy)']]);

    await page.goto(`${base}${NETWORK}/surveys/${slug}/edit/publish`);
    await clickAndLoad(page, page.getByRole('button', { name: 'Delete the survey' }));
    await expect(page.locator('.error-summary a').getAttribute('href')).resolves.toBe('#f-delete-confirm');
    await expectAxeClean(page, 'publish page with a delete error');
    await page.getByLabel('Yes, delete “Scratch”').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Delete the survey' }));
    expect(new URL(page.url()).pathname).toBe(NETWORK);
    await expect(page.getByRole('status').textContent()).resolves.toContain(`The draft survey “${slug}” was deleted.`);
    expect(query(`SELECT id FROM surveys WHERE slug = '${slug}'`)).toEqual([]);
    await page.close();
  });
});

describe('two editors at once', () => {
  it('never overwrites a change made meanwhile without saying so, with JavaScript off', async () => {
    const slug = `together-${stamp}`;
    const page = await editor(false);
    await page.goto(`${base}${NETWORK}/surveys/new`);
    await page.getByLabel('Title', { exact: true }).fill('Together');
    await page.getByLabel('Address (optional)').fill(slug);
    await page.getByLabel('A blank survey').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Create the draft' }));
    await page.goto(`${base}${NETWORK}/surveys/${slug}/edit/q/first_question`);
    await page.getByLabel('Question', { exact: true }).fill('Editor A’s wording');
    await clickAndLoad(page, page.getByRole('button', { name: 'Add option' }));

    // Meanwhile editor B renames the survey through the API.
    const cookie = await apiCookie(base, PEOPLE.admin);
    const draft = (await (await fetch(`${base}/api/networks/birmingham-demo/surveys/${slug}/draft`, { headers: { cookie } })).json()) as { revision: number; definition: Record<string, unknown> };
    const put = await fetch(`${base}/api/networks/birmingham-demo/surveys/${slug}/draft`, {
      method: 'PUT',
      headers: { cookie, origin: base, 'content-type': 'application/json' },
      body: JSON.stringify({ revision: draft.revision, definition: { ...draft.definition, title: 'Renamed by editor B' } })
    });
    expect(put.status).toBe(200);

    // A's save is refused and says why; A's words are still there; saving again keeps both changes.
    await clickAndLoad(page, page.getByRole('button', { name: 'Save question' }));
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('Someone else changed this survey');
    await expect(page.getByLabel('Question', { exact: true }).inputValue()).resolves.toBe('Editor A’s wording');
    await clickAndLoad(page, page.getByRole('button', { name: 'Save question' }));
    const stored = JSON.parse(query<{ draft: string }>(`SELECT draft FROM surveys WHERE slug = '${slug}'`)[0].draft);
    expect([stored.title, stored.pages[0].questions[0].title]).toEqual(['Renamed by editor B', 'Editor A’s wording']);
    await page.close();
  });
});

describe('the builder with JavaScript', () => {
  const slug = `order-${stamp}`;

  it('moves questions by keyboard, keeping focus, and by dragging', async () => {
    const page = await editor(true);
    await page.goto(`${base}${NETWORK}/surveys/new`);
    await page.getByLabel('Title', { exact: true }).fill('Order matters');
    await page.getByLabel('Address (optional)').fill(slug);
    await page.getByLabel('A template the network has used before').check();
    await page.getByLabel('Template', { exact: true }).selectOption('memorials');
    await clickAndLoad(page, page.getByRole('button', { name: 'Create the draft' }));
    await page.waitForSelector('section.builder-page');
    const before = await outline(page);
    const [first, second] = before[0];

    // Keyboard: Tab to the first question's Down button and press Enter.
    const down = page.getByRole('button', { name: moveButton('Down', first) });
    const downId = await down.getAttribute('id');
    await down.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => outline(page).then((o) => o[0].slice(0, 2))).toEqual([second, first]);
    await expect(page.getByRole('status').textContent()).resolves.toContain(`Moved “${first}” to page 1, position 2.`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(downId);

    // Dragging the third question of page 1 onto the first puts it first.
    const third = (await outline(page))[0][2];
    const items = page.locator('section.builder-page').first().locator('ol.outline > li');
    await items.nth(2).dragTo(items.nth(0));
    await expect.poll(() => outline(page).then((o) => o[0][0])).toBe(third);
    await expectAxeClean(page, 'outline with JavaScript');

    // A move that would put a question before the one its condition looks at is refused, and says why.
    const withCondition = page.locator('ol.outline > li', { hasText: 'asked only if' }).first();
    if ((await withCondition.count()) > 0) {
      const name = ((await withCondition.locator('.q-link').textContent()) ?? '').replace(/^\d+\.\s*/, '').trim();
      for (let i = 0; i < 30; i++) {
        const up = page.getByRole('button', { name: moveButton('Up', name) });
        if (await up.isDisabled()) break;
        await up.click();
        await page.waitForLoadState('networkidle');
        if ((await page.locator('.error-summary').count()) > 0) break;
      }
      await expect(page.locator('.error-summary').textContent()).resolves.toContain('A condition can only look at earlier questions');
    }
    await page.close();
  });

  it('edits a question’s shape without a reload, putting focus on the new row', async () => {
    const page = await editor(true);
    await page.goto(`${base}${NETWORK}/surveys/${slug}/edit`);
    await page.locator('.q-link').first().click();
    await page.waitForURL(/\/edit\/q\//);
    const rows = page.locator('#f-options li, #f-points li, #f-rows li');
    const count = await rows.count();
    const add = page.getByRole('button', { name: /^Add (option|point|statement)$/ }).first();
    if ((await add.count()) > 0) {
      await add.click();
      await expect.poll(() => rows.count()).toBe(count + 1);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/-label$/);
    }
    await expectAxeClean(page, 'question editor with JavaScript');
    await page.close();
  });
});

describe('translations', () => {
  it('adds Urdu, translates side by side, and the preview reads right to left', async () => {
    const slug = `translated-${stamp}`;
    const page = await editor(false);
    await page.goto(`${base}${NETWORK}/surveys/new`);
    await page.getByLabel('Title', { exact: true }).fill('Remembering together');
    await page.getByLabel('Address (optional)').fill(slug);
    await page.getByLabel('A blank survey').check();
    await clickAndLoad(page, page.getByRole('button', { name: 'Create the draft' }));
    await page.goto(`${base}${NETWORK}/surveys/${slug}/edit/settings`);
    await expectAxeClean(page, 'settings');
    await page.getByLabel('Introduction (optional)').fill('Thank you for taking part.');
    await page.locator('#f-contacts-0-name').fill('Cruse Bereavement Support');
    await page.locator('#f-contacts-0-phone').fill('0808 808 1677');
    await page.locator('#f-contacts-0-url').fill('not a web address');
    await clickAndLoad(page, page.getByRole('button', { name: 'Save settings' }));
    await expect(page.locator('.error-summary a').first().getAttribute('href')).resolves.toBe('#f-contacts-0-url');
    await page.locator('#f-contacts-0-url').fill('https://www.cruse.org.uk');
    await clickAndLoad(page, page.getByRole('button', { name: 'Save settings' }));
    await expect(page.getByRole('status').textContent()).resolves.toContain('Settings saved');

    await page.goto(`${base}${NETWORK}/surveys/${slug}/edit/translate`);
    await page.getByLabel('Language', { exact: true }).selectOption('ur');
    await clickAndLoad(page, page.getByRole('button', { name: 'Add language' }));
    expect(new URL(page.url()).searchParams.get('lang')).toBe('ur');
    const title = page.getByLabel('Urdu: Survey title');
    await expect(title.getAttribute('dir')).resolves.toBe('rtl');
    await expect(title.getAttribute('lang')).resolves.toBe('ur');
    await expectAxeClean(page, 'translations');
    await title.fill('مل کر یاد کرنا');
    await page.getByLabel('Urdu: Introduction').fill('حصہ لینے کا شکریہ۔');
    await clickAndLoad(page, page.getByRole('button', { name: 'Save Urdu translations' }));
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/Translations saved in the draft\. \d+ still to do\./);
    await expect(page.getByLabel('Urdu: Survey title').inputValue()).resolves.toBe('مل کر یاد کرنا');

    await page.goto(`${base}${NETWORK}/surveys/${slug}/edit/preview?lang=ur`);
    await expect(page.locator('html').getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ur');
    await expect(page.locator('h1').textContent()).resolves.toBe('مل کر یاد کرنا');
    // Untranslated text falls back to English.
    await expect(page.locator('main').textContent()).resolves.toContain('Your first question');
    await expectAxeClean(page, 'preview in Urdu');

    // The English text edited in the builder keeps its Urdu translation.
    await page.goto(`${base}${NETWORK}/surveys/${slug}/edit/settings`);
    await page.getByLabel('Introduction (optional)').fill('Thank you for taking part in this survey.');
    await clickAndLoad(page, page.getByRole('button', { name: 'Save settings' }));
    const draft = query<{ draft: string }>(`SELECT draft FROM surveys WHERE slug = '${slug}'`)[0].draft;
    expect(JSON.parse(draft).intro).toEqual({ en: 'Thank you for taking part in this survey.', ur: 'حصہ لینے کا شکریہ۔' });
    await page.close();
  });
});

describe('importing', () => {
  for (const [file, format] of [
    ['surveyjs-wellbeing.json', 'SurveyJS'],
    ['xlsform-community.xlsx', 'XLSForm']
  ] as const) {
    it(`creates a draft from a ${format} file and says what was not carried over`, async () => {
      const slug = `import-${format.toLowerCase()}-${stamp}`;
      const page = await editor(false);
      await page.goto(`${base}${NETWORK}/surveys/new`);
      await page.getByLabel('Address (optional)').fill(slug);
      await page.getByLabel('A file').check();
      await page.getByLabel('File to import').setInputFiles(join(root, 'test/fixtures/import', file));
      await clickAndLoad(page, page.getByRole('button', { name: 'Create the draft' }));
      await expect(page.getByRole('heading', { name: 'Survey imported' }).count()).resolves.toBe(1);
      await expect(page.locator('.import-report').textContent()).resolves.toContain(`Read as ${format}`);
      expect(await page.locator('.import-report tbody tr').count()).toBeGreaterThan(0);
      await expectAxeClean(page, `import report (${format})`);
      await clickAndLoad(page, page.getByRole('link', { name: 'Check it in the builder' }));
      expect((await outline(page)).flat().length).toBeGreaterThan(3);
      // Exported again as our JSON, it names its schema and imports as it is.
      const res = await page.request.get(`${base}${NETWORK}/surveys/${slug}/definition.json?draft`);
      expect(res.status()).toBe(200);
      const exported = await res.json();
      expect(exported.$schema).toBe(`${base}/api/schema/survey-definition.json`);
      expect(exported.format).toBe(1);
      await page.close();
    });
  }

  it('refuses a file that is not a survey, with the error at the file field, and creates nothing', async () => {
    const page = await editor(false);
    await page.goto(`${base}${NETWORK}/surveys/new`);
    await page.getByLabel('Address (optional)').fill(`not-a-survey-${stamp}`);
    await page.getByLabel('A file').check();
    await page.getByLabel('File to import').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('["just", "a", "list"]') });
    await clickAndLoad(page, page.getByRole('button', { name: 'Create the draft' }));
    await expect(page.locator('.error-summary a').first().getAttribute('href')).resolves.toBe('#f-file');
    await expect(page.locator('#f-file').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(query(`SELECT id FROM surveys WHERE slug = 'not-a-survey-${stamp}'`)).toEqual([]);
    await page.close();
  });
});
