/** Who the browser tests sign in as: the demo members (one per role) and an admin of another network. */
import type { Page } from 'playwright-core';
import { DEMO_MEMBERS, DEMO_PASSWORD } from '../../worker/seed/demo';
import { clickAndLoad } from './browser';

export const OTHER_NETWORK = 'other-town';
export const OTHER_ADMIN = 'admin@other-town.example';

/** Everyone the authorization matrix knows, by the name used in its table. */
export const PEOPLE = {
  anonymous: null,
  respondent: null,
  'data-entry': DEMO_MEMBERS.find((m) => m.role === 'data-entry')!.email,
  reviewer: DEMO_MEMBERS.find((m) => m.role === 'reviewer')!.email,
  editor: DEMO_MEMBERS.find((m) => m.role === 'editor')!.email,
  admin: DEMO_MEMBERS.find((m) => m.role === 'admin')!.email,
  'other-admin': OTHER_ADMIN
} as const;

export type Person = keyof typeof PEOPLE;

/** Sign in through the real sign-in page. */
export async function signIn(page: Page, base: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));
}

/** A session cookie for an API call, from the real sign-in endpoint. */
export async function apiCookie(base: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`sign-in failed for ${email}: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0];
}
