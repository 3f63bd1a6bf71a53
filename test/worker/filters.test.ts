/**
 * Filtered results, cross-tabs and the differencing check, against a real D1: figures
 * match hand counts, and no pair of views the API will give can be subtracted to isolate
 * fewer people than the minimum group size.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import * as results from '../../worker/results/service';
import { everyType, everyTypeAnswers } from '../fixtures/definitions';
import { call, db, memberCookie, post, publishedSurvey } from './helpers';

type Summary = results.Summary;

/**
 * A survey with responses described one by one: the pick answer, and the response's mode,
 * language and month. Returns the survey and a reviewer's cookie.
 */
async function surveyWith(people: { pick: string; mode?: string; language?: string; month?: string; many?: string[] }[]) {
  const made = await publishedSurvey(everyType, { minGroupSize: 5 });
  for (const p of people) {
    const id = crypto.randomUUID();
    const res = await post(`/surveys/${made.slug}/responses`, {
      id,
      answers: { ...everyTypeAnswers, pick: { option: p.pick }, why_b: p.pick === 'b' ? 'Because' : undefined, many: { options: p.many ?? ['x'] } }
    });
    expect(res.status, await res.clone().text()).toBe(201);
    await env.DB.prepare(`UPDATE responses SET mode = ?, language = ?, completed_at = ? WHERE id = ?`)
      .bind(p.mode ?? 'online', p.language ?? 'en', `${p.month ?? '2026-03'}-15T12:00:00.000Z`, id)
      .run();
  }
  return { ...made, cookie: await memberCookie(made.network.id, 'reviewer') };
}

const times = <T>(n: number, v: T): T[] => Array.from({ length: n }, () => v);

async function view(slug: string, cookie: string, query: string): Promise<{ status: number; body: Summary & { error?: { message: string } } }> {
  const res = await call(`/surveys/${slug}/results?${query}`, { headers: { cookie } });
  return { status: res.status, body: (await res.json()) as Summary & { error?: { message: string } } };
}

describe('filtered results', () => {
  it('count exactly the responses the filter covers', async () => {
    const { slug, cookie } = await surveyWith([
      ...times(8, { pick: 'a', mode: 'online' }),
      ...times(6, { pick: 'b', mode: 'online' }),
      ...times(7, { pick: 'a', mode: 'paper' }),
      ...times(5, { pick: 'c', mode: 'paper' })
    ]);
    const paper = await view(slug, cookie, 'mode=paper');
    expect(paper.status).toBe(200);
    expect(paper.body.responses.count).toBe(12);
    expect(paper.body.filter).toEqual({ applied: ['Answered: paper'], refused: null });
    const pick = paper.body.questions.find((q) => q.id === 'pick')!;
    expect(Object.fromEntries(pick.options.map((o) => [o.id, o.count]))).toMatchObject({ a: 7, b: 0, c: 5 });

    // By the answer to another question: the people who picked a (8 online, 7 paper).
    const chose = await view(slug, cookie, 'q=pick&a=a');
    expect(chose.body.responses.count).toBe(15);
    expect(chose.body.questions.find((q) => q.id === 'pick')!.options.find((o) => o.id === 'a')!.count).toBe(15);
    const both = await view(slug, cookie, 'q=pick&a=a&mode=online');
    expect(both.body.responses.count).toBe(8);
  });

  it('refuse a view whose difference from the whole survey isolates one person (the differencing attack)', async () => {
    // 20 people; one answered on paper. "Everyone" minus "online" would be that one person.
    const { slug, cookie } = await surveyWith([...times(19, { pick: 'a' }), { pick: 'c', mode: 'paper' }]);
    const all = await view(slug, cookie, '');
    expect(all.body.responses.count).toBe(20);
    for (const query of ['mode=online', 'mode=paper']) {
      const v = await view(slug, cookie, query);
      expect(v.status, query).toBe(422);
      expect(v.body.error?.message).toMatch(/fewer than 5 people/);
      expect(JSON.stringify(v.body)).not.toMatch(/"count":\s*(19|1)\b/);
    }
  });

  it('refuse month ranges that differ by a month of fewer people than the minimum', async () => {
    const { slug, cookie } = await surveyWith([...times(10, { pick: 'a', month: '2026-01' }), ...times(9, { pick: 'b', month: '2026-02' }), { pick: 'c', month: '2026-03' }]);
    // January to February leaves out March's one person; January alone leaves out February and March (10).
    expect((await view(slug, cookie, 'from=2026-01&to=2026-02')).status).toBe(422);
    expect((await view(slug, cookie, 'from=2026-03')).status).toBe(422);
    // March's one person is withheld, and with them February, the smallest month that could be shown,
    // so "everyone − January" is never fewer than 5 people. January alone can be shown.
    expect((await view(slug, cookie, 'from=2026-02&to=2026-02')).status).toBe(422);
    const january = await view(slug, cookie, 'from=2026-01&to=2026-01');
    expect(january.status).toBe(200);
    expect(january.body.responses.count).toBe(10);
  });

  it('refuse two conditions whose views, with the whole, give away a small group by inclusion and exclusion', async () => {
    // online∧en 15, online∧cy 10, paper∧en 14, paper∧cy 1: all − online − en + (online∧en) = 1.
    const { slug, cookie } = await surveyWith([
      ...times(15, { pick: 'a', mode: 'online', language: 'en' }),
      ...times(10, { pick: 'a', mode: 'online', language: 'cy' }),
      ...times(14, { pick: 'b', mode: 'paper', language: 'en' }),
      { pick: 'c', mode: 'paper', language: 'cy' }
    ]);
    expect((await view(slug, cookie, 'mode=online')).status).toBe(200);
    expect((await view(slug, cookie, 'language=en')).status).toBe(200);
    const both = await view(slug, cookie, 'mode=online&language=en');
    expect(both.status).toBe(422);
    expect(both.body.error?.message).toMatch(/Try without “Answered: online”/);
  });

  it('refuse one of several groups when the groups too small to show add up to fewer than the minimum', async () => {
    // Languages: en 30, cy 6, ur 2. ur is withheld; the pool (2) is too small, so cy is withheld too:
    // otherwise everyone − en − cy would give away ur's two people.
    const { slug, cookie } = await surveyWith([...times(30, { pick: 'a' }), ...times(6, { pick: 'b', language: 'cy' }), ...times(2, { pick: 'c', language: 'ur' })]);
    expect((await view(slug, cookie, 'language=en')).status).toBe(200);
    expect((await view(slug, cookie, 'language=cy')).status).toBe(422);
    expect((await view(slug, cookie, 'language=ur')).status).toBe(422);
  });

  it('answer bad filters with a clear 400 naming the field', async () => {
    const { slug, cookie } = await surveyWith(times(6, { pick: 'a' }));
    const other = await surveyWith(times(6, { pick: 'a' }));
    const otherLink = crypto.randomUUID().slice(0, 12);
    await env.DB.prepare(`INSERT INTO links (id, survey_id, kind, code, label, created_by) VALUES (?, ?, 'public', ?, 'Elsewhere', 'x')`)
      .bind(otherLink, other.survey.id, `Z${Date.now().toString(36).slice(-5).toUpperCase()}`)
      .run();
    for (const [query, field] of [
      ['mode=telepathy', 'mode'],
      ['from=2026-13', 'from'],
      ['from=2026-05&to=2026-01', 'to'],
      ['q=pick', 'a'],
      ['q=story&a=x', 'q'],
      ['q=pick&a=zzz', 'a'],
      [`link=${otherLink}`, 'link'],
      ['kind=spaceship', 'kind']
    ]) {
      const res = await call(`/surveys/${slug}/results?${query}`, { headers: { cookie } });
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: { problems: { path: string; message: string }[] } };
      expect(body.error.problems.map((p) => p.path), query).toContain(field);
    }
  });

  it('show nothing of a network to a member of another, filtered or not', async () => {
    const { slug } = await surveyWith(times(6, { pick: 'a' }));
    const stranger = await surveyWith(times(1, { pick: 'a' }));
    for (const path of [`/surveys/${slug}/results?mode=online`, `/surveys/${slug}/crosstab?x=pick&y=ok`]) {
      const res = await call(path, { headers: { cookie: stranger.cookie } });
      expect(res.status, path).toBe(403);
      expect(await res.text()).not.toMatch(/"count"/);
    }
  });
});

describe('cross-tabs', () => {
  it('count people by two answers, with small cells and the cells that would give them away hidden', async () => {
    const { slug, cookie } = await surveyWith([
      ...times(9, { pick: 'a', many: ['x'] }),
      ...times(7, { pick: 'b', many: ['x', 'y'] }),
      ...times(6, { pick: 'a', many: ['y'] }),
      ...times(2, { pick: 'c', many: ['x'] })
    ]);
    const res = await call(`/surveys/${slug}/crosstab?x=pick&y=many`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const t = (await res.json()) as results.CrossTab;
    const at = (xo: string, yo: string) => t.cells[t.rows.options.findIndex((o) => o.id === xo)][t.columns.options.findIndex((o) => o.id === yo)];
    expect(at('a', 'x').count).toBe(9);
    expect(at('a', 'y').count).toBe(6);
    expect(at('b', 'y').count).toBe(7);
    // c×x is 2: hidden. Column x adds up to its total (one pick each), so its next smallest
    // cell, b×x, is hidden too: 18 − 9 no longer gives c×x away.
    expect(at('c', 'x').suppressed).toBe(true);
    expect(at('b', 'x').suppressed).toBe(true);
    expect(t.columnTotals[0].count).toBe(18);
    expect(t.total.count).toBe(24);
    // Row c's total (2) is hidden, and b's with it (the row totals add up to 24); a's share is of its total.
    expect(t.rowTotals[t.rows.options.findIndex((o) => o.id === 'c')].suppressed).toBe(true);
    expect(t.rowTotals[t.rows.options.findIndex((o) => o.id === 'b')].suppressed).toBe(true);
    expect(at('b', 'y').percent).toBeNull();
    expect(at('a', 'x').percent).toBe(60);

    const bad = await call(`/surveys/${slug}/crosstab?x=pick&y=pick`, { headers: { cookie } });
    expect(bad.status).toBe(400);
    const text = await call(`/surveys/${slug}/crosstab?x=pick&y=story`, { headers: { cookie } });
    expect(text.status).toBe(400);
    const refused = await call(`/surveys/${slug}/crosstab?x=pick&y=many&q=pick&a=c`, { headers: { cookie } });
    expect(refused.status).toBe(422);
  });

  it('by a matrix row', async () => {
    const { slug, cookie } = await surveyWith(times(6, { pick: 'a' }));
    const res = await call(`/surveys/${slug}/crosstab?x=grid/r1&y=pick`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const t = (await res.json()) as results.CrossTab;
    expect(t.rows.title).toBe('Grid – Row 1');
    expect(t.total.count).toBe(6);
  });
});

describe('the results summary', () => {
  it('reads the same figures from the running totals as from counting the answers', async () => {
    const { slug, survey, cookie } = await surveyWith([...times(8, { pick: 'a' }), ...times(6, { pick: 'b', many: ['y'] })]);
    const fromTallies = (await view(slug, cookie, '')).body;
    const fromAnswers = results.summarise(await (await import('../../worker/surveys/service')).definitionOf(db(), survey.id, 1), await results.rawCounts(db(), survey.id), {
      slug,
      status: fromTallies.survey.status,
      version: 1,
      minGroupSize: 5,
      network: fromTallies.network,
      lang: 'en'
    });
    expect(fromTallies.questions).toEqual(fromAnswers.questions);
  });

  it('gives the same figures through a filter that covers everyone as from the running totals, for every question type', async () => {
    const { slug, cookie } = await surveyWith([...times(8, { pick: 'a' }), ...times(6, { pick: 'b', many: ['x', 'y'] }), ...times(5, { pick: 'c', many: ['y'] })]);
    const all = (await view(slug, cookie, '')).body;
    const everyone = await view(slug, cookie, 'language=en');
    expect(everyone.status).toBe(200);
    expect(everyone.body.responses).toEqual(all.responses);
    expect(everyone.body.questions).toEqual(all.questions);
  });
});
