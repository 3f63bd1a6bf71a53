import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import * as resume from '../../worker/responses/resume';
import * as responses from '../../worker/responses/service';
import * as surveys from '../../worker/surveys/service';
import { TooManyAttempts } from '../../worker/errors';
import { everyType } from '../fixtures/definitions';
import { db, publishedSurvey } from './helpers';

async function draft() {
  const s = await publishedSurvey(everyType);
  const definition = await surveys.definitionOf(db(), s.survey.id, 1);
  const target = { surveyId: s.survey.id, version: 1, definition };
  const responseId = crypto.randomUUID();
  const out = await responses.answerPage(db(), target, { responseId, page: 0, answers: { pick: { option: 'a' } }, language: 'en', direction: 'save' });
  expect(out).toEqual({ kind: 'saved', page: 0 });
  return { ...s, target, responseId };
}

describe('save and resume', () => {
  it('a code brings back the draft, however it is typed; only its hash is stored; a new code replaces the old', async () => {
    const d = await draft();
    const first = await resume.createCode(db(), d.survey.id, d.responseId);
    expect(first.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    const { code } = await resume.createCode(db(), d.survey.id, d.responseId);
    expect(await env.DB.prepare('SELECT count(*) AS n FROM resume_codes WHERE response_id = ?').bind(d.responseId).first('n')).toBe(1);
    expect(await env.DB.prepare('SELECT count(*) AS n FROM resume_codes WHERE id = ?').bind(code).first('n')).toBe(0);
    const typed = ` ${resume.formatCode(code).toLowerCase()} `;
    expect(await resume.find(db(), d.survey.id, typed, 'client-1')).toEqual({ responseId: d.responseId });
    await expect(resume.find(db(), d.survey.id, first.code, 'client-1')).rejects.toThrow(/could not find/);
    expect(resume.resumePage(d.target.definition, { pick: { option: 'a' } })).toBe(1);
    expect(resume.resumePage(d.target.definition, {})).toBe(0);
  });

  it('does not work for another survey, after 30 days, or once the response is sent', async () => {
    const d = await draft();
    const { code } = await resume.createCode(db(), d.survey.id, d.responseId);
    const other = await publishedSurvey(everyType);
    await expect(resume.find(db(), other.survey.id, code, 'client-2')).rejects.toThrow(/could not find/);
    await expect(resume.find(db(), d.survey.id, code, 'client-2', Date.now() + resume.RESUME_LIFETIME + 1000)).rejects.toThrow(/could not find/);
    await responses.answerPage(db(), d.target, { responseId: d.responseId, page: 1, answers: {}, language: 'en', direction: 'next' });
    await expect(resume.find(db(), d.survey.id, code, 'client-2')).rejects.toThrow(/could not find/);
  });

  it('slows down guessing from one address', async () => {
    const d = await draft();
    const client = `guesser-${crypto.randomUUID()}`;
    for (let i = 0; i < 20; i++) await expect(resume.find(db(), d.survey.id, 'AAAA-AAAA', client)).rejects.toThrow(/could not find/);
    const { code } = await resume.createCode(db(), d.survey.id, d.responseId);
    await expect(resume.find(db(), d.survey.id, code, client)).rejects.toBeInstanceOf(TooManyAttempts);
    await expect(resume.find(db(), d.survey.id, code, 'someone else')).resolves.toEqual({ responseId: d.responseId });
  });
});
