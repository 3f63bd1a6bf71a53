import { describe, expect, it } from 'vitest';
import { definitionJsonSchema, parseDefinition } from '../../schema/survey-definition';
import { templates } from '../../schema/templates/index';
import { everyType } from '../fixtures/definitions';

// A deep, freely mutable copy of the fixture: the corpus below breaks it in one place at a time.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Mutable = any;
const clone = (): Mutable => structuredClone(everyType);

function problemsOf(input: unknown) {
  const result = parseDefinition(input);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems;
}

describe('valid definitions', () => {
  it('offers five templates with distinct slugs', () => {
    expect(templates).toHaveLength(5);
    expect(new Set(templates.map((t) => t.slug)).size).toBe(5);
  });

  it.each(templates.map((t) => [t.slug, t.definition] as const))('template %s passes parseDefinition', (_slug, definition) => {
    const result = parseDefinition(definition);
    if (!result.ok) expect.fail(JSON.stringify(result.problems, null, 2));
    expect(result.ok).toBe(true);
    // Also after the JSON round-trip a definition goes through when it is stored and loaded.
    expect(parseDefinition(JSON.parse(JSON.stringify(definition))).ok).toBe(true);
  });

  it.each(templates.map((t) => [t.slug, t.definition] as const))('template %s has 10-25 answerable questions', (_slug, definition) => {
    const answerable = definition.pages.flatMap((p) => p.questions).filter((q) => q.type !== 'info');
    expect(answerable.length).toBeGreaterThanOrEqual(10);
    expect(answerable.length).toBeLessThanOrEqual(25);
  });

  it('accepts the everyType fixture and returns it unchanged', () => {
    const result = parseDefinition(clone());
    if (!result.ok) expect.fail(JSON.stringify(result.problems, null, 2));
    expect(result.definition).toEqual(everyType);
  });

  it('accepts translation maps in the listed languages', () => {
    const d = clone();
    d.languages = ['en', 'ur'];
    d.title = { en: 'Every type', ur: 'ہر قسم' };
    d.pages[0].questions[0].title = { en: 'Pick one' };
    expect(parseDefinition(d).ok).toBe(true);
  });

  it('publishes a JSON Schema that describes pages', () => {
    const schema = definitionJsonSchema();
    expect(typeof schema).toBe('object');
    expect(schema).not.toBeNull();
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.type).toBe('object');
    const properties = schema.properties as Record<string, { type?: string }>;
    expect(properties).toHaveProperty('pages');
    expect(properties.pages.type).toBe('array');
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'title', 'pages']));
    // It must survive serialisation, since it is published as a file.
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});

type BrokenCase = { name: string; mutate: (d: Mutable) => void; path: string; message: RegExp };

const broken: BrokenCase[] = [
  {
    name: 'duplicate question id on the same page',
    mutate: (d) => (d.pages[0].questions[2].id = 'pick'),
    path: 'pages.0.questions.2.id',
    message: /"pick" is used twice/
  },
  {
    name: 'duplicate question id across pages',
    mutate: (d) => (d.pages[1].questions[2].id = 'score'),
    path: 'pages.1.questions.2.id',
    message: /question id "score" is used twice/
  },
  {
    name: 'duplicate option id',
    mutate: (d) => (d.pages[0].questions[2].options[1].id = 'x'),
    path: 'pages.0.questions.2.options.1.id',
    message: /option id "x" is used twice/
  },
  {
    name: 'reserved option id "other"',
    mutate: (d) => (d.pages[0].questions[2].options[0].id = 'other'),
    path: 'pages.0.questions.2.options.0.id',
    message: /"other" is reserved/
  },
  {
    name: 'reserved point id "prefer_not_to_say"',
    mutate: (d) => (d.pages[0].questions[3].points[3].id = 'prefer_not_to_say'),
    path: 'pages.0.questions.3.points.3.id',
    message: /"prefer_not_to_say" is reserved/
  },
  {
    name: 'empty page',
    mutate: (d) => (d.pages[1].questions = []),
    path: 'pages.1.questions',
    message: /at least one question/
  },
  {
    name: 'no pages',
    mutate: (d) => (d.pages = []),
    path: 'pages',
    message: /at least one page/
  },
  {
    name: 'duplicate page id',
    mutate: (d) => (d.pages[1].id = 'one'),
    path: 'pages.1.id',
    message: /page id "one" is used twice/
  },
  {
    name: 'condition pointing at a later question',
    mutate: (d) => (d.pages[0].questions[1].show_if = { question: 'ok', in: ['yes'] }),
    path: 'pages.0.questions.1.show_if.question',
    message: /"ok", which is not an earlier question/
  },
  {
    name: 'condition pointing at an unknown question',
    mutate: (d) => (d.pages[1].questions[2].show_if = { any: [{ question: 'pick', in: ['a'] }, { question: 'ghost', in: ['a'] }] }),
    path: 'pages.1.questions.2.show_if.any.1.question',
    message: /"ghost", which is not an earlier question/
  },
  {
    name: 'condition naming an option the target does not have',
    mutate: (d) => (d.pages[0].questions[1].show_if = { question: 'pick', in: ['b', 'zzz'] }),
    path: 'pages.0.questions.1.show_if.in.1',
    message: /"zzz" is not an option of "pick"/
  },
  {
    name: 'condition naming "other" on a question without an other option',
    mutate: (d) => (d.pages[1].questions[0].show_if = { question: 'many', in: ['other'] }),
    path: 'pages.1.questions.0.show_if.in.0',
    message: /"other" is not an option of "many"/
  },
  {
    name: 'condition on a text question',
    mutate: (d) => (d.pages[1].questions[0].show_if = { all: [{ question: 'pick', in: ['a'] }, { not: { question: 'why_b', in: ['x'] } }] }),
    path: 'pages.1.questions.0.show_if.all.1.not.question',
    message: /"why_b", a text question, which conditions cannot test/
  },
  {
    name: 'self-referencing condition',
    mutate: (d) => (d.pages[0].questions[0].show_if = { question: 'pick', in: ['a'] }),
    path: 'pages.0.questions.0.show_if.question',
    message: /"pick", which is not an earlier question/
  },
  {
    name: 'condition with an empty "in" list',
    mutate: (d) => (d.pages[0].questions[1].show_if = { question: 'pick', in: [] }),
    path: 'pages.0.questions.1.show_if.in',
    message: /at least one option/
  },
  {
    name: 'bad characters in a question id',
    mutate: (d) => (d.pages[0].questions[2].id = 'Bad Id'),
    path: 'pages.0.questions.2.id',
    message: /may contain only a-z, 0-9/
  },
  {
    name: 'bad characters in a page id',
    mutate: (d) => (d.pages[1].id = 'page.two'),
    path: 'pages.1.id',
    message: /may contain only a-z, 0-9/
  },
  {
    name: 'format 2',
    mutate: (d) => (d.format = 2),
    path: 'format',
    message: /must be 1/
  },
  {
    name: 'format as a string',
    mutate: (d) => (d.format = '1'),
    path: 'format',
    message: /must be 1/
  },
  {
    name: 'unknown question type',
    mutate: (d) => (d.pages[0].questions[4].type = 'slider'),
    path: 'pages.0.questions.4.type',
    message: /discriminator|single/
  },
  {
    name: 'unknown extra property on a question',
    mutate: (d) => (d.pages[0].questions[0].colour = 'red'),
    path: 'pages.0.questions.0',
    message: /Unrecognized key.*colour/
  },
  {
    name: 'unknown extra property on an option',
    mutate: (d) => (d.pages[0].questions[0].options[0].score = 1),
    path: 'pages.0.questions.0.options.0',
    message: /Unrecognized key.*score/
  },
  {
    name: 'unknown extra property at the top level',
    mutate: (d) => (d.theme = 'dark'),
    path: '(root)',
    message: /Unrecognized key.*theme/
  },
  {
    name: 'translation map missing the default language (survey title)',
    mutate: (d) => {
      d.languages = ['en', 'ur'];
      d.title = { ur: 'ہر قسم' };
    },
    path: 'title',
    message: /default language "en"/
  },
  {
    name: 'translation map missing the default language (option label)',
    mutate: (d) => {
      d.languages = ['en', 'ur'];
      d.pages[0].questions[0].options[1].label = { ur: 'ب' };
    },
    path: 'pages.0.questions.0.options.1.label',
    message: /default language "en"/
  },
  {
    name: 'translation in a language not listed',
    mutate: (d) => {
      d.languages = ['en', 'ur'];
      d.pages[0].questions[0].title = { en: 'Pick one', fr: 'Choisissez' };
    },
    path: 'pages.0.questions.0.title.fr',
    message: /"fr" is not in the survey's languages/
  },
  {
    name: 'translation when no languages are listed (default is en only)',
    mutate: (d) => (d.pages[0].title = { en: 'One', cy: 'Un' }),
    path: 'pages.0.title.cy',
    message: /"cy" is not in the survey's languages/
  },
  {
    name: 'multi with min > max',
    mutate: (d) => (d.pages[0].questions[2].min = 3),
    path: 'pages.0.questions.2.min',
    message: /more than max/
  },
  {
    name: 'multi with max > number of options',
    mutate: (d) => (d.pages[0].questions[2].max = 4),
    path: 'pages.0.questions.2.max',
    message: /more than the number of options/
  },
  {
    name: 'multi min > number of options (no max)',
    mutate: (d) => {
      delete d.pages[0].questions[2].max;
      d.pages[0].questions[2].min = 4;
    },
    path: 'pages.0.questions.2.min',
    message: /more than the number of options/
  },
  {
    name: 'ranking max > number of options',
    mutate: (d) => (d.pages[1].questions[1].max = 4),
    path: 'pages.1.questions.1.max',
    message: /more than the number of options/
  },
  {
    name: 'number min > max',
    mutate: (d) => {
      d.pages[1].questions[4].min = 50;
      d.pages[1].questions[4].max = 10;
    },
    path: 'pages.1.questions.4.min',
    message: /more than max/
  },
  {
    name: 'date min after max',
    mutate: (d) => (d.pages[1].questions[5].max = '1999-12-31'),
    path: 'pages.1.questions.5.min',
    message: /after max/
  },
  {
    name: 'impossible date as a bound',
    mutate: (d) => (d.pages[1].questions[5].min = '2023-02-30'),
    path: 'pages.1.questions.5.min',
    message: /date/i
  },
  {
    name: 'matrix duplicate row id',
    mutate: (d) => (d.pages[1].questions[0].rows[1].id = 'r1'),
    path: 'pages.1.questions.0.rows.1.id',
    message: /row id "r1" is used twice/
  },
  {
    name: 'single with one option',
    mutate: (d) => (d.pages[0].questions[0].options = [{ id: 'a', label: 'A' }]),
    path: 'pages.0.questions.0.options',
    message: /at least two options/
  },
  {
    name: 'scale with one point',
    mutate: (d) => (d.pages[0].questions[3].points = [{ id: 'sd', label: 'Strongly disagree' }]),
    path: 'pages.0.questions.3.points',
    message: /at least two points/
  },
  {
    name: 'blank question title',
    mutate: (d) => (d.pages[1].questions[2].title = '   '),
    path: 'pages.1.questions.2.title',
    message: /must not be empty/
  },
  {
    name: 'text max_length above the limit',
    mutate: (d) => (d.pages[0].questions[1].max_length = 1001),
    path: 'pages.0.questions.1.max_length',
    message: /1000/
  },
  {
    name: 'bad language code',
    mutate: (d) => (d.languages = ['en', 'Urdu']),
    path: 'languages.1',
    message: /not a language code/
  }
];

describe('broken definitions', () => {
  it('has a corpus of at least 15 cases with distinct names', () => {
    expect(broken.length).toBeGreaterThanOrEqual(15);
    expect(new Set(broken.map((c) => c.name)).size).toBe(broken.length);
  });

  it.each(broken.map((c) => [c.name, c] as const))('rejects: %s', (_name, c) => {
    const d = clone();
    c.mutate(d);
    const problems = problemsOf(d);
    const match = problems.find((p) => p.path === c.path && c.message.test(p.message));
    if (!match) expect.fail(`expected a problem at ${c.path} matching ${c.message}, got ${JSON.stringify(problems, null, 2)}`);
    // The mutation is on a clone: the shared fixture stays valid.
    expect(parseDefinition(everyType).ok).toBe(true);
  });

  it('rejects input that is not an object at all', () => {
    for (const input of [null, 'survey', 42, []]) expect(problemsOf(input).length).toBeGreaterThan(0);
  });

  it('reports two reference problems in one pass', () => {
    const d = clone();
    d.pages[1].questions[1].id = 'grid';
    d.pages[0].questions[1].show_if = { question: 'pick', in: ['nope'] };
    const problems = problemsOf(d);
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: 'pages.1.questions.1.id', message: expect.stringMatching(/"grid" is used twice/) },
        { path: 'pages.0.questions.1.show_if.in.0', message: expect.stringMatching(/"nope" is not an option/) }
      ])
    );
  });

  it('reports two structural problems in one pass', () => {
    const d = clone();
    d.format = 3;
    d.pages[1].questions[3].type = 'essay';
    const paths = problemsOf(d).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['format', 'pages.1.questions.3.type']));
  });

  it('reports a structural and a reference problem together', () => {
    const d = clone();
    d.pages[0].questions[2].id = 'Bad Id';
    d.pages[1].questions[0].rows[1].id = 'r1';
    const paths = problemsOf(d).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['pages.0.questions.2.id', 'pages.1.questions.0.rows.1.id']));
  });
});

// Every translatable string must have text in the default language, and only in listed
// languages; the check should not depend on which field the text is in.
const translatableFields: { name: string; set: (d: Mutable, text: Record<string, string>) => void; path: string }[] = [
  { name: 'question title', set: (d, t) => (d.pages[1].questions[2].title = t), path: 'pages.1.questions.2.title' },
  { name: 'page intro', set: (d, t) => (d.pages[1].intro = t), path: 'pages.1.intro' },
  { name: 'question help', set: (d, t) => (d.pages[1].questions[2].help = t), path: 'pages.1.questions.2.help' },
  { name: 'consent statement', set: (d, t) => (d.pages[1].questions[6].statement = t), path: 'pages.1.questions.6.statement' },
  { name: 'info body', set: (d, t) => (d.pages[1].questions[7].body = t), path: 'pages.1.questions.7.body' },
  { name: 'matrix row label', set: (d, t) => (d.pages[1].questions[0].rows[0].label = t), path: 'pages.1.questions.0.rows.0.label' },
  { name: 'rating end label', set: (d, t) => (d.pages[0].questions[4].min_label = t), path: 'pages.0.questions.4.min_label' },
  { name: '"other" label', set: (d, t) => (d.pages[0].questions[0].other = t), path: 'pages.0.questions.0.other' },
  { name: 'number unit', set: (d, t) => (d.pages[1].questions[4].unit = t), path: 'pages.1.questions.4.unit' },
  {
    name: 'signpost name',
    set: (d, t) => (d.signposting = { contacts: [{ name: t, phone: '116 123' }] }),
    path: 'signposting.contacts.0.name'
  }
];

describe('translations are checked in every translatable field', () => {
  it.each(translatableFields.map((f) => [f.name, f] as const))('%s: missing default language', (_name, f) => {
    const d = clone();
    d.languages = ['en', 'ur'];
    f.set(d, { ur: 'اردو' });
    expect(problemsOf(d)).toContainEqual({ path: f.path, message: expect.stringMatching(/default language "en"/) });
  });

  it.each(translatableFields.map((f) => [f.name, f] as const))('%s: language not listed', (_name, f) => {
    const d = clone();
    d.languages = ['en', 'ur'];
    f.set(d, { en: 'English', fr: 'Français' });
    expect(problemsOf(d)).toContainEqual({ path: `${f.path}.fr`, message: expect.stringMatching(/"fr" is not in the survey's languages/) });
  });
});
