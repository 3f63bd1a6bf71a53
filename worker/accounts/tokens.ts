/** Random tokens for cookies and one-time links; only their SHA-256 is ever stored. */

/** A new random token (160 bits, base32 lower-case: safe in URLs and cookies). */
export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** Hex SHA-256 of a string. */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
