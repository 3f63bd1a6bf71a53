import type { ValidationTargets } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import { InvalidInput } from '../errors';

/** Validate one part of a request with a zod schema; failures become a 400 naming each field. */
export function valid<T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) {
  return validator(target, (value) => {
    const result = schema.safeParse(value);
    if (!result.success)
      throw new InvalidInput(
        'The request does not have the expected shape',
        result.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }))
      );
    return result.data as z.output<T>;
  });
}
