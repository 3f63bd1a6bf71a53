/**
 * The demo network that `npm start` seeds on first run: clearly marked as made-up data,
 * with the five templates published. Seeding twice changes nothing.
 */
import { templates } from '../../schema/templates';
import type { Db } from '../db';
import * as networks from '../networks/service';
import * as surveys from '../surveys/service';

/** Slug of the demo network. */
export const DEMO_NETWORK = 'birmingham-demo';

/** Seed the demo network if it is not there yet. */
export async function seedDemo(db: Db): Promise<{ seeded: boolean; network: string; surveys: string[] }> {
  const existing = await networks.findBySlug(db, DEMO_NETWORK);
  const slugs = templates.map((t) => t.slug);
  if (existing) return { seeded: false, network: existing.name, surveys: slugs };
  const network = await networks.create(db, {
    slug: DEMO_NETWORK,
    name: 'Birmingham Compassionate City Network',
    isDemo: true
  });
  for (const t of templates) {
    const survey = await surveys.create(db, { networkId: network.id, slug: t.slug, definition: t.definition });
    await surveys.publish(db, survey.id);
  }
  return { seeded: true, network: network.name, surveys: slugs };
}
