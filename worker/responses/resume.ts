/**
 * Save and resume: a short code (and a link carrying it) that brings back a draft response
 * on any device for 30 days, with JavaScript off too. The code stands for the draft, so
 * only its hash is stored and wrong guesses are throttled per address.
 */
import { and, eq, gt } from 'drizzle-orm';
import { nextPage, type Answers } from '../../schema/answers';
import type { SurveyDefinition } from '../../schema/survey-definition';
import { responses, resumeCodes } from '../../schema/tables';
import { countFailure, failures, THROTTLE_WINDOW } from '../accounts/throttle';
import { sha256 } from '../accounts/tokens';
import type { Db } from '../db';
import { InvalidInput, TooManyAttempts } from '../errors';

/** How long a resume code works. */
export const RESUME_LIFETIME = 30 * 24 * 60 * 60 * 1000;
/** Letters and digits that cannot be mistaken for each other when written down or read out. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const WRONG_GUESSES_PER_ADDRESS = 20;
const NOT_FOUND = 'We could not find a saved response with that code. Check it and try again: it has 8 letters and numbers, like ABCD-2345.';

/** Tidy what someone typed: capitals, no spaces or dashes, O read as 0 is not in the alphabet anyway. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** A code as it is shown: ABCD-2345. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

function newCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** Make a resume code for a draft response (the draft must already be saved). Earlier codes stop working. */
export async function createCode(db: Db, surveyId: string, responseId: string, now = Date.now()): Promise<{ code: string; expiresAt: number }> {
  const code = newCode();
  const expiresAt = now + RESUME_LIFETIME;
  await db.batch([
    db.delete(resumeCodes).where(eq(resumeCodes.responseId, responseId)),
    db.insert(resumeCodes).values({ id: await sha256(`resume:${code}`), responseId, surveyId, expiresAt })
  ]);
  return { code, expiresAt };
}

/** The draft a code stands for, if it is this survey's, unexpired and not yet sent. Wrong guesses are throttled per address. */
export async function find(db: Db, surveyId: string, input: string, clientKey: string, now = Date.now()): Promise<{ responseId: string }> {
  const key = `resume:${await sha256(clientKey)}`;
  const [recent] = await failures(db, [key], now);
  if (recent >= WRONG_GUESSES_PER_ADDRESS) throw new TooManyAttempts(THROTTLE_WINDOW / 1000);
  const code = normaliseCode(input);
  const row = /^[2-9A-HJKMNP-Z]{8}$/.test(code)
    ? await db
        .select({ responseId: resumeCodes.responseId, status: responses.status })
        .from(resumeCodes)
        .innerJoin(responses, eq(responses.id, resumeCodes.responseId))
        .where(and(eq(resumeCodes.id, await sha256(`resume:${code}`)), eq(resumeCodes.surveyId, surveyId), gt(resumeCodes.expiresAt, now)))
        .get()
    : undefined;
  if (!row || row.status !== 'partial') {
    await countFailure(db, key, now);
    throw new InvalidInput(NOT_FOUND, [{ path: 'code', message: NOT_FOUND }]);
  }
  return { responseId: row.responseId };
}

/** Where to pick up a draft: the page after the last one with an answer. */
export function resumePage(def: SurveyDefinition, answers: Answers): number {
  let last = -1;
  def.pages.forEach((p, i) => {
    if (p.questions.some((q) => answers[q.id] !== undefined)) last = i;
  });
  if (last === -1) return 0;
  const next = nextPage(def, answers, last);
  return next === -1 ? last : next;
}
