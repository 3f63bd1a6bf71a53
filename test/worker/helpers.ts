import { env } from 'cloudflare:test';
import { Hono } from 'hono';
import * as accounts from '../../worker/accounts/service';
import * as sessions from '../../worker/accounts/sessions';
import { createApi } from '../../worker/app';
import { createDb } from '../../worker/db';
import * as networks from '../../worker/networks/service';
import * as surveys from '../../worker/surveys/service';
import type { SurveyDefinition } from '../../schema/survey-definition';

export const db = () => createDb(env.DB);
// Mounted as in worker/index.ts, so tests use the real URLs.
const api = new Hono().route('/api', createApi());

/** Call the API app with the test bindings (at http://localhost, or at another origin). */
export function call(path: string, init?: RequestInit, origin = ''): Promise<Response> {
  return api.request(`${origin}/api${path}`, init, env) as Promise<Response>;
}

/** A session cookie for a new member with a role in a network. */
export async function memberCookie(networkId: string, role: 'admin' | 'editor' | 'reviewer' | 'data-entry' = 'reviewer'): Promise<string> {
  const id = await accounts.createMember(db(), env.PASSWORD_PEPPER, {
    networkId,
    email: `${role}-${crypto.randomUUID()}@example.org`,
    role,
    password: 'a long enough password'
  });
  return `${sessions.SESSION_COOKIE}=${(await sessions.create(db(), id)).token}`;
}

/** POST JSON to the API. */
export function post(path: string, body: unknown): Promise<Response> {
  return call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

let n = 0;
/** A fresh network with one published survey; unique slugs so test files never collide. */
export async function publishedSurvey(definition: SurveyDefinition, opts: { minGroupSize?: number } = {}) {
  n += 1;
  const suffix = `${Date.now().toString(36)}-${n}`;
  const network = await networks.create(db(), { slug: `net-${suffix}`, name: `Test network ${suffix}` });
  const survey = await surveys.create(db(), { networkId: network.id, slug: `s-${suffix}`, definition, minGroupSize: opts.minGroupSize });
  await surveys.publish(db(), survey.id);
  return { network, survey, slug: survey.slug };
}

/** Count rows of a table matching a response or survey. */
export async function countRows(table: 'responses' | 'answers' | 'response_drafts', where: string, value: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where} = ?`).bind(value).first<{ n: number }>();
  return row?.n ?? 0;
}
