import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, clickAndLoad, useBrowser } from './browser';
import { PEOPLE, signIn } from './people';

const base = inject('baseURL');
const browser = useBrowser();
const NETWORK = 'birmingham-demo';

async function newPage(javaScript = true): Promise<Page> {
  const context = await browser().newContext({ javaScriptEnabled: javaScript });
  return context.newPage();
}
const path = (page: Page) => new URL(page.url()).pathname;

describe.each([false, true])('members with JavaScript %s', (javaScript) => {
  it('a reviewer signs in, sees results, signs out, and the results are gone', async () => {
    const page = await newPage(javaScript);
    await page.goto(`${base}/surveys/employers/results`);
    expect(path(page)).toBe('/login');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Email address').fill(PEOPLE.reviewer);
    await page.getByLabel('Password').fill('compassion-demo-2026');
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));
    expect(page.url()).toBe(`${base}/surveys/employers/results`);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toMatch(/^Results: /);
    expect(await axeViolations(page)).toEqual([]);
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign out' }));
    expect(path(page)).toBe('/login');
    await page.goto(`${base}/surveys/employers/results`);
    expect(path(page)).toBe('/login');
    await page.context().close();
  });

  it('a wrong password gets a clear message tied to the form, and changes nothing', async () => {
    const page = await newPage(javaScript);
    await page.goto(`${base}/login`);
    await page.getByLabel('Email address').fill(PEOPLE.editor);
    await page.getByLabel('Password').fill('not the password');
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));
    await expect(page.locator('[data-error-summary]').innerText()).resolves.toContain('The email address or password is not right.');
    expect(await page.getByLabel('Email address').inputValue()).toBe(PEOPLE.editor);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await axeViolations(page)).toEqual([]);
    expect((await page.context().cookies()).some((c) => c.name === 'ccs_session')).toBe(false);
    await page.context().close();
  });
});

describe('sessions and links that cannot be used', () => {
  it.each(['//evil.example/', 'https://evil.example/', '/\\evil.example'])('after sign-in, next=%s stays on this site', async (next) => {
    const page = await newPage(false);
    await page.goto(`${base}/login?${new URLSearchParams({ next })}`);
    await page.getByLabel('Email address').fill(PEOPLE.reviewer);
    await page.getByLabel('Password').fill('compassion-demo-2026');
    await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));
    expect(new URL(page.url()).origin).toBe(base);
    expect(path(page)).toBe('/account');
    await page.context().close();
  });

  it('a forged or expired session cookie is treated as signed out, never a 500', async () => {
    const context = await browser().newContext();
    await context.addCookies([{ name: 'ccs_session', value: 'a'.repeat(32), url: base }]);
    const page = await context.newPage();
    const res = await page.goto(`${base}/account`);
    expect(res?.status()).toBe(200);
    expect(path(page)).toBe('/login');
    await context.addCookies([{ name: 'ccs_session', value: '"><script>alert(1)</script>', url: base }]);
    expect((await page.goto(`${base}/n/${NETWORK}`))?.status()).toBe(200);
    expect(path(page)).toBe('/login');
    await context.close();
  });

  it.each(['/invite/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '/invite/not-a-token', '/reset/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'])('%s is a friendly 410', async (link) => {
    const page = await newPage(false);
    const res = await page.goto(`${base}${link}`);
    expect(res?.status()).toBe(410);
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('This is no longer available');
    expect(await page.locator('main').innerText()).toContain('Ask your network admin for a new one');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('an admin', () => {
  it('invites a member by a one-time link; the invitee sets a password and joins; the link cannot be used twice', async () => {
    const admin = await newPage(true);
    await signIn(admin, base, PEOPLE.admin);
    await admin.goto(`${base}/n/${NETWORK}/members`);
    expect(await axeViolations(admin)).toEqual([]);
    const email = `new-${Date.now()}@example.org`;
    await admin.getByLabel('Email address').fill(email);
    await admin.getByLabel(/^Survey lead/).check();
    await admin.getByRole('button', { name: 'Create invitation link' }).click();
    const link = await admin.locator('.link-to-copy').innerText();
    expect(link).toMatch(new RegExp(`^${base}/invite/[a-z2-7]{32}$`));
    await expect(admin.getByRole('row', { name: new RegExp(email) }).innerText()).resolves.toContain('Invitation not used yet');

    const invitee = await newPage(false);
    await invitee.goto(link);
    expect(await axeViolations(invitee)).toEqual([]);
    await invitee.getByLabel('Choose a password').fill('too short');
    await invitee.getByLabel('Type the password again').fill('too short');
    await clickAndLoad(invitee, invitee.getByRole('button', { name: 'Join the network' }));
    await expect(invitee.locator('[data-error-summary]').innerText()).resolves.toContain('Use at least 10 characters');
    expect(await axeViolations(invitee)).toEqual([]);
    await invitee.getByLabel('Choose a password').fill('a very good passphrase');
    await invitee.getByLabel('Type the password again').fill('a very good passphrase');
    await clickAndLoad(invitee, invitee.getByRole('button', { name: 'Join the network' }));
    expect(invitee.url()).toBe(`${base}/n/${NETWORK}`);
    await expect(invitee.getByRole('link', { name: 'Results of Compassionate workplaces' , exact: false }).first().isVisible()).resolves.toBe(true);
    expect(await axeViolations(invitee)).toEqual([]);
    await invitee.goto(`${base}/account`);
    await expect(invitee.getByRole('link', { name: 'Birmingham Compassionate City Network' }).first().isVisible()).resolves.toBe(true);
    expect(await axeViolations(invitee)).toEqual([]);
    // An editor sees results but not the admin pages.
    expect((await invitee.goto(`${base}/n/${NETWORK}/members`))?.status()).toBe(403);
    expect(await axeViolations(invitee)).toEqual([]);

    const again = await newPage(false);
    expect((await again.goto(link))?.status()).toBe(410);

    await admin.goto(`${base}/n/${NETWORK}/audit`);
    const log = await admin.locator('main table').innerText();
    expect(log).toContain('member.invite');
    expect(log).toContain('member.join');
    expect(await axeViolations(admin)).toEqual([]);
    for (const p of [admin, invitee, again]) await p.context().close();
  });

  it('imports organisations from CSV with a per-row report, and the register escapes what it shows', async () => {
    const admin = await newPage(false);
    await signIn(admin, base, PEOPLE.admin);
    await admin.goto(`${base}/n/${NETWORK}/organisations`);
    expect(await axeViolations(admin)).toEqual([]);
    const csv = 'name,kind,area\n"Imported Bakery, Ltd",employer,Aston\nNo Kind Here,,Digbeth\n"<b>Bold</b> Care",care home,Moseley\n';
    await admin.getByLabel('Or paste the CSV').fill(csv);
    await clickAndLoad(admin, admin.getByRole('button', { name: 'Import' }));
    await expect(admin.getByRole('heading', { name: /^Import: 2 added, 1 rows not imported/ }).isVisible()).resolves.toBe(true);
    await expect(admin.locator('.notice table').innerText()).resolves.toMatch(/3\s+.*kind/i);
    await expect(admin.getByRole('rowheader', { name: 'Imported Bakery, Ltd' }).isVisible()).resolves.toBe(true);
    await expect(admin.getByRole('rowheader', { name: '<b>Bold</b> Care' }).isVisible()).resolves.toBe(true);
    expect(await admin.locator('main b').count()).toBe(0);
    expect(await axeViolations(admin)).toEqual([]);
    await admin.context().close();
  });
});
