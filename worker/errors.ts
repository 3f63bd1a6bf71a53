/**
 * Domain errors: small typed classes thrown by services and mapped to HTTP once, by
 * Hono's onError (worker/middleware/errors.ts) and by the form-action helper in web/.
 */
import type { AnswerError } from '../schema/answers';

/** Base class: an expected failure with an HTTP status and a message safe to show. */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 410 | 413 | 422,
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
