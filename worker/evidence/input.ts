/** Shared zod pieces for the evidence services: one line, free text, optional choices. */
import { z } from 'zod';
import { InvalidInput } from '../errors';

const NO_CONTROLS = /^[^\p{Cc}\u2028\u2029]*$/u;
// Free text keeps line breaks and tabs but no other control characters.
const NO_OTHER_CONTROLS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]*$/u;

/** One line of text, trimmed, at most `max` characters. */
export const line = (max: number) =>
  z
    .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .normalize('NFC')
    .max(max, `must be at most ${max} characters`)
    .regex(NO_CONTROLS, 'must be one line of text');

/** Text that may run over several lines (line breaks normalised to \n). */
export const text = (max: number, required?: string) =>
  z
    .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') })
    .transform((s) => s.replace(/\r\n?/g, '\n').trim().normalize('NFC'))
    .pipe(
      z
        .string()
        .min(required ? 1 : 0, required)
        .max(max, `must be at most ${max} characters`)
        .regex(NO_OTHER_CONTROLS, 'must not contain control characters')
    );

/** One of `values`, or '' / null / missing for "not said" (null). */
export const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .union([z.literal(''), z.enum(values)], { error: message })
    .nullish()
    .transform((v) => (v ? (v as T[number]) : null));

/** Parse or throw InvalidInput naming each field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    throw new InvalidInput(
      what,
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }))
    );
  return parsed.data;
}
