/**
 * Browser-test world: the built Worker under `wrangler dev` over a fresh local D1 with the
 * real migrations and the demo seed, plus a closed survey. Tests get its address through
 * `inject('baseURL')`.
 */
import { sql } from 'drizzle-orm';
import type { TestProject } from 'vitest/node';
import * as networks from '../../worker/networks/service';
import * as accounts from '../../worker/accounts/service';
import { DEMO_NETWORK, DEMO_PASSWORD } from '../../worker/seed/demo';
import { OTHER_ADMIN, OTHER_NETWORK } from './people';
import * as surveys from '../../worker/surveys/service';
import { SYSTEM } from '../../worker/audit/service';
import { startLocalWorker } from '../support/local-worker';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** The local D1's folder, for tests that check what was stored (see db.ts). */
    dbDir: string;
  }
}

export default async function setup(project: TestProject) {
  const worker = await startLocalWorker(async (db, env) => {
    const network = await networks.findBySlug(db, DEMO_NETWORK);
    const closed = await surveys.create(db, {
      networkId: network!.id,
      slug: 'closed-survey',
      definition: { format: 1, title: 'A survey that has closed', pages: [{ id: 'p', questions: [{ id: 'q', type: 'yes_no', title: 'Yes?' }] }] }
    });
    await surveys.publish(db, closed.id);
    await db.run(sql`UPDATE surveys SET status = 'closed' WHERE id = ${closed.id}`);
    const bilingual = await surveys.create(db, {
      networkId: network!.id,
      slug: 'bilingual',
      definition: {
        format: 1,
        languages: ['en', 'ur'],
        title: { en: 'Remembering together', ur: 'مل کر یاد کرنا' },
        thank_you: { en: 'Thank you.', ur: 'شکریہ۔' },
        pages: [
          {
            id: 'p',
            questions: [
              { id: 'q', type: 'yes_no', title: { en: 'Have you lost someone close?', ur: 'کیا آپ نے کسی قریبی کو کھویا ہے؟' } },
              { id: 'more', type: 'text', title: { en: 'Anything else?', ur: 'اور کچھ؟' } }
            ]
          }
        ]
      }
    });
    await surveys.publish(db, bilingual.id);

    // A survey whose closing time has passed but which the scheduled handler has not closed yet.
    const closing = await surveys.create(db, {
      networkId: network!.id,
      slug: 'closing-survey',
      definition: { format: 1, title: 'A survey closing now', pages: [{ id: 'p', questions: [{ id: 'q', type: 'yes_no', title: 'Yes?' }] }] }
    });
    await surveys.publish(db, closing.id);
    await db.run(sql`UPDATE surveys SET closes_at = ${new Date(Date.now() - 60_000).toISOString()} WHERE id = ${closing.id}`);

    // A survey that takes one response, and one only open to invitations and cards.
    const capped = await surveys.create(db, {
      networkId: network!.id,
      slug: 'capped-survey',
      definition: { format: 1, title: 'A survey that takes one response', pages: [{ id: 'p', questions: [{ id: 'q', type: 'yes_no', title: 'Yes?' }] }] }
    });
    await surveys.publish(db, capped.id);
    await surveys.setSchedule(db, SYSTEM, capped.id, { opensAt: null, closesAt: null, responseCap: 1 });
    const byInvitation = await surveys.create(db, {
      networkId: network!.id,
      slug: 'by-invitation',
      definition: { format: 1, title: 'A survey by invitation', pages: [{ id: 'p', questions: [{ id: 'q', type: 'yes_no', title: 'Yes?' }] }] }
    });
    await surveys.publish(db, byInvitation.id);
    await surveys.setAccess(db, SYSTEM, byInvitation.id, 'invitation');

    // A second network, to prove that nothing of one network is visible to another.
    const other = await networks.create(db, { slug: OTHER_NETWORK, name: 'Other Town Network' });
    await accounts.createMember(db, env.PASSWORD_PEPPER, { networkId: other.id, email: OTHER_ADMIN, role: 'admin', password: DEMO_PASSWORD });
    const otherSurvey = await surveys.create(db, { networkId: other.id, slug: 'other-town-survey', definition: { format: 1, title: 'Other town', pages: [{ id: 'p', questions: [{ id: 'q', type: 'yes_no', title: 'Yes?' }] }] } });
    await surveys.publish(db, otherSurvey.id);
  });
  project.provide('baseURL', worker.baseURL);
  project.provide('dbDir', worker.dir);
  return worker.stop;
}
