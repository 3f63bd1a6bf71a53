/**
 * Reaching respondents, end to end in Chromium: QR codes that decode to their link and
 * count responses on it, an organisation's invitation used from two browsers, single-use
 * cards, kiosks, assisted answering, and the friendly refusals (forged links, withdrawn
 * links, full and invitation-only surveys) that store nothing.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { templates } from '../../schema/templates';
import { random, syntheticAnswers } from '../../worker/seed/synthetic';
import { axeViolations, clickAndLoad, useBrowser } from './browser';
import { count, query } from './db';
import { PEOPLE, signIn } from './people';
import { answerToEnd, fillPage } from './survey-flow';

const base = inject('baseURL');
const browser = useBrowser();
const NETWORK = 'birmingham-demo';
const def = (slug: string) => templates.find((t) => t.slug === slug)!.definition;

function decode(png: Buffer): string | null {
  const img = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)?.data ?? null;
}

async function asEditor(): Promise<Page> {
  const page = await browser().newPage();
  await signIn(page, base, PEOPLE.editor);
  return page;
}

describe('links and QR codes', () => {
  it('a link’s QR code decodes to its address, and a response through it is counted on it', async () => {
    const editor = await asEditor();
    await editor.goto(`${base}/n/${NETWORK}/surveys/memorials`);
    expect(await axeViolations(editor)).toEqual([]);
    const row = editor.getByRole('row', { name: /QR poster, Hall of Memory/ });
    const shown = await row.getByRole('link', { name: /\/l\// }).getAttribute('href');
    expect(shown).toMatch(new RegExp(`^${base}/l/[2-9A-Z]{6}$`));
    // The code on screen, as a phone camera sees it, and the PNG for print shops.
    expect(decode(await row.locator('svg.qr').screenshot())).toBe(shown);
    const png = await editor.request.get(`${base}${await row.getByRole('link', { name: /^PNG/ }).getAttribute('href')}`);
    expect(png.headers()['content-type']).toBe('image/png');
    expect(decode(await png.body())).toBe(shown);
    const code = shown!.split('/l/')[1];
    const linkId = query<{ id: string }>(`SELECT id FROM links WHERE code = '${code}'`)[0].id;
    const before = count(`SELECT count(*) AS n FROM responses WHERE link_id = '${linkId}' AND status = 'complete'`);

    const respondent = await browser().newPage({ javaScriptEnabled: false });
    await respondent.goto(shown!);
    expect(new URL(respondent.url()).searchParams.get('via')).toBe(code);
    await answerToEnd(respondent, def('memorials'), syntheticAnswers(def('memorials'), random(41)));
    expect(count(`SELECT count(*) AS n FROM responses WHERE link_id = '${linkId}' AND status = 'complete'`)).toBe(before + 1);

    await editor.reload();
    await expect(editor.getByRole('row', { name: /QR poster, Hall of Memory/ }).textContent()).resolves.toContain(`${before + 1} sent`);
    for (const layout of ['', '?layout=table']) {
      await editor.goto(`${base}/n/${NETWORK}/surveys/memorials/links/${linkId}/poster${layout}`);
      expect(await axeViolations(editor)).toEqual([]);
      await editor.emulateMedia({ media: 'print' });
      expect(await editor.locator('.member-header').isVisible()).toBe(false);
      expect(decode(await editor.locator('.sheet svg.qr').first().screenshot())).toBe(shown);
      const pdf = await editor.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await editor.emulateMedia({ media: 'screen' });
    }
    await respondent.close();
    await editor.close();
  });

  it('an editor makes a link and withdraws it; a withdrawn link is refused politely', async () => {
    const editor = await asEditor();
    await editor.goto(`${base}/n/${NETWORK}/surveys/memorials`);
    await clickAndLoad(editor, editor.getByRole('button', { name: 'Create link' }));
    expect(await editor.locator('[data-error-summary]').textContent()).toMatch(/say where the link will be used/);
    expect(await axeViolations(editor)).toEqual([]);
    await editor.getByLabel('Where it will be used').fill('Leaflet, Northfield library');
    await editor.getByLabel('Site or area (optional)').first().fill('Northfield');
    await clickAndLoad(editor, editor.getByRole('button', { name: 'Create link' }));
    const row = editor.getByRole('row', { name: /Leaflet, Northfield library/ });
    const url = (await row.getByRole('link', { name: /\/l\// }).getAttribute('href'))!;
    await clickAndLoad(editor, row.getByRole('button', { name: /Withdraw/ }));
    const page = await browser().newPage();
    const res = await page.goto(url);
    expect(res?.status()).toBe(410);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('This link no longer works');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
    await editor.close();
  });
});

/** Answer every page of an organisation's response, giving the sender's name on the last. */
async function answerForOrganisation(page: Page, slug: string, seed: number, name: string) {
  const plan = syntheticAnswers(def(slug), random(seed));
  for (let i = 0; i < 10; i++) {
    await fillPage(page, def(slug), plan);
    const sender = page.getByLabel('Your name and role');
    if (await sender.count()) await sender.fill(name);
    await clickAndLoad(page, page.getByRole('button', { name: /continue|send my answers/i }));
    if (new URL(page.url()).pathname.endsWith('/thanks')) return;
  }
  throw new Error('did not reach the thank-you page');
}

describe('organisation invitations', () => {
  it('used from two browsers makes one response, sent once by a named person, then read-only', async () => {
    const editor = await asEditor();
    await editor.goto(`${base}/n/${NETWORK}/surveys/care-homes/invitations`);
    expect(await axeViolations(editor)).toEqual([]);
    const row = editor.getByRole('row').filter({ hasText: 'not opened' }).first();
    const organisation = (await row.getByRole('rowheader').textContent())!.split(/Care home/)[0].trim();
    const url = (await row.locator('.link-to-copy').textContent())!.trim();
    const csv = await editor.request.get(`${base}/n/${NETWORK}/surveys/care-homes/invitations/invitations.csv`);
    expect(await csv.text()).toContain(url);

    const [a, b] = [await browser().newContext(), await browser().newContext({ javaScriptEnabled: false })];
    const pageA = await a.newPage();
    const pageB = await b.newPage();
    await pageA.goto(url);
    expect(await axeViolations(pageA)).toEqual([]);
    await clickAndLoad(pageA, pageA.getByRole('link', { name: 'Start the survey' }));
    await pageB.goto(url);
    await clickAndLoad(pageB, pageB.getByRole('link', { name: /Start the survey|Continue the answers/ }));
    expect(new URL(pageB.url()).searchParams.get('r')).toBe(new URL(pageA.url()).searchParams.get('r'));
    const responseId = new URL(pageA.url()).searchParams.get('r')!;
    await expect(pageA.getByRole('note', { name: 'Answering for an organisation' }).textContent()).resolves.toContain(organisation);

    // Colleague B answers the first page; colleague A carries on from there and sends it.
    await fillPage(pageB, def('care-homes'), syntheticAnswers(def('care-homes'), random(7)));
    await clickAndLoad(pageB, pageB.getByRole('button', { name: 'Continue' }));
    await pageA.goto(url);
    await expect(pageA.getByRole('link', { name: 'Continue the answers' }).count()).resolves.toBe(1);
    await clickAndLoad(pageA, pageA.getByRole('link', { name: 'Continue the answers' }));
    await answerForOrganisation(pageA, 'care-homes', 7, 'Ruth Okafor, registered manager');
    // B's tab, still open on the page after its first, sends it after A has: nothing changes.
    await clickAndLoad(pageB, pageB.getByRole('button', { name: /Continue|Send my answers/ }));
    expect(new URL(pageB.url()).pathname).toBe('/s/care-homes/thanks');
    expect(count(`SELECT count(*) AS n FROM responses WHERE id = '${responseId}' AND status = 'complete'`)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM responses r JOIN links l ON l.id = r.link_id WHERE l.response_id = '${responseId}'`)).toBe(1);

    await pageB.goto(url);
    await expect(pageB.getByRole('heading', { level: 2 }).first().textContent()).resolves.toContain('has sent its answers');
    await expect(pageB.locator('main').textContent()).resolves.toContain('Ruth Okafor, registered manager');
    expect(await pageB.getByRole('button').count()).toBe(0);
    expect(await axeViolations(pageB)).toEqual([]);

    await editor.reload();
    await expect(editor.getByRole('row', { name: new RegExp(organisation) }).textContent()).resolves.toMatch(/submitted.*by Ruth Okafor/s);
    await Promise.all([a.close(), b.close(), editor.close()]);
  });

  it('the sender’s name is required, with the error tied to its field', async () => {
    const editor = await asEditor();
    await editor.goto(`${base}/n/${NETWORK}/surveys/employers/invitations`);
    const url = (await editor.getByRole('row').filter({ hasText: 'not opened' }).first().locator('.link-to-copy').textContent())!.trim();
    const page = await browser().newPage({ javaScriptEnabled: false });
    await page.goto(url);
    await clickAndLoad(page, page.getByRole('link', { name: 'Start the survey' }));
    const plan = syntheticAnswers(def('employers'), random(3));
    for (let i = 0; i < 10 && !(await page.getByLabel('Your name and role').count()); i++) {
      await fillPage(page, def('employers'), plan);
      await clickAndLoad(page, page.getByRole('button', { name: 'Continue' }));
    }
    await fillPage(page, def('employers'), plan);
    await clickAndLoad(page, page.getByRole('button', { name: 'Send my answers' }));
    await expect(page.locator('[data-error-summary]').textContent()).resolves.toMatch(/Enter your name and role/);
    await expect(page.getByLabel('Your name and role').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    const r = new URL(page.url()).searchParams.get('r');
    expect(count(`SELECT count(*) AS n FROM responses WHERE id = '${r}' AND status = 'complete'`)).toBe(0);
    await page.close();
    await editor.close();
  });
});

describe('single-use cards', () => {
  it('a card gives one response; a used card is refused politely', async () => {
    const editor = await asEditor();
    await editor.goto(`${base}/n/${NETWORK}/surveys/homelessness`);
    await clickAndLoad(editor, editor.getByRole('link', { name: /Print the cards/ }).first());
    expect(await axeViolations(editor)).toEqual([]);
    const url = decode(await editor.locator('.card svg.qr').first().screenshot())!;
    expect(url).toMatch(new RegExp(`^${base}/c/[a-z2-7]{28}$`));
    const packId = new URL(editor.url()).pathname.split('/').pop();
    const before = count(`SELECT count(*) AS n FROM responses WHERE link_id = '${packId}' AND status = 'complete'`);

    const page = await browser().newPage({ javaScriptEnabled: false });
    await page.goto(url);
    await answerToEnd(page, def('homelessness'), syntheticAnswers(def('homelessness'), random(11)));
    expect(count(`SELECT count(*) AS n FROM responses WHERE link_id = '${packId}' AND status = 'complete'`)).toBe(before + 1);
    const res = await page.goto(url);
    expect(res?.status()).toBe(410);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('This card cannot be used');
    await expect(page.locator('main').textContent()).resolves.toContain('already been used');
    expect(await axeViolations(page)).toEqual([]);
    // Nobody can tell which card gave which answers once it is used.
    expect(count(`SELECT count(*) AS n FROM cards WHERE link_id = '${packId}' AND used_at IS NOT NULL AND response_id IS NOT NULL`)).toBe(0);

    for (const forged of [`${base}/c/${'a'.repeat(28)}`, `${url.slice(0, -1)}${url.endsWith('a') ? 'b' : 'a'}`, `${base}/i/${url.split('/c/')[1]}`]) {
      const r = await page.goto(forged);
      expect(r?.status()).toBe(410);
    }
    await page.close();
    await editor.close();
  });
});

describe('kiosk', () => {
  it('clears itself for the next person after a response, and after a period of inactivity', async () => {
    const editor = await asEditor();
    await editor.goto(`${base}/n/${NETWORK}/surveys/memorials`);
    const kiosk = (await editor.getByRole('row', { name: /Kiosk, Remembrance event/ }).getByRole('link', { name: /\/l\// }).getAttribute('href'))!;
    const linkId = query<{ id: string }>(`SELECT id FROM links WHERE code = '${kiosk.split('/l/')[1]}'`)[0].id;
    await editor.close();

    const tablet = await browser().newPage();
    await tablet.clock.install();
    await tablet.goto(kiosk);
    const first = new URL(tablet.url()).searchParams;
    expect(first.get('via')).toBe(kiosk.split('/l/')[1]);
    await answerToEnd(tablet, def('memorials'), syntheticAnswers(def('memorials'), random(5)));
    expect(await tablet.locator('meta[http-equiv="refresh"]').getAttribute('content')).toBe(`30;url=/l/${kiosk.split('/l/')[1]}`);
    expect(count(`SELECT count(*) AS n FROM responses WHERE link_id = '${linkId}' AND mode = 'kiosk' AND status = 'complete'`)).toBeGreaterThan(0);
    await clickAndLoad(tablet, tablet.getByRole('link', { name: 'Start now for the next person' }));
    expect(new URL(tablet.url()).pathname).toBe('/s/memorials');
    expect(await tablet.locator('input:checked').count()).toBe(0);

    // Someone starts, then walks away.
    await tablet.locator('input[type=radio]').first().check();
    await tablet.clock.fastForward(121_000);
    await expect(tablet.getByRole('alert').textContent()).resolves.toContain('Are you still there?');
    expect(await axeViolations(tablet)).toEqual([]);
    // The address is the same before and after (a fresh start from the kiosk link): wait for the load itself.
    const abandoned = await tablet.locator('input[name=r]').inputValue();
    const navigated = tablet.waitForEvent('framenavigated', { predicate: (f) => f === tablet.mainFrame() });
    await tablet.clock.fastForward(31_000);
    await navigated;
    await tablet.waitForLoadState('load');
    expect(new URL(tablet.url()).searchParams.get('via')).toBe(kiosk.split('/l/')[1]);
    expect(await tablet.locator('input[name=r]').inputValue()).not.toBe(abandoned);
    expect(await tablet.locator('input:checked').count()).toBe(0);
    await tablet.close();
  });
});

describe('assisted answering', () => {
  it('a data-entry member answers with someone; the response records the mode and who keyed it', async () => {
    const page = await browser().newPage();
    await signIn(page, base, PEOPLE['data-entry']);
    await page.goto(`${base}/n/${NETWORK}/surveys/homelessness`);
    await clickAndLoad(page, page.getByRole('link', { name: /Answer with someone/ }));
    await expect(page.getByRole('note', { name: 'Assisted mode' }).count()).resolves.toBe(1);
    const r = new URL(page.url()).searchParams.get('r') ?? (await page.locator('input[name=r]').inputValue());
    await answerToEnd(page, def('homelessness'), syntheticAnswers(def('homelessness'), random(19)));
    const [row] = query<{ mode: string; entered_by: string; email: string }>(
      `SELECT r.mode, r.entered_by, u.email FROM responses r JOIN users u ON u.id = r.entered_by WHERE r.id = '${r}'`
    );
    expect(row).toMatchObject({ mode: 'assisted', email: PEOPLE['data-entry'] });

    // Without the right to enter responses, `assist=1` is just an ordinary online response.
    const anon = await browser().newPage({ javaScriptEnabled: false });
    await anon.goto(`${base}/s/prisons?assist=1`);
    expect(await anon.getByRole('note', { name: 'Assisted mode' }).count()).toBe(0);
    const id = await anon.locator('input[name=r]').inputValue();
    await answerToEnd(anon, def('prisons'), syntheticAnswers(def('prisons'), random(23)));
    expect(query(`SELECT mode, entered_by FROM responses WHERE id = '${id}'`)[0]).toEqual({ mode: 'online', entered_by: null });
    await anon.close();
    await page.close();
  });
});

describe('surveys that cannot take a response', () => {
  it('a full survey and an invitation-only survey say so kindly and store nothing', async () => {
    const first = await browser().newPage({ javaScriptEnabled: false });
    const second = await browser().newPage({ javaScriptEnabled: false });
    await first.goto(`${base}/s/capped-survey`);
    await second.goto(`${base}/s/capped-survey`);
    const late = await second.locator('input[name=r]').inputValue();
    await first.getByLabel('Yes', { exact: true }).check();
    await clickAndLoad(first, first.getByRole('button', { name: 'Send my answers' }));
    expect(new URL(first.url()).pathname).toBe('/s/capped-survey/thanks');
    await second.getByLabel('No', { exact: true }).check();
    await clickAndLoad(second, second.getByRole('button', { name: 'Send my answers' }));
    await expect(second.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('This survey is not open');
    await expect(second.locator('main').textContent()).resolves.toContain('has all the responses it needs');
    expect(await axeViolations(second)).toEqual([]);
    expect(count(`SELECT count(*) AS n FROM responses WHERE id = '${late}' AND status = 'complete'`)).toBe(0);

    const res = await first.goto(`${base}/s/by-invitation`);
    expect(res?.status()).toBe(403);
    await expect(first.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('This survey is by invitation');
    expect(await axeViolations(first)).toEqual([]);
    const posted = await first.request.post(`${base}/s/by-invitation`, {
      form: { r: crypto.randomUUID(), page: '0', 'q.q': 'yes' },
      headers: { origin: base },
      maxRedirects: 0
    });
    expect(posted.status()).toBe(403);
    expect(count(`SELECT count(*) AS n FROM responses r JOIN surveys s ON s.id = r.survey_id WHERE s.slug = 'by-invitation'`)).toBe(0);
    await Promise.all([first.close(), second.close()]);
  });
});
