/**
 * Password hashing that works in production Workers: PBKDF2-SHA256 through WebCrypto at
 * 100,000 iterations (the most Cloudflare's production runtime allows, although local
 * workerd accepts more), over an HMAC of the password with a secret pepper held as a
 * Worker secret. The algorithm and its parameters are stored with each hash, so they can
 * be raised later without locking anyone out.
 */

/** WebCrypto PBKDF2 in production Workers refuses more iterations than this. */
export const PBKDF2_MAX_ITERATIONS = 100_000;
const ALGORITHM = 'pbkdf2-sha256';
const SALT_BYTES = 16;
const KEY_BITS = 256;

/** Longest password accepted: long passphrases are welcome, megabytes are not. */
export const PASSWORD_MAX = 256;
/** Shortest password accepted when setting one. */
export const PASSWORD_MIN = 10;

const enc = new TextEncoder();
const b64 = (bytes: ArrayBuffer | Uint8Array) => btoa(String.fromCharCode(...new Uint8Array(bytes)));
const unb64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function peppered(password: string, pepper: string): Promise<Uint8Array<ArrayBuffer>> {
  if (!pepper) throw new Error('PASSWORD_PEPPER is not set: add it as a Worker secret (locally, npm start writes .dev.vars)');
  const key = await crypto.subtle.importKey('raw', enc.encode(pepper), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(password)));
}

async function derive(password: string, pepper: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<ArrayBuffer> {
  const material = await crypto.subtle.importKey('raw', await peppered(password, pepper), 'PBKDF2', false, ['deriveBits']);
  return crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, KEY_BITS);
}

/** Hash a password: `pbkdf2-sha256$<iterations>$<salt>$<hash>` (base64). */
export async function hashPassword(password: string, pepper: string, iterations = PBKDF2_MAX_ITERATIONS): Promise<string> {
  if (iterations > PBKDF2_MAX_ITERATIONS) throw new Error(`PBKDF2 is capped at ${PBKDF2_MAX_ITERATIONS} iterations in production Workers`);
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return `${ALGORITHM}$${iterations}$${b64(salt)}$${b64(await derive(password, pepper, salt, iterations))}`;
}

/** Check a password against a stored hash in constant time. Unknown formats never match. */
export async function verifyPassword(password: string, stored: string, pepper: string): Promise<boolean> {
  const [algorithm, iter, salt, hash] = stored.split('$');
  const iterations = Number(iter);
  if (algorithm !== ALGORITHM || !Number.isInteger(iterations) || iterations < 1 || iterations > PBKDF2_MAX_ITERATIONS || !salt || !hash)
    return false;
  const actual = new Uint8Array(await derive(password, pepper, unb64(salt), iterations));
  const expected = unb64(hash);
  if (actual.length !== expected.length) return false;
  let diff = 0;
  for (let i = 0; i < actual.length; i++) diff |= actual[i] ^ expected[i];
  return diff === 0;
}

/** Iterations recorded in a stored hash (so old hashes can be found and upgraded). */
export function iterationsOf(stored: string): number {
  return Number(stored.split('$')[1]);
}

/** Why a new password is not acceptable, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters`;
  return null;
}
