import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../../worker/audit/service';
import * as surveys from '../../worker/surveys/service';
import { everyType, everyTypeAnswers } from '../fixtures/definitions';
import { call, countRows, db, post, publishedSurvey } from './helpers';

const submit = (slug: string) => post(`/surveys/${slug}/responses`, { id: crypto.randomUUID(), answers: everyTypeAnswers });

describe('when a survey takes answers', () => {
  it('takes no more complete responses than its cap, even when they race, and says so kindly', async () => {
    const { slug, survey } = await publishedSurvey(everyType);
    await surveys.setSchedule(db(), SYSTEM, survey.id, { opensAt: null, closesAt: null, responseCap: 3 });
    const statuses = (await Promise.all(Array.from({ length: 8 }, () => submit(slug)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 410)).toHaveLength(5);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM responses WHERE survey_id = ? AND status = 'complete'").bind(survey.id).first('n')).toBe(3);
    expect(await env.DB.prepare('SELECT count(DISTINCT response_id) AS n FROM answers WHERE survey_id = ?').bind(survey.id).first('n')).toBe(3);
    const full = await call(`/surveys/${slug}`);
    expect(full.status).toBe(410);
    expect(((await full.json()) as { error: { message: string } }).error.message).toMatch(/all the responses it needs/);
  });

  it('is closed before it opens and after it closes; the scheduled handler closes it on time', async () => {
    const { slug, survey } = await publishedSurvey(everyType);
    const hour = 3600 * 1000;
    await surveys.setSchedule(db(), SYSTEM, survey.id, { opensAt: new Date(Date.now() + hour).toISOString(), closesAt: null, responseCap: null });
    expect((await submit(slug)).status).toBe(410);
    await surveys.setSchedule(db(), SYSTEM, survey.id, { opensAt: null, closesAt: new Date(Date.now() + hour).toISOString(), responseCap: null });
    expect((await submit(slug)).status).toBe(201);
    expect(await surveys.closeDue(db())).not.toContain(slug);
    const closed = await surveys.closeDue(db(), new Date(Date.now() + 2 * hour));
    expect(closed).toContain(slug);
    expect(await env.DB.prepare('SELECT status FROM surveys WHERE id = ?').bind(survey.id).first('status')).toBe('closed');
    expect(await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'survey.close' AND subject = ?").bind(slug).first('n')).toBe(1);
    expect((await submit(slug)).status).toBe(410);
    expect(await countRows('responses', 'survey_id', survey.id)).toBe(1);
  });

  it('refuses a schedule that makes no sense', async () => {
    const { survey } = await publishedSurvey(everyType);
    await expect(surveys.setSchedule(db(), SYSTEM, survey.id, { opensAt: '2030-01-02T00:00:00Z', closesAt: '2030-01-01T00:00:00Z', responseCap: null })).rejects.toThrow(/Check the dates/);
    await expect(surveys.setSchedule(db(), SYSTEM, survey.id, { opensAt: null, closesAt: null, responseCap: 0 })).rejects.toThrow();
    await expect(surveys.setSchedule(db(), SYSTEM, survey.id, { opensAt: 'tomorrow', closesAt: null, responseCap: null })).rejects.toThrow();
  });
});
