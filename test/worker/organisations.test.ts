import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../worker/audit/service';
import { Conflict, InvalidInput, NotFound } from '../../worker/errors';
import * as networks from '../../worker/networks/service';
import * as organisations from '../../worker/organisations/service';
import { toCsv } from '../../worker/exports/csv';
import { DEMO_ORGANISATIONS } from '../../worker/seed/organisations';
import { db } from './helpers';

const actor: Actor = { userId: null, email: 'admin@example.org' };

let n = 0;
/** A fresh network; unique slugs so test files never collide. */
async function network() {
  n += 1;
  const suffix = `${Date.now().toString(36)}-org-${n}`;
  return networks.create(db(), { slug: `net-${suffix}`, name: `Organisations test ${suffix}` });
}

type AuditRow = { action: string; subject: string; actor: string; details: string | null };
async function auditOf(networkId: string): Promise<AuditRow[]> {
  const { results } = await env.DB.prepare('SELECT action, subject, actor, details FROM audit_log WHERE network_id = ? ORDER BY id')
    .bind(networkId)
    .all<AuditRow>();
  return results;
}

async function organisationCount(networkId: string): Promise<number> {
  const row = await env.DB.prepare('SELECT count(*) AS n FROM organisations WHERE network_id = ?').bind(networkId).first<{ n: number }>();
  return row?.n ?? 0;
}

const KINDS = 'employer, care home, school, faith group, hospice, other';

describe('create and list', () => {
  it('creates organisations, normalises input and lists them by name ignoring case', async () => {
    const net = await network();
    const created = await organisations.create(db(), actor, net.id, {
      name: '  Willowbank Nursing Home ',
      kind: 'care_home',
      area: ' Erdington ',
      size_band: '50-249'
    });
    expect(created).toMatchObject({ networkId: net.id, name: 'Willowbank Nursing Home', kind: 'care_home', area: 'Erdington', sizeBand: '50-249' });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    await organisations.create(db(), actor, net.id, { name: 'acorn Lane Primary School', kind: 'school' });
    await organisations.create(db(), actor, net.id, { name: 'Brindley Wharf Logistics', kind: 'employer', area: 'Ladywood', size_band: '' });
    await organisations.create(db(), actor, net.id, { name: 'Zephyr Street Chapel', kind: 'faith', size_band: null });

    const listed = await organisations.list(db(), net.id);
    expect(listed.map((o) => o.name)).toEqual([
      'acorn Lane Primary School',
      'Brindley Wharf Logistics',
      'Willowbank Nursing Home',
      'Zephyr Street Chapel'
    ]);
    expect(listed[0]).toMatchObject({ area: '', sizeBand: null });
    expect(listed[1]).toMatchObject({ area: 'Ladywood', sizeBand: null });
  });

  it('refuses invalid input with a problem per field, and writes nothing', async () => {
    const net = await network();
    const attempt = organisations.create(db(), actor, net.id, { name: '   ', kind: 'spaceship', size_band: 'huge', area: 'x'.repeat(101) });
    await expect(attempt).rejects.toBeInstanceOf(InvalidInput);
    const error = (await attempt.catch((e) => e)) as InvalidInput;
    expect(error.problems).toEqual([
      { path: 'name', message: 'must not be empty' },
      { path: 'kind', message: 'must be one of: employer, care_home, school, faith, hospice, other' },
      { path: 'area', message: 'must be at most 100 characters' },
      { path: 'size_band', message: 'must be one of: 1-9, 10-49, 50-249, 250-999, 1000+' }
    ]);
    await expect(organisations.create(db(), actor, net.id, { kind: 'school' })).rejects.toMatchObject({
      problems: [{ path: 'name', message: 'is required' }]
    });
    await expect(organisations.create(db(), actor, net.id, { name: 'Two\nLines', kind: 'school' })).rejects.toMatchObject({
      problems: [{ path: 'name', message: 'must not contain control characters such as line breaks or tabs' }]
    });
    await expect(organisations.create(db(), actor, net.id, { name: 'n'.repeat(201), kind: 'school' })).rejects.toMatchObject({
      problems: [{ path: 'name', message: 'must be at most 200 characters' }]
    });
    expect(await organisationCount(net.id)).toBe(0);
    expect(await auditOf(net.id)).toEqual([]);
  });

  it('refuses a name already in the network, ignoring case, and writes nothing', async () => {
    const net = await network();
    await organisations.create(db(), actor, net.id, { name: 'Harbury Road Hospice', kind: 'hospice' });
    const again = organisations.create(db(), actor, net.id, { name: 'HARBURY road hospice ', kind: 'other' });
    await expect(again).rejects.toBeInstanceOf(Conflict);
    await expect(again).rejects.toThrow('There is already an organisation called "Harbury Road Hospice" in this network.');
    expect(await organisationCount(net.id)).toBe(1);
    expect((await auditOf(net.id)).map((a) => a.action)).toEqual(['organisation.create']);
  });

  it('allows the same name in different networks', async () => {
    const [a, b] = [await network(), await network()];
    await organisations.create(db(), actor, a.id, { name: 'Oakfield Academy', kind: 'school' });
    await organisations.create(db(), actor, b.id, { name: 'Oakfield Academy', kind: 'school' });
    expect(await organisationCount(a.id)).toBe(1);
    expect(await organisationCount(b.id)).toBe(1);
  });
});

describe('networks are kept apart', () => {
  it('never lists another network’s organisations, and cannot remove them', async () => {
    const [a, b] = [await network(), await network()];
    const ours = await organisations.create(db(), actor, a.id, { name: 'Meadowsweet Care Home', kind: 'care_home' });
    const theirs = await organisations.create(db(), actor, b.id, { name: 'Foxglove Engineering', kind: 'employer' });

    expect((await organisations.list(db(), a.id)).map((o) => o.id)).toEqual([ours.id]);
    expect((await organisations.list(db(), b.id)).map((o) => o.id)).toEqual([theirs.id]);

    await expect(organisations.remove(db(), actor, a.id, theirs.id)).rejects.toBeInstanceOf(NotFound);
    await expect(organisations.remove(db(), actor, a.id, crypto.randomUUID())).rejects.toBeInstanceOf(NotFound);
    expect(await organisationCount(b.id)).toBe(1);
    expect((await auditOf(a.id)).map((e) => e.action)).toEqual(['organisation.create']);

    await organisations.remove(db(), actor, a.id, ours.id);
    expect(await organisations.list(db(), a.id)).toEqual([]);
    expect(await organisationCount(b.id)).toBe(1);
  });
});

describe('importCsv', () => {
  const longName = 'The Exceptionally Long Named Community Interest Company of South Birmingham and Beyond '.repeat(3);
  // A spreadsheet export: BOM, CRLF, a header in another case and order with an extra column.
  const file =
    '\uFEFFName,Kind,Area,Size band,Notes\r\n' + // 1
    '"Hollybrook Manor Care Home",care home,Edgbaston,10-49,\r\n' + // 2 ok
    '"Smith, Patel & Daughters Ltd",employer,Digbeth,50-249,"supplier, since 2019"\r\n' + // 3 ok: comma in a quoted name
    'Kingfisher Primary School,School,Erdington,,\r\n' + // 4 ok
    'Bright Futures Café,charity shop,Selly Oak,1-9,\r\n' + // 5 bad kind
    ',employer,Ladywood,1-9,\r\n' + // 6 empty name
    '"hollybrook manor care home",care_home,Edgbaston,,\r\n' + // 7 repeats line 2
    '\r\n' + // 8 blank: skipped silently
    "St Aidan's hospice,hospice,Small Heath,,\r\n" + // 9 already in the register
    'Sparkbrook Community Faith Trust,Faith group,Sparkbrook,,\r\n' + // 10 ok
    'Greenway Veterinary Practice,other,Kings Heath,10 - 49,"vet, ""small animals"""\r\n' + // 11 ok
    'Northfield Bakery Co-operative,employer,Northfield,huge,\r\n' + // 12 bad size band
    `"${longName}",employer,Handsworth,,\r\n` + // 13 name too long
    '"Two-Line\r\nChapel",faith,Aston,,\r\n' + // 14-15 name with a line break
    'Lantern House Nursing Home,care-home,Sutton Coldfield,1000+\r\n' + // 16 ok
    ',,,,\r\n'; // 17 empty cells: skipped silently

  it('imports the good rows and reports each bad one with its line and what is wrong', async () => {
    const net = await network();
    await organisations.create(db(), actor, net.id, { name: "St Aidan's Hospice", kind: 'hospice' });

    const result = await organisations.importCsv(db(), actor, net.id, file);

    expect(result.errors).toEqual([
      { line: 5, message: `Kind "charity shop" is not a kind we know; use one of: ${KINDS}` },
      { line: 6, message: 'Name must not be empty' },
      { line: 7, message: 'Name "hollybrook manor care home" is repeated: line 2 already has it' },
      { line: 9, message: `Name "St Aidan's hospice" is already in this network's register (as "St Aidan's Hospice")` },
      { line: 12, message: 'Size band "huge" must be one of: 1-9, 10-49, 50-249, 250-999, 1000+' },
      { line: 13, message: `Name "The Exceptionally Long Named Community I…" must be at most 200 characters` },
      { line: 14, message: 'Name "Two-Line\\r\\nChapel" must not contain control characters such as line breaks or tabs' }
    ]);
    expect(result.created).toBe(6);

    const listed = await organisations.list(db(), net.id);
    expect(listed.map((o) => [o.name, o.kind, o.area, o.sizeBand])).toEqual([
      ['Greenway Veterinary Practice', 'other', 'Kings Heath', '10-49'],
      ['Hollybrook Manor Care Home', 'care_home', 'Edgbaston', '10-49'],
      ['Kingfisher Primary School', 'school', 'Erdington', null],
      ['Lantern House Nursing Home', 'care_home', 'Sutton Coldfield', '1000+'],
      ['Smith, Patel & Daughters Ltd', 'employer', 'Digbeth', '50-249'],
      ['Sparkbrook Community Faith Trust', 'faith', 'Sparkbrook', null],
      ["St Aidan's Hospice", 'hospice', '', null]
    ]);
  });

  it('writes one audit entry for the import, with what was created and rejected', async () => {
    const net = await network();
    await organisations.create(db(), actor, net.id, { name: "St Aidan's Hospice", kind: 'hospice' });
    await organisations.importCsv(db(), actor, net.id, file);
    const entries = await auditOf(net.id);
    expect(entries.map((e) => [e.action, e.subject, e.actor])).toEqual([
      ['organisation.create', "St Aidan's Hospice", 'admin@example.org'],
      ['organisation.import', '6 organisations from CSV', 'admin@example.org']
    ]);
    expect(JSON.parse(entries[1].details ?? 'null')).toEqual({ created: 6, rejected: 7 });
  });

  it('audits create and remove with the organisation’s name', async () => {
    const net = await network();
    const org = await organisations.create(db(), actor, net.id, { name: 'Cedar Lodge Residential Home', kind: 'care_home' });
    await organisations.remove(db(), actor, net.id, org.id);
    expect((await auditOf(net.id)).map((e) => [e.action, e.subject, e.details])).toEqual([
      ['organisation.create', 'Cedar Lodge Residential Home', null],
      ['organisation.remove', 'Cedar Lodge Residential Home', null]
    ]);
  });

  it('imports nothing when the kind column is missing', async () => {
    const net = await network();
    const result = await organisations.importCsv(db(), actor, net.id, 'NAME,Area,Type\nRiverside Surgery,Aston,other\n');
    expect(result).toEqual({
      created: 0,
      errors: [{ line: 1, message: 'The first line must name the columns, and "kind" is missing (found: "NAME", "Area", "Type"). Nothing was imported.' }]
    });
    expect(await organisationCount(net.id)).toBe(0);
    expect(await auditOf(net.id)).toEqual([]);
  });

  it('imports nothing from an empty file or one with a column named twice', async () => {
    const net = await network();
    expect(await organisations.importCsv(db(), actor, net.id, '\uFEFF\r\n')).toEqual({
      created: 0,
      errors: [{ line: 1, message: 'The file is empty. Its first line must name the columns, at least "name" and "kind".' }]
    });
    expect(await organisations.importCsv(db(), actor, net.id, 'name,kind,size,size_band\nA,school,1-9,1-9')).toEqual({
      created: 0,
      errors: [{ line: 1, message: 'The column "size" appears twice in the first line; keep only one.' }]
    });
    expect(await organisationCount(net.id)).toBe(0);
  });

  it('writes no audit entry when every row is rejected', async () => {
    const net = await network();
    const result = await organisations.importCsv(db(), actor, net.id, 'kind,name\nspaceship,Orbit Ltd\n');
    expect(result).toEqual({ created: 0, errors: [{ line: 2, message: `kind "spaceship" is not a kind we know; use one of: ${KINDS}` }] });
    expect(await auditOf(net.id)).toEqual([]);
  });

  it('imports 5,000 rows in one go (chunked under the bound-parameter limit) and refuses 5,001', async () => {
    const net = await network();
    const rows = (count: number) =>
      ['name,kind,area,size band', ...Array.from({ length: count }, (_, i) => `Test Employer ${i + 1},employer,Ladywood,1-9`)].join('\n');

    const tooMany = await organisations.importCsv(db(), actor, net.id, rows(5001));
    expect(tooMany).toEqual({
      created: 0,
      errors: [{ line: 5002, message: 'The file has 5,001 organisations; at most 5,000 can be imported at once. Please split it into smaller files.' }]
    });
    expect(await organisationCount(net.id)).toBe(0);

    const result = await organisations.importCsv(db(), actor, net.id, rows(5000));
    expect(result).toEqual({ created: 5000, errors: [] });
    expect(await organisationCount(net.id)).toBe(5000);
    expect((await auditOf(net.id)).map((e) => e.action)).toEqual(['organisation.import']);
  });
});

describe('demo organisations', () => {
  it('are valid, unique ignoring case, cover every kind, and round-trip through a CSV export and import', async () => {
    expect(DEMO_ORGANISATIONS.length).toBeGreaterThanOrEqual(28);
    for (const org of DEMO_ORGANISATIONS) expect(organisations.OrganisationInput.parse(org)).toEqual(org);
    expect(new Set(DEMO_ORGANISATIONS.map((o) => o.name.toLowerCase())).size).toBe(DEMO_ORGANISATIONS.length);
    expect(new Set(DEMO_ORGANISATIONS.map((o) => o.kind))).toEqual(new Set(['employer', 'care_home', 'school', 'faith', 'hospice', 'other']));

    const net = await network();
    const csv = toCsv([['name', 'kind', 'area', 'size_band'], ...DEMO_ORGANISATIONS.map((o) => [o.name, o.kind, o.area, o.size_band])]);
    expect(await organisations.importCsv(db(), actor, net.id, csv)).toEqual({ created: DEMO_ORGANISATIONS.length, errors: [] });
    const listed = await organisations.list(db(), net.id);
    expect(listed.map((o) => ({ name: o.name, kind: o.kind, area: o.area, size_band: o.sizeBand }))).toEqual(
      [...DEMO_ORGANISATIONS].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1))
    );
  });
});
