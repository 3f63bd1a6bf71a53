/** Networks: the tenants. */
import { eq } from 'drizzle-orm';
import { networks } from '../../schema/tables';
import type { Db } from '../db';

/** A network row. */
export type Network = typeof networks.$inferSelect;

/** Find a network by its slug. */
export async function findBySlug(db: Db, slug: string): Promise<Network | null> {
  return (await db.select().from(networks).where(eq(networks.slug, slug)).get()) ?? null;
}

/** Create a network. */
export async function create(db: Db, input: { slug: string; name: string; isDemo?: boolean }): Promise<Network> {
  const [row] = await db
    .insert(networks)
    .values({ id: crypto.randomUUID(), slug: input.slug, name: input.name, isDemo: input.isDemo ?? false })
    .returning();
  return row;
}
