import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../worker/audit/service';
import { InvalidInput, NotFound } from '../../worker/errors';
import * as actions from '../../worker/evidence/actions';
import * as evidence from '../../worker/evidence/evidence';
import * as standards from '../../worker/evidence/standards';
import * as networks from '../../worker/networks/service';
import { CHARTER_DEMO, seedCharter } from '../../worker/seed/charter';
import { db } from './helpers';

const admin: Actor = { userId: null, email: 'admin@example.org' };
const editor: Actor = { userId: null, email: 'editor@example.org' };

let n = 0;
async function network() {
  n += 1;
  const suffix = `${Date.now().toString(36)}-charter-${n}`;
  return networks.create(db(), { slug: `net-${suffix}`, name: `Charter test ${suffix}` });
}

async function auditOf(networkId: string) {
  const { results } = await env.DB.prepare('SELECT action, subject, actor FROM audit_log WHERE network_id = ? ORDER BY id').bind(networkId).all<{ action: string; subject: string; actor: string }>();
  return results;
}

async function rows(sql: string, ...binds: unknown[]) {
  return (await env.DB.prepare(sql).bind(...binds).all()).results;
}

async function problems(p: Promise<unknown>) {
  const e = await p.catch((x) => x);
  expect(e).toBeInstanceOf(InvalidInput);
  expect((e as InvalidInput).status).toBe(400);
  return ((e as InvalidInput).problems as { path: string }[]).map((x) => x.path);
}

async function standard(networkId: string) {
  return standards.create(db(), admin, networkId, { sector: 'Workplaces', title: 'All workplaces across the City have access to proactive & crisis support' });
}

describe('standards', () => {
  it('edits bump the version and keep the old wording', async () => {
    const net = await network();
    const s = await standard(net.id);
    expect(s.version).toBe(1);
    const edited = await standards.edit(db(), admin, net.id, s.id, { sector: 'Workplaces', title: 'Every workplace has proactive and crisis support', description: 'new' });
    expect(edited).toMatchObject({ version: 2, title: 'Every workplace has proactive and crisis support', description: 'new' });
    const again = await standards.edit(db(), admin, net.id, s.id, { sector: 'Employers', title: edited.title });
    expect(again.version).toBe(3);
    // The same wording again changes nothing.
    expect((await standards.edit(db(), admin, net.id, s.id, { sector: 'Employers', title: edited.title })).version).toBe(3);
    const d = await standards.detail(db(), net.id, s.id);
    expect(d.revisions.map((r) => [r.version, r.sector, r.title])).toEqual([
      [2, 'Workplaces', 'Every workplace has proactive and crisis support'],
      [1, 'Workplaces', 'All workplaces across the City have access to proactive & crisis support']
    ]);
    expect((await auditOf(net.id)).map((a) => a.action)).toEqual(['standard.create', 'standard.edit', 'standard.edit']);
  });

  it('refuses bad wording naming the field, and changes nothing', async () => {
    const net = await network();
    const s = await standard(net.id);
    expect(await problems(standards.edit(db(), admin, net.id, s.id, { sector: '', title: '  ' }))).toEqual(['sector', 'title']);
    expect(await problems(standards.create(db(), admin, net.id, { sector: 'A\nB', title: 'x' }))).toEqual(['sector']);
    expect((await standards.find(db(), net.id, s.id)).version).toBe(1);
    expect(await rows('SELECT * FROM standard_revisions WHERE standard_id = ?', s.id)).toEqual([]);
    expect((await auditOf(net.id)).length).toBe(1);
  });

  it('retires a standard from the overview', async () => {
    const net = await network();
    const s = await standard(net.id);
    await standards.retire(db(), admin, net.id, s.id);
    expect(await standards.overview(db(), net.id)).toEqual([]);
    expect((await auditOf(net.id)).map((a) => a.action)).toContain('standard.retire');
  });

  it('upserts a self-assessment per period', async () => {
    const net = await network();
    const s = await standard(net.id);
    await standards.assess(db(), editor, net.id, s.id, { period: '2022', in_place: 'Training', participation: 'done_with' });
    await standards.assess(db(), editor, net.id, s.id, { period: '2023', in_place: 'More', gaps: 'Unions', participation: '' });
    await standards.assess(db(), editor, net.id, s.id, { period: '2022', in_place: 'Training, conference', participation: 'done_by' });
    const d = await standards.detail(db(), net.id, s.id);
    expect(d.assessments.map((a) => [a.period, a.inPlace, a.gaps, a.participation])).toEqual([
      ['2023', 'More', 'Unions', null],
      ['2022', 'Training, conference', '', 'done_by']
    ]);
    const [sector] = await standards.overview(db(), net.id);
    expect(sector.standards[0].assessment?.period).toBe('2023');
    expect(await problems(standards.assess(db(), editor, net.id, s.id, { period: '', participation: 'done_for' }))).toEqual(['period', 'participation']);
    expect((await auditOf(net.id)).filter((a) => a.action === 'standard.assess').length).toBe(3);
  });
});

describe('actions', () => {
  it('creates, lists and edits actions, audited', async () => {
    const net = await network();
    const s = await standard(net.id);
    const a = await actions.create(db(), editor, net.id, s.id, { title: ' Engage with trade unions ', owner: 'Network', status: 'planned', target_date: '2026-12-31', participation: 'done_with' });
    expect(a).toMatchObject({ title: 'Engage with trade unions', owner: 'Network', status: 'planned', targetDate: '2026-12-31', participation: 'done_with', notes: '' });
    const b = await actions.create(db(), editor, net.id, s.id, { title: 'Compassion café' });
    expect(b).toMatchObject({ status: 'not_started', targetDate: null, participation: null });
    expect((await actions.listForStandard(db(), net.id, s.id)).map((x) => x.title)).toEqual(['Engage with trade unions', 'Compassion café']);
    const u = await actions.update(db(), editor, net.id, a.id, { title: 'Engage with trade unions', status: 'done', target_date: '', notes: 'Met two unions' });
    expect(u).toMatchObject({ status: 'done', targetDate: null, notes: 'Met two unions', owner: '' });
    const [sector] = await standards.overview(db(), net.id);
    expect(sector.standards[0].actions.map((x) => x.status)).toEqual(['done', 'not_started']);
    expect((await auditOf(net.id)).map((x) => x.action)).toEqual(['standard.create', 'action.create', 'action.create', 'action.update']);
  });

  it('refuses bad input naming each field, and changes nothing', async () => {
    const net = await network();
    const s = await standard(net.id);
    const a = await actions.create(db(), editor, net.id, s.id, { title: 'Keep' });
    expect(await problems(actions.update(db(), editor, net.id, a.id, { title: '', status: 'finished', target_date: '31/12/2026', participation: 'x' }))).toEqual([
      'title',
      'status',
      'target_date',
      'participation'
    ]);
    expect(await problems(actions.create(db(), editor, net.id, s.id, {}))).toEqual(['title']);
    expect(await actions.find(db(), net.id, a.id)).toMatchObject({ title: 'Keep', status: 'not_started' });
    expect((await actions.listForStandard(db(), net.id, s.id)).length).toBe(1);
    expect((await auditOf(net.id)).length).toBe(2);
  });
});

describe('evidence', () => {
  it('adds links and notes, newest first, dated and attributed', async () => {
    const net = await network();
    const s = await standard(net.id);
    const a = await actions.create(db(), editor, net.id, s.id, { title: 'Survey employers' });
    const note = await evidence.add(db(), { userId: null, email: 'editor@example.org' }, net.id, a.id, { kind: 'note', title: 'Met', body: 'Five employers' });
    await new Promise((r) => setTimeout(r, 5));
    const link = await evidence.add(db(), editor, net.id, a.id, { kind: 'link', title: 'Report', url: ' https://example.org/report?x=1 ' });
    expect(link).toMatchObject({ kind: 'link', url: 'https://example.org/report?x=1', recordedByEmail: 'editor@example.org' });
    expect(note.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const list = await evidence.listForActions(db(), net.id, [a.id]);
    expect(list.map((e) => e.id)).toEqual([link.id, note.id]);
    const [sector] = await standards.overview(db(), net.id);
    expect(sector.standards[0].actions[0].evidenceCount).toBe(2);
    expect((await auditOf(net.id)).map((x) => x.action)).toEqual(['standard.create', 'action.create', 'evidence.note', 'evidence.link']);
  });

  it('accepts https addresses only', async () => {
    const net = await network();
    const s = await standard(net.id);
    const a = await actions.create(db(), editor, net.id, s.id, { title: 'x' });
    for (const url of ['http://example.org', 'javascript:alert(1)', 'example.org', 'https://user:pw@example.org', 'ftp://example.org', '', 'https://exa mple.org'])
      expect(await problems(evidence.add(db(), editor, net.id, a.id, { kind: 'link', title: 'Bad', url })), url).toEqual(['url']);
    expect(await problems(evidence.add(db(), editor, net.id, a.id, { kind: 'note', title: '', body: '' }))).toEqual(['title', 'body']);
    expect(await problems(evidence.add(db(), editor, net.id, a.id, { kind: 'snapshot', title: 'x' }))).toEqual(['kind']);
    expect(await evidence.listForActions(db(), net.id, [a.id])).toEqual([]);
  });

  it('is never changed once recorded: the database refuses an UPDATE', async () => {
    const net = await network();
    const s = await standard(net.id);
    const a = await actions.create(db(), editor, net.id, s.id, { title: 'x' });
    const e = await evidence.add(db(), editor, net.id, a.id, { kind: 'note', title: 'Original', body: 'words' });
    await expect(env.DB.prepare('UPDATE evidence SET title = ? WHERE id = ?').bind('Changed', e.id).run()).rejects.toThrow(/never changed/);
    await expect(env.DB.prepare('UPDATE evidence SET url = ? WHERE id = ?').bind('https://evil.example', e.id).run()).rejects.toThrow(/never changed/);
    expect(await rows('SELECT title, url FROM evidence WHERE id = ?', e.id)).toEqual([{ title: 'Original', url: null }]);
  });
});

describe('networks', () => {
  it('a member of another network can neither see nor change anything', async () => {
    const mine = await network();
    const other = await network();
    const s = await standard(mine.id);
    const a = await actions.create(db(), editor, mine.id, s.id, { title: 'Mine' });
    await evidence.add(db(), editor, mine.id, a.id, { kind: 'note', title: 'Mine', body: 'x' });
    expect(await standards.overview(db(), other.id)).toEqual([]);
    expect(await evidence.listForActions(db(), other.id, [a.id])).toEqual([]);
    await expect(standards.detail(db(), other.id, s.id)).rejects.toBeInstanceOf(NotFound);
    await expect(standards.edit(db(), admin, other.id, s.id, { sector: 'X', title: 'Stolen' })).rejects.toBeInstanceOf(NotFound);
    await expect(standards.retire(db(), admin, other.id, s.id)).rejects.toBeInstanceOf(NotFound);
    await expect(standards.assess(db(), admin, other.id, s.id, { period: '2022' })).rejects.toBeInstanceOf(NotFound);
    await expect(actions.create(db(), admin, other.id, s.id, { title: 'Sneaky' })).rejects.toBeInstanceOf(NotFound);
    await expect(actions.update(db(), admin, other.id, a.id, { title: 'Sneaky' })).rejects.toBeInstanceOf(NotFound);
    await expect(evidence.add(db(), admin, other.id, a.id, { kind: 'note', title: 'Sneaky', body: 'x' })).rejects.toBeInstanceOf(NotFound);
    expect(await standards.find(db(), mine.id, s.id)).toMatchObject({ title: s.title, version: 1, retiredAt: null });
    expect(await actions.find(db(), mine.id, a.id)).toMatchObject({ title: 'Mine' });
    expect((await rows('SELECT count(*) AS n FROM evidence WHERE action_id = ?', a.id))[0]).toEqual({ n: 1 });
    expect(await auditOf(other.id)).toEqual([]);
  });
});

describe('the demo', () => {
  it('seeds every Birmingham standard and next step', async () => {
    const net = await network();
    await seedCharter(db(), net.id);
    const sectors = await standards.overview(db(), net.id);
    expect(sectors.map((s) => s.sector)).toEqual(CHARTER_DEMO.map((s) => s.sector));
    const all = sectors.flatMap((s) => s.standards);
    expect(all.every((s) => s.assessment?.period === '2022' && s.assessment.inPlace.length > 0)).toBe(true);
    expect(all.reduce((t, s) => t + s.actions.length, 0)).toBe(CHARTER_DEMO.reduce((t, s) => t + s.steps.length, 0));
    expect(all.find((s) => s.sector === 'Workplaces')!.actions.map((a) => a.title)).toContain('Engage with trade unions');
  });
});

describe('two admins at once', () => {
  it('the second edit of the same version is a Conflict and changes nothing', async () => {
    const net = await network();
    const s = await standard(net.id);
    // Someone else's edit lands between reading and writing: their revision of version 1 is already there.
    await env.DB.prepare("INSERT INTO standard_revisions (standard_id, version, sector, title, description) VALUES (?, 1, 'Workplaces', 'x', '')").bind(s.id).run();
    await expect(standards.edit(db(), admin, net.id, s.id, { sector: 'Workplaces', title: 'Mine' })).rejects.toMatchObject({ status: 409 });
    expect(await standards.find(db(), net.id, s.id)).toMatchObject({ version: 1, title: s.title });
    expect((await auditOf(net.id)).map((a) => a.action)).toEqual(['standard.create']);
  });
});
