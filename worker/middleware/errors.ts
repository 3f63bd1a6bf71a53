import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError, InvalidInput } from '../errors';

/** The one mapping of errors to JSON responses: domain errors keep their status and message; anything else is a logged 500. */
export function errorResponse(err: Error, c: Context): Response {
  if (err instanceof DomainError) {
    const body: Record<string, unknown> = { code: err.code, message: err.message };
    if (err instanceof InvalidInput && err.problems.length) body.problems = err.problems;
    return c.json({ error: body }, err.status);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    const message = status === 413 ? 'The request is too large.' : err.message || 'The request could not be read.';
    return c.json({ error: { code: status === 413 ? 'too_large' : 'bad_request', message } }, status);
  }
  console.error('unhandled error', err);
  return c.json({ error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' } }, 500);
}
