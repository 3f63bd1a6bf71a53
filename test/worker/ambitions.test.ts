/**
 * Ambitions self-assessments against a real D1: who may see and edit them, bad input
 * refused with nothing changed, writes audited, and the roll-up through the service
 * (the demo assessment reproduces the document's summary table).
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Membership } from '../../worker/accounts/authz';
import type { SignedIn } from '../../worker/accounts/sessions';
import * as ambitions from '../../worker/evidence/ambitions';
import { DomainError, InvalidInput, NotFound } from '../../worker/errors';
import * as networks from '../../worker/networks/service';
import { seedDemoAmbitions } from '../../worker/seed/ambitions';
import { db } from './helpers';

let n = 0;
async function world() {
  n += 1;
  const suffix = `${Date.now().toString(36)}-amb-${n}`;
  const network = await networks.create(db(), { slug: `net-${suffix}`, name: `Ambitions ${suffix}` });
  const other = await networks.create(db(), { slug: `other-${suffix}`, name: `Other ${suffix}` });
  const as = (role: Membership['role'], net = network): SignedIn => ({
    sessionId: 's',
    expiresAt: Date.now() + 60_000,
    renewed: false,
    user: { id: crypto.randomUUID(), email: `${role}@example.org`, name: role },
    memberships: [{ networkId: net.id, networkSlug: net.slug, networkName: net.name, role }]
  });
  return { network, other, as, actor: { userId: null, email: 'editor@example.org' } };
}

const status = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e) => (e instanceof DomainError ? e.status : 500)
  );

async function auditCount(networkId: string, action: string) {
  const row = await env.DB.prepare('SELECT count(*) AS n FROM audit_log WHERE network_id = ? AND action = ?').bind(networkId, action).first<{ n: number }>();
  return row?.n ?? 0;
}

describe('ambitions self-assessments', () => {
  it('let readers see and only editors and admins edit, in their own network', async () => {
    const w = await world();
    const slug = w.network.slug;
    expect(await status(ambitions.assessmentAccess(db(), w.as('reviewer'), slug, 'read'))).toBe(200);
    expect(await status(ambitions.assessmentAccess(db(), w.as('editor'), slug, 'manage'))).toBe(200);
    expect(await status(ambitions.assessmentAccess(db(), w.as('admin'), slug, 'manage'))).toBe(200);
    expect(await status(ambitions.assessmentAccess(db(), w.as('reviewer'), slug, 'manage'))).toBe(403);
    expect(await status(ambitions.assessmentAccess(db(), w.as('data-entry'), slug, 'read'))).toBe(403);
    expect(await status(ambitions.assessmentAccess(db(), w.as('admin', w.other), slug, 'read'))).toBe(404);
    expect(await status(ambitions.assessmentAccess(db(), null, slug, 'read'))).toBe(401);
  });

  it('create, list and get an assessment with every item unscored; another network sees nothing', async () => {
    const w = await world();
    const a = await ambitions.create(db(), w.actor, w.network.id, { title: '  Spring 2026  ', assessed_on: '2026-03-31' });
    expect(a).toMatchObject({ title: 'Spring 2026', assessedOn: '2026-03-31', networkId: w.network.id });
    expect((await ambitions.list(db(), w.network.id)).map((r) => [r.title, r.scored])).toEqual([['Spring 2026', 0]]);
    expect(await ambitions.list(db(), w.other.id)).toEqual([]);
    const view = await ambitions.get(db(), w.network.id, a.id);
    expect(Object.keys(view.scores)).toHaveLength(75);
    expect(view.rollUp.map((r) => r.scored)).toEqual([0, 0, 0, 0, 0, 0]);
    await expect(ambitions.get(db(), w.other.id, a.id)).rejects.toBeInstanceOf(NotFound);
    await expect(ambitions.setScore(db(), w.actor, w.other.id, a.id, { item: '6.1.1', level: '3' })).rejects.toBeInstanceOf(NotFound);
    await expect(ambitions.get(db(), w.network.id, 'not-an-id')).rejects.toBeInstanceOf(NotFound);
    expect(await auditCount(w.network.id, 'ambitions.create')).toBe(1);
  });

  it('set a level, evidence and gaps; the roll-up follows; clearing the level makes the item unscored', async () => {
    const w = await world();
    const a = await ambitions.create(db(), w.actor, w.network.id, { title: 'Test' });
    await ambitions.setScore(db(), w.actor, w.network.id, a.id, { item: '6.1.1', level: '3', evidence: 'A work programme', gaps: '' });
    await ambitions.setScore(db(), w.actor, w.network.id, a.id, { item: '6.2.1', level: '1' });
    let view = await ambitions.get(db(), w.network.id, a.id);
    expect(view.scores['6.1.1']).toMatchObject({ level: 3, evidence: 'A work programme', gaps: '', updatedBy: null });
    expect(view.rollUp[5]).toMatchObject({ items: 4, scored: 2, counts: [0, 1, 0, 1, 0, 0], percent: [0, 25, 0, 25, 0, 0], atLeast3Percent: 25 });
    await ambitions.setScore(db(), w.actor, w.network.id, a.id, { item: '6.1.1', level: '', evidence: 'Kept', gaps: 'Everything' });
    view = await ambitions.get(db(), w.network.id, a.id);
    expect(view.scores['6.1.1']).toMatchObject({ level: null, evidence: 'Kept', gaps: 'Everything' });
    expect(view.rollUp[5]).toMatchObject({ scored: 1, percent: [0, 25, 0, 0, 0, 0], atLeast3Percent: 0 });
    expect(await auditCount(w.network.id, 'ambitions.score')).toBe(3);
  });

  it('refuse bad input with 400, naming the field, and change nothing', async () => {
    const w = await world();
    const a = await ambitions.create(db(), w.actor, w.network.id, { title: 'Test' });
    await ambitions.setScore(db(), w.actor, w.network.id, a.id, { item: '2.1.1', level: '2', evidence: 'Before' });
    const bad: [unknown, string][] = [
      [{ item: '9.9.9', level: '3' }, 'item'],
      [{ item: '1.6.1', level: '3' }, 'item'],
      [{ item: '2.1.1', level: '6' }, 'level'],
      [{ item: '2.1.1', level: 'three' }, 'level'],
      [{ item: '2.1.1', level: '3', evidence: 'x'.repeat(ambitions.ITEM_TEXT_MAX + 1) }, 'evidence'],
      [{ item: '2.1.1', level: '3', gaps: 'bad\u0007' }, 'gaps']
    ];
    for (const [input, path] of bad) {
      const e = await ambitions.setScore(db(), w.actor, w.network.id, a.id, input).catch((x) => x);
      expect(e).toBeInstanceOf(InvalidInput);
      expect((e as InvalidInput).status).toBe(400);
      expect(((e as InvalidInput).problems as { path: string }[]).map((p) => p.path)).toContain(path);
    }
    await expect(ambitions.create(db(), w.actor, w.network.id, { title: '   ' })).rejects.toBeInstanceOf(InvalidInput);
    await expect(ambitions.create(db(), w.actor, w.network.id, { title: 'x', assessed_on: '31/03/2026' })).rejects.toBeInstanceOf(InvalidInput);
    const view = await ambitions.get(db(), w.network.id, a.id);
    expect(view.scores['2.1.1']).toMatchObject({ level: 2, evidence: 'Before' });
    expect(await auditCount(w.network.id, 'ambitions.score')).toBe(1);
    expect((await ambitions.list(db(), w.network.id)).length).toBe(1);
  });

  it('give the demo assessment the document’s summary table', async () => {
    const w = await world();
    const id = await seedDemoAmbitions(db(), w.network.id);
    const view = await ambitions.get(db(), w.network.id, id);
    expect(view.rollUp.map((r) => r.percent)).toEqual([
      [10.5, 5.3, 15.8, 52.6, 5.3, 0],
      [0, 0, 66.7, 33.3, 0, 0],
      [0, 12.5, 12.5, 25, 37.5, 12.5],
      [0, 0, 26.1, 39.1, 21.7, 4.3],
      [0, 0, 57.1, 42.9, 0, 0],
      [25, 50, 0, 25, 0, 0]
    ]);
    expect(view.rollUp.map((r) => r.atLeast3Percent)).toEqual([57.9, 33.3, 75, 65.1, 42.9, 25]);
    expect(view.scores['1.1.1'].level).toBeNull();
    expect(view.scores['1.7.1']).toMatchObject({ level: 4, gaps: 'No significant gaps identified by mapping.' });
  });
});
