/**
 * The first admin of a real deployment: a network (created if missing), the person, and a
 * one-time invitation link on which they choose their password. Plain idempotent SQL, so
 * the same statements run on the local D1 and, through `wrangler d1 execute --remote`,
 * on the production one.
 */
import { sql, type SQL } from 'drizzle-orm';
import { Email } from './service';
import { newToken, sha256 } from './tokens';

const INVITE_LIFETIME = 7 * 24 * 60 * 60 * 1000;

/** The statements that make `email` an invited admin of network `slug`, and the link's token. */
export async function adminInvitation(input: { networkSlug: string; networkName?: string; email: string }, now = Date.now()) {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(input.networkSlug)) throw new Error('The network slug may use only a-z, 0-9 and "-"');
  const email = Email.parse(input.email);
  const token = newToken();
  const name = input.networkName?.trim() || input.networkSlug;
  const statements: SQL[] = [
    sql`INSERT INTO networks (id, slug, name) VALUES (${crypto.randomUUID()}, ${input.networkSlug}, ${name}) ON CONFLICT (slug) DO NOTHING`,
    sql`INSERT INTO users (id, email) VALUES (${crypto.randomUUID()}, ${email}) ON CONFLICT (email) DO NOTHING`,
    sql`INSERT INTO account_tokens (id, kind, user_id, network_id, role, expires_at)
        SELECT ${await sha256(token)}, 'invite', u.id, n.id, 'admin', ${now + INVITE_LIFETIME}
        FROM users u, networks n WHERE u.email = ${email} AND n.slug = ${input.networkSlug}`,
    sql`INSERT INTO audit_log (network_id, actor, action, subject, details)
        SELECT n.id, 'command line', 'member.invite', ${email}, '{"role":"admin"}' FROM networks n WHERE n.slug = ${input.networkSlug}`
  ];
  return { statements, token, email };
}

export { toSqlText } from '../db';
