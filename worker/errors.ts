/**
 * Domain errors: small typed classes thrown by services and mapped to HTTP once, by
 * Hono's onError (worker/middleware/errors.ts) and by the form-action helper in web/.
 */
import type { AnswerError } from '../schema/answers';

/** Base class: an expected failure with an HTTP status and a message safe to show. */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429,
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The thing asked for does not exist (or is not visible to the caller). */
export class NotFound extends DomainError {
  constructor(message = 'Not found') {
    super(404, 'not_found', message);
  }
}

/** The survey exists but is not taking responses. */
export class SurveyClosed extends DomainError {
  constructor(message = 'This survey is not taking responses at the moment.') {
    super(410, 'survey_closed', message);
  }
}

/** Input that could not be read or does not fit the rules; `problems` names each field. */
export class InvalidInput extends DomainError {
  constructor(
    message: string,
    readonly problems: AnswerError[] | { path: string; message: string }[] = []
  ) {
    super(400, 'invalid_input', message);
  }
}

/** The request conflicts with what is stored (for example a response id used by another survey). */
export class Conflict extends DomainError {
  constructor(message: string) {
    super(409, 'conflict', message);
  }
}

/** The caller must sign in first. */
export class Unauthenticated extends DomainError {
  constructor(message = 'Please sign in to see this.') {
    super(401, 'unauthenticated', message);
  }
}

/** The caller is signed in but their role in this network does not allow this. */
export class Forbidden extends DomainError {
  constructor(message = 'Your role in this network does not allow this.') {
    super(403, 'forbidden', message);
  }
}

/** Too many failed attempts: wait before trying again. */
export class TooManyAttempts extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, 'too_many_attempts', `Too many attempts to sign in. Please wait ${Math.ceil(retryAfterSeconds / 60)} minutes and try again.`);
  }
}

/** A one-time link that has expired, was used already, or never existed. */
export class InvalidLink extends DomainError {
  constructor(message = 'This link has expired or has already been used. Ask your network admin for a new one.') {
    super(410, 'invalid_link', message);
  }
}

/** A results filter that could single out a small group of people (see worker/results/filters.ts). */
export class FilterRefused extends DomainError {
  constructor(message: string) {
    super(422, 'filter_refused', message);
  }
}
