/**
 * Exports against a real D1: the aggregate rows obey suppression exactly as the summary
 * does ("fewer than N", never a number), and the raw export holds every complete response
 * as given, read a page at a time, with where it came from, formulas in respondents' words
 * neutralised, and nothing for anyone but editors and admins of the survey's network.
 */
import { env } from 'cloudflare:test';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Membership, Role } from '../../worker/accounts/authz';
import { SYSTEM } from '../../worker/audit/service';
import { cellsOf, type Cell, type Row } from '../../worker/exports/cells';
import { csvStream, toCsv } from '../../worker/exports/csv';
import { aboutRows, responsesExport } from '../../worker/exports/responses';
import { aggregateRows } from '../../worker/exports/results';
import { xlsxBytes } from '../../worker/exports/xlsx';
import { Forbidden, NotFound, Unauthenticated } from '../../worker/errors';
import * as links from '../../worker/links/service';
import * as networks from '../../worker/networks/service';
import * as organisations from '../../worker/organisations/service';
import * as results from '../../worker/results/service';
import * as surveys from '../../worker/surveys/service';
import { parseCsv } from '../../worker/organisations/csv';
import { everyType, everyTypeAnswers } from '../fixtures/definitions';
import { db, post, publishedSurvey } from './helpers';

const as = (network: { id: string; slug: string; name: string }, role: Role): Membership[] => [
  { networkId: network.id, networkSlug: network.slug, networkName: network.name, role }
];

async function respond(slug: string, answers: Record<string, unknown>, id: string = crypto.randomUUID()) {
  const res = await post(`/surveys/${slug}/responses`, { id, answers });
  expect(res.status).toBeLessThan(300);
  return id;
}

/** The rows of the aggregate table (after its headings), as objects by column. */
function table(rows: Row[], headingRow: number) {
  const names = cellsOf(rows[headingRow]).cells as string[];
  return rows.slice(headingRow + 1).map((r) => Object.fromEntries(names.map((n, i) => [n, cellsOf(r).cells[i] ?? null])) as Record<string, Cell>);
}

async function allRows(exp: Awaited<ReturnType<typeof responsesExport>>): Promise<Cell[][]> {
  const out: Cell[][] = [];
  for await (const page of exp.pages()) out.push(...page.map((r) => [...cellsOf(r).cells]));
  return out;
}

const FORMULAS = { story: '=HYPERLINK("http://evil.example","click")', why: "+cmd|' /C calc'!A0", other: '@SUM(1)', start: '-2+3' };

describe('aggregate export', () => {
  it('writes every figure as the summary has it: hidden ones read "fewer than N", never a number', async () => {
    const { slug, network } = await publishedSurvey(everyType, { minGroupSize: 5 });
    // pick: a×6, b×5, c×1 → c is hidden, and b with it (complementary suppression).
    for (let i = 0; i < 12; i++) {
      const pick = i < 6 ? 'a' : i < 11 ? 'b' : 'c';
      await respond(slug, { ...everyTypeAnswers, pick: { option: pick }, score: i % 11, ok: i < 7 ? 'yes' : 'no' });
    }
    const summary = await results.summary(db(), slug, as(network, 'reviewer'));
    const at = new Date('2026-03-01T12:00:00Z');
    const { rows, headingRow } = aggregateRows(summary, { at });
    const block = Object.fromEntries(rows.slice(0, headingRow).map((r) => cellsOf(r).cells).filter((c) => c.length).map((c) => [c[0], c[1]]));
    expect(block).toMatchObject({ Survey: 'Every type', Network: network.name, 'Complete responses': 12, 'Minimum group size': 5, Downloaded: '1 March 2026 at 12:00 (UK time)' });
    expect(block.Rule).toMatch(/fewer than 5 people are not shown/);
    expect(block.Data).toBeUndefined(); // not a demo network
    expect(cellsOf(rows[headingRow]).cells).toEqual(['question id', 'question', 'statement (matrix row)', 'answer', 'people', 'share %', 'mean', 'mean is on', 'median']);

    const t = table(rows, headingRow);
    const pick = t.filter((r) => r['question id'] === 'pick');
    expect(pick.find((r) => r.answer === 'Answered')).toMatchObject({ people: 12, question: 'Pick one' });
    expect(pick.find((r) => r.answer === 'A')).toMatchObject({ people: 6, 'share %': 50 });
    expect(pick.find((r) => r.answer === 'B')).toMatchObject({ people: 'fewer than 5', 'share %': null });
    expect(pick.find((r) => r.answer === 'C')).toMatchObject({ people: 'fewer than 5', 'share %': null });
    expect(pick.find((r) => r.answer === 'Written "other" answers')).toMatchObject({ people: 0 });
    const score = t.find((r) => r['question id'] === 'score' && r.answer === 'Answered')!;
    expect(score).toMatchObject({ mean: summary.questions.find((q) => q.id === 'score')!.mean, 'mean is on': '0 to 10', median: '4' });
    // Every score 0-10 was chosen by one or two people: all hidden.
    expect(t.filter((r) => r['question id'] === 'score' && r.answer !== 'Answered').every((r) => r.people === 'fewer than 5' && r['share %'] === null)).toBe(true);
    expect(t.filter((r) => r['question id'] === 'grid').map((r) => [r['statement (matrix row)'], r.answer, r.people])).toEqual([
      ['Row 1', 'Answered', 12],
      ['Row 1', 'Low', 12],
      ['Row 1', 'High', 0],
      ['Row 2', 'Answered', 12],
      ['Row 2', 'Low', 0],
      ['Row 2', 'High', 12]
    ]);
    expect(t.find((r) => r['question id'] === 'order' && r.answer === 'Q')).toMatchObject({ people: 12, mean: 1, 'mean is on': 'average position (1 is most important)' });
    expect(t.find((r) => r['question id'] === 'story')).toMatchObject({ answer: 'Written answers', people: 12 });
    expect(JSON.stringify(rows)).not.toContain('A story'); // counted, never shown

    // The same figures, one for one, as the summary: hidden there is "fewer than 5" here.
    for (const q of summary.questions)
      for (const o of q.rows ? q.rows.flatMap((r) => r.options.map((x) => ({ ...x, row: r.label }))) : q.options.map((x) => ({ ...x, row: '' }))) {
        const r = t.find((x) => x['question id'] === q.id && x.answer === o.label && x['statement (matrix row)'] === o.row)!;
        expect(r.people, `${q.id} ${o.row} ${o.label}`).toBe(o.suppressed ? 'fewer than 5' : o.count);
      }

    // CSV and xlsx carry the same cells: text where hidden, numbers where shown.
    const csv = parseCsv(toCsv(rows.map((r) => [...cellsOf(r).cells])));
    expect(csv.find((r) => r[0] === 'pick' && r[3] === 'C')).toEqual(['pick', 'Pick one', '', 'C', 'fewer than 5', '', '', '', '']);
    const sheet = strFromU8(unzipSync(await xlsxBytes([{ name: 'Results', rows }], at))['xl/worksheets/sheet1.xml']);
    const pickC = headingRow + 1 + t.findIndex((r) => r['question id'] === 'pick' && r.answer === 'C') + 1;
    expect(sheet).toContain(`<c r="E${pickC}" t="inlineStr"><is><t xml:space="preserve">fewer than 5</t></is></c>`);
    expect(sheet).not.toContain(`r="F${pickC}"`);
    const pickA = headingRow + 1 + t.findIndex((r) => r['question id'] === 'pick' && r.answer === 'A') + 1;
    expect(sheet).toContain(`<c r="E${pickA}"><v>6</v></c><c r="F${pickA}"><v>50</v></c>`);
    expect(sheet).not.toMatch(/<f[ >]/);
  });

  it('shows no breakdown until enough people have answered, and marks demo data', async () => {
    const network = await networks.create(db(), { slug: `demo-${crypto.randomUUID().slice(0, 8)}`, name: 'Demo town', isDemo: true });
    const survey = await surveys.create(db(), { networkId: network.id, slug: `few-${crypto.randomUUID().slice(0, 8)}`, definition: everyType, minGroupSize: 10 });
    await surveys.publish(db(), survey.id);
    for (let i = 0; i < 3; i++) await respond(survey.slug, everyTypeAnswers);
    const { rows, headingRow } = aggregateRows(await results.summary(db(), survey.slug, as(network, 'editor')));
    expect(headingRow).toBe(-1);
    const block = Object.fromEntries(rows.map((r) => cellsOf(r).cells).filter((c) => c.length).map((c) => [c[0], c[1]]));
    expect(block).toMatchObject({ Data: 'Demo – made-up data', 'Complete responses': 'fewer than 10', 'Not shown': 'Results appear once at least 10 people have answered.' });
    expect(rows.flatMap((r) => cellsOf(r).cells).filter((c) => typeof c === 'number')).toEqual([1, 10]); // the version and the rule
  });
});

describe('aggregate export of a filtered view', () => {
  it('names the filter, and gives no figures for a view the filter rules refuse', async () => {
    const { slug, network } = await publishedSurvey(everyType, { minGroupSize: 2 });
    for (let i = 0; i < 3; i++) await respond(slug, everyTypeAnswers);
    const summary = await results.summary(db(), slug, as(network, 'reviewer'));
    const block = (s: typeof summary) => Object.fromEntries(aggregateRows(s).rows.map((r) => cellsOf(r).cells).filter((c) => c.length).map((c) => [c[0], c[1]]));
    const applied = { ...summary, filter: { applied: ['=SUM(1)', 'Mode: paper'], refused: null } };
    expect(block(applied)).toMatchObject({ Filter: '=SUM(1); Mode: paper' });
    expect(aggregateRows(applied).headingRow).toBeGreaterThan(0);
    const refused = { ...summary, responses: { count: null, percent: null, suppressed: true }, questions: [], filter: { applied: ['Area: Ladywood'], refused: 'Too few people for this selection.' } };
    expect(block(refused)).toMatchObject({ Filter: 'Area: Ladywood', 'Not shown': 'Too few people for this selection.', 'Complete responses': 'fewer than 2' });
    expect(aggregateRows(refused).headingRow).toBe(-1);
    expect(toCsv(aggregateRows(applied).rows.map((r) => [...cellsOf(r).cells]))).toContain("\r\nFilter,'=SUM(1); Mode: paper\r\n");
  });
});

describe('raw responses export', () => {
  it('is for editors and admins of the survey’s network only', async () => {
    const { slug, network } = await publishedSurvey(everyType);
    const other = await networks.create(db(), { slug: `other-${crypto.randomUUID().slice(0, 8)}`, name: 'Elsewhere' });
    await expect(responsesExport(db(), slug, null)).rejects.toBeInstanceOf(Unauthenticated);
    for (const role of ['reviewer', 'data-entry'] as const) await expect(responsesExport(db(), slug, as(network, role))).rejects.toBeInstanceOf(Forbidden);
    await expect(responsesExport(db(), slug, as(other, 'admin'))).rejects.toBeInstanceOf(Forbidden);
    await expect(responsesExport(db(), 'no-such-survey', as(network, 'admin'))).rejects.toBeInstanceOf(NotFound);
    for (const role of ['editor', 'admin'] as const) expect((await responsesExport(db(), slug, as(network, role))).total).toBe(0);
  });

  it('holds one row per complete response, as given, where it came from, with formulas neutralised', async () => {
    const { slug, network } = await publishedSurvey(everyType);
    const plain = await respond(slug, everyTypeAnswers);
    const payload = await respond(slug, {
      ...everyTypeAnswers,
      pick: { option: 'b' },
      why_b: FORMULAS.why,
      story: `${FORMULAS.story}\nsecond line`,
      many: { options: ['y'] },
      order: ['p'],
      ok: 'no'
    });
    const viaLink = await respond(slug, { ...everyTypeAnswers, pick: { option: 'other', other: FORMULAS.start } });
    const viaOrganisation = await respond(slug, { ...everyTypeAnswers, pick: { option: 'prefer_not_to_say' }, story: FORMULAS.other });
    // A draft never counts.
    await post(`/surveys/${slug}/responses`, { id: crypto.randomUUID(), answers: {} });
    // Where two of them came from: a poster link and an organisation's invitation.
    const link = await links.createLink(db(), SYSTEM, network.id, slug, { kind: 'public', label: '=Poster, Hall of Memory', area: 'City centre' });
    await organisations.create(db(), SYSTEM, network.id, { name: 'Acme Care Home', kind: 'care_home', area: 'Ladywood' });
    await links.createInvitations(db(), SYSTEM, network.id, slug, { kinds: ['care_home'] });
    const invitation = (await links.list(db(), network.id, slug)).links.find((l) => l.kind === 'organisation')!;
    await env.DB.batch([
      env.DB.prepare("UPDATE responses SET link_id = ?, mode = 'kiosk' WHERE id = ?").bind(link.id, viaLink),
      env.DB.prepare("UPDATE responses SET link_id = ?, mode = 'paper' WHERE id = ?").bind(invitation.id, viaOrganisation)
    ]);

    const exp = await responsesExport(db(), slug, as(network, 'editor'));
    expect(exp.total).toBe(4);
    const [keys, labels] = exp.headings.map((h) => cellsOf(h).cells);
    expect(keys).toEqual([
      'response_id', 'completed_at', 'version', 'mode', 'language', 'came_through', 'link', 'area', 'organisation',
      'pick', 'pick.other', 'why_b', 'many', 'agree', 'score', 'grid.r1', 'grid.r2', 'order.p', 'order.q', 'order.r', 'ok', 'story', 'count', 'when', 'consent'
    ]);
    expect(labels.slice(9, 13)).toEqual(['Pick one', 'Pick one – other (written)', 'Why B?', 'Pick any']);
    expect(labels[15]).toBe('Grid – Row 1');
    expect(labels[17]).toBe('Order – position of P');

    const rows = await allRows(exp);
    expect(rows).toHaveLength(4);
    const byId = Object.fromEntries(rows.map((r) => [r[0], Object.fromEntries((keys as string[]).map((k, i) => [k, r[i]]))]));
    expect(new Set(Object.keys(byId))).toEqual(new Set([plain, payload, viaLink, viaOrganisation]));
    expect(byId[plain]).toMatchObject({
      version: 1, mode: 'online', language: 'en', came_through: 'survey address', link: null, organisation: null,
      pick: 'B', 'pick.other': null, why_b: 'Because', many: 'X; Y', agree: 'Agree', score: 7, 'grid.r1': 'Low', 'grid.r2': 'High',
      'order.p': 2, 'order.q': 1, 'order.r': null, ok: 'Yes', story: 'A story\nover two lines', count: 12, when: '2024-02-29', consent: 'Agreed'
    });
    expect(byId[plain].completed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$/);
    expect(byId[payload]).toMatchObject({ why_b: FORMULAS.why, story: `${FORMULAS.story}\nsecond line`, many: 'Y', 'pick.other': null, 'order.p': 1, 'order.q': null, ok: 'No' });
    expect(byId[viaLink]).toMatchObject({ pick: 'Other', 'pick.other': FORMULAS.start, mode: 'kiosk', came_through: 'link', link: '=Poster, Hall of Memory', area: 'City centre', organisation: null });
    expect(byId[viaOrganisation]).toMatchObject({ pick: 'Prefer not to say', mode: 'paper', came_through: 'organisation invitation', link: 'Acme Care Home', area: 'Ladywood', organisation: 'Acme Care Home' });
    // In completion order.
    const completed = rows.map((r) => r[1] as string);
    expect([...completed].sort()).toEqual(completed);

    // The CSV file: respondents' formulas (and a member's link label) come out neutralised.
    const csv = parseCsv(await new Response(csvStream([...exp.headings, ...rows])).text());
    const at = (id: string, key: string) => csv.find((r) => r[0] === id)![(keys as string[]).indexOf(key)];
    expect(at(payload, 'why_b')).toBe(`'${FORMULAS.why}`);
    expect(at(payload, 'story')).toBe(`'${FORMULAS.story}\nsecond line`);
    expect(at(viaLink, 'pick.other')).toBe(`'${FORMULAS.start}`);
    expect(at(viaLink, 'link')).toBe("'=Poster, Hall of Memory");
    expect(at(viaOrganisation, 'story')).toBe(`'${FORMULAS.other}`);
    expect(at(plain, 'score')).toBe('7');

    // The xlsx file: the same, as inline strings; numbers stay numbers.
    const again = await responsesExport(db(), slug, as(network, 'admin'));
    const pages = async function* () {
      yield again.headings;
      yield* again.pages();
    };
    const book = unzipSync(await xlsxBytes([{ name: 'Responses', rows: pages(), freeze: 2 }, { name: 'About', rows: aboutRows(again) }]));
    const sheet = strFromU8(book['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain(`<t xml:space="preserve">'+cmd|' /C calc'!A0</t>`);
    expect(sheet).toContain(`<t xml:space="preserve">'=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)\nsecond line</t>`);
    expect(sheet).toContain(`<t xml:space="preserve">'-2+3</t>`);
    expect(sheet).toMatch(/<c r="O\d+"><v>7<\/v><\/c>/);
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(strFromU8(book['xl/worksheets/sheet2.xml'])).toContain('Complete responses');
  });

  it('reads a page at a time, in order, and leaves out responses completed after the download began', async () => {
    const { slug, network } = await publishedSurvey(everyType);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await respond(slug, { ...everyTypeAnswers, count: i }));
    const exp = await responsesExport(db(), slug, as(network, 'editor'), { pageSize: 2 });
    expect(exp.total).toBe(7);
    const late = await respond(slug, everyTypeAnswers);
    const sizes: number[] = [];
    const seen: Cell[][] = [];
    for await (const page of exp.pages()) {
      sizes.push(page.length);
      seen.push(...page.map((r) => [...cellsOf(r).cells]));
    }
    expect(sizes).toEqual([2, 2, 2, 1]);
    expect(seen.map((r) => r[0])).not.toContain(late);
    expect(new Set(seen.map((r) => r[0]))).toEqual(new Set(ids));
    const count = (cellsOf(exp.headings[0]).cells as string[]).indexOf('count');
    expect(seen.map((r) => r[count]).sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('keeps the columns of questions an earlier version had, reading each response with its own version', async () => {
    const { slug, network, survey } = await publishedSurvey(everyType);
    const v1 = await respond(slug, everyTypeAnswers);
    // Version 2 drops "How many", renames option A and adds a question.
    const v2def = structuredClone(everyType) as unknown as { pages: { questions: Record<string, unknown>[] }[] };
    v2def.pages[1].questions = v2def.pages[1].questions.filter((q) => q.id !== 'count');
    (v2def.pages[0].questions[0].options as { label: string }[])[0].label = 'A (renamed)';
    v2def.pages[1].questions.push({ id: 'extra', type: 'yes_no', title: 'New?' });
    await env.DB.prepare('UPDATE surveys SET draft = ? WHERE id = ?').bind(JSON.stringify(v2def), survey.id).run();
    await surveys.publish(db(), survey.id);
    const v2 = await respond(slug, { ...everyTypeAnswers, count: undefined, pick: { option: 'a' }, extra: 'yes' });
    const exp = await responsesExport(db(), slug, as(network, 'editor'));
    const keys = cellsOf(exp.headings[0]).cells as string[];
    expect(keys.slice(-3)).toEqual(['consent', 'extra', 'count']);
    const rows = Object.fromEntries((await allRows(exp)).map((r) => [r[0], Object.fromEntries(keys.map((k, i) => [k, r[i]]))]));
    expect(rows[v1]).toMatchObject({ version: 1, count: 12, extra: null, pick: 'B' });
    expect(rows[v2]).toMatchObject({ version: 2, count: null, extra: 'Yes', pick: 'A (renamed)' });
  });
});
