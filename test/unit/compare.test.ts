import { describe, expect, it } from 'vitest';
import { addLanguage, addPage, addQuestion, applySettings, changeType, locate, moveQuestion, movePage, removeQuestion, replaceQuestion, settingsOf } from '../../schema/builder';
import { compareVersions, type AnswerCounts, type Change } from '../../schema/compare';
import { parseDefinition, type Question, type SurveyDefinition } from '../../schema/survey-definition';
import { everyType } from '../fixtures/definitions';

const fixture = (): SurveyDefinition => structuredClone(everyType) as SurveyDefinition;
const none: AnswerCounts = () => 0;

/** Answer counts from `question|row|option` keys. */
const counts =
  (map: Record<string, number>): AnswerCounts =>
  (question, row, option) =>
    map[`${question}|${row}|${option}`] ?? 0;

/** Compare, checking the draft is a valid definition and neither input is changed. */
function compare(live: SurveyDefinition, draft: SurveyDefinition, answered: AnswerCounts = none, earlier: { version: number; definition: SurveyDefinition }[] = []): Change[] {
  const result = parseDefinition(draft);
  if (!result.ok) expect.fail(JSON.stringify(result.problems, null, 2));
  const [liveBefore, draftBefore] = [structuredClone(live), structuredClone(draft)];
  const changes = compareVersions(live, draft, answered, earlier);
  expect(live).toEqual(liveBefore);
  expect(draft).toEqual(draftBefore);
  return changes;
}

/** The fixture with one question changed in place. */
function edited(id: string, change: (q: Record<string, unknown>) => void, def = fixture()): SurveyDefinition {
  const q = structuredClone(locate(def, id).question) as Record<string, unknown>;
  change(q);
  return replaceQuestion(def, id, q as Question);
}

const change = (question: string | null, title: string, message: string, breaking = false): Change => ({ question, title, message, breaking });

describe('compareVersions: no change', () => {
  it('finds nothing between identical versions', () => {
    expect(compare(fixture(), fixture())).toEqual([]);
    expect(compare(fixture(), fixture(), () => 100)).toEqual([]);
  });

  it('finds nothing when only the form of a text changes (a plain string and the same text as a map)', () => {
    const draft = edited('pick', (q) => (q.title = { en: 'Pick one' }));
    expect(compare(fixture(), draft)).toEqual([change(null, '', 'Other details changed (help text, limits or translations).')]);
  });
});

describe('compareVersions: questions removed or changed in type', () => {
  it('lists a removed question nobody answered', () => {
    const draft = removeQuestion(fixture(), 'score').definition;
    expect(compare(fixture(), draft)).toEqual([change('score', 'Score', 'Removed (nobody has answered it yet).')]);
  });

  it('flags a removed question with answers as breaking', () => {
    const draft = removeQuestion(fixture(), 'score').definition;
    expect(compare(fixture(), draft, counts({ 'score||*': 12 }))).toEqual([
      change('score', 'Score', 'Removed. 12 people have answered it; their answers are kept (the download of every response still has them), but the results follow the live version, so it leaves them, and new responses will not have it.', true)
    ]);
    expect(compare(fixture(), draft, counts({ 'score||*': 1 }))).toEqual([
      change('score', 'Score', 'Removed. 1 person has answered it; their answers are kept (the download of every response still has them), but the results follow the live version, so it leaves them, and new responses will not have it.', true)
    ]);
    expect(compare(fixture(), draft, counts({ 'score||*': 1234 }))[0].message).toMatch(/^Removed\. 1,234 people have answered it;/);
  });

  it('counts the people who answered a matrix by its rows', () => {
    const draft = removeQuestion(fixture(), 'grid').definition;
    expect(compare(fixture(), draft, counts({ 'grid|r1|*': 3, 'grid|r2|*': 5 }))).toEqual([
      change('grid', 'Grid', 'Removed. 5 people have answered it; their answers are kept (the download of every response still has them), but the results follow the live version, so it leaves them, and new responses will not have it.', true)
    ]);
  });

  it('never flags removed information as breaking', () => {
    const draft = removeQuestion(fixture(), 'note').definition;
    expect(compare(fixture(), draft, () => 9)).toEqual([change('note', 'Thanks', 'Removed (nobody has answered it yet).')]);
  });

  it('lists a removed page with its questions', () => {
    const live = addPage(fixture(), { title: 'Extra' }).definition;
    const withQuestion = addQuestion(live, { page: 2, type: 'text', title: 'Extra question' }).definition;
    const draft = fixture();
    expect(compare(withQuestion, draft, counts({ 'extra_question||*': 2 }))).toEqual([
      change('extra_question', 'Extra question', 'Removed. 2 people have answered it; their answers are kept (the download of every response still has them), but the results follow the live version, so it leaves them, and new responses will not have it.', true),
      change('extra_intro', 'Replace this with an introduction to the page, or add questions and remove it.', 'Removed (nobody has answered it yet).'),
      change(null, '', 'Pages changed (order, titles or introductions).')
    ]);
  });

  it('flags a change of type with answers as breaking', () => {
    const draft = replaceQuestion(fixture(), 'story', changeType(locate(fixture(), 'story').question, 'text'));
    expect(compare(fixture(), draft)).toEqual([change('story', 'Tell us', 'Changed from long text to text.')]);
    expect(compare(fixture(), draft, counts({ 'story||*': 7 }))).toEqual([
      change('story', 'Tell us', 'Changed from long text to text: the 7 answers given so far cannot be compared with new ones.', true)
    ]);
    expect(compare(fixture(), draft, counts({ 'story||*': 1 }))[0].message).toBe('Changed from long text to text: the 1 answer given so far cannot be compared with new ones.');
  });

  it('reports only the change of type, not the lists that came with it', () => {
    const draft = replaceQuestion(fixture(), 'agree', changeType(locate(fixture(), 'agree').question, 'single'));
    expect(compare(fixture(), draft, counts({ 'agree||*': 3 }))).toEqual([
      change('agree', 'Agree?', 'Changed from scale to single: the 3 answers given so far cannot be compared with new ones.', true)
    ]);
  });

  it('lists an added question', () => {
    const { definition } = addQuestion(fixture(), { page: 0, type: 'text', title: 'New one' });
    expect(compare(fixture(), definition, () => 5)).toEqual([change('new_one', 'New one', 'Added.')]);
  });
});

describe('compareVersions: options, rows and points', () => {
  const withoutC = () => edited('pick', (q) => (q.options = (q.options as { id: string }[]).filter((o) => o.id !== 'c')));

  it('lists a removed option nobody chose, and flags one people chose', () => {
    expect(compare(fixture(), withoutC())).toEqual([change('pick', 'Pick one', 'Choice “C” removed.')]);
    expect(compare(fixture(), withoutC(), counts({ 'pick||c': 4, 'pick||*': 10 }))).toEqual([change('pick', 'Pick one', 'Choice “C” removed: 4 people chose it.', true)]);
    expect(compare(fixture(), withoutC(), counts({ 'pick||c': 1 }))[0].message).toBe('Choice “C” removed: 1 person chose it.');
    // Answers to other options do not make it breaking.
    expect(compare(fixture(), withoutC(), counts({ 'pick||a': 4, 'pick||*': 4 }))[0].breaking).toBe(false);
  });

  it('flags a removed ranking option people ranked', () => {
    const draft = edited('order', (q) => {
      q.options = (q.options as { id: string }[]).slice(0, 2);
    });
    expect(compare(fixture(), draft, counts({ 'order||r': 2 }))).toEqual([change('order', 'Order', 'Choice “R” removed: 2 people chose it.', true)]);
  });

  it('lists reworded and added options', () => {
    const draft = edited('many', (q) => {
      q.options = [{ id: 'x', label: 'Ex' }, { id: 'y', label: 'Y' }, { id: 'none', label: 'None', exclusive: true }, { id: 'z', label: 'Zed' }];
    });
    expect(compare(fixture(), draft, () => 3)).toEqual([change('many', 'Pick any', 'Choice “X” reworded to “Ex”.'), change('many', 'Pick any', 'Choice “Zed” added.')]);
  });

  it('lists and flags removed, reworded and added statements', () => {
    const draft = edited('grid', (q) => {
      q.rows = [{ id: 'r1', label: 'First row' }, { id: 'r3', label: 'Row 3' }];
    });
    expect(compare(fixture(), draft)).toEqual([
      change('grid', 'Grid', 'Statement “Row 1” reworded to “First row”.'),
      change('grid', 'Grid', 'Statement “Row 2” removed.'),
      change('grid', 'Grid', 'Statement “Row 3” added.')
    ]);
    expect(compare(fixture(), draft, counts({ 'grid|r1|*': 5, 'grid|r2|*': 4 }))).toEqual([
      change('grid', 'Grid', 'Statement “Row 2” removed: 4 people chose it.', true),
      change('grid', 'Grid', 'Statement “Row 1” reworded to “First row”.'),
      change('grid', 'Grid', 'Statement “Row 3” added.')
    ]);
  });

  it('flags a change in the number of scale points once people have answered', () => {
    const draft = edited('agree', (q) => {
      q.points = (q.points as unknown[]).slice(0, 3);
    });
    const message =
      'The scale’s points changed (from “Strongly disagree”, “Disagree”, “Agree”, “Strongly agree” to “Strongly disagree”, “Disagree”, “Agree”). Points are scored in order, so averages before and after cannot be compared.';
    expect(compare(fixture(), draft)).toEqual([change('agree', 'Agree?', message)]);
    expect(compare(fixture(), draft, counts({ 'agree||*': 6 }))).toEqual([change('agree', 'Agree?', message, true)]);
  });

  it('flags added points and reordered points', () => {
    const added = edited('agree', (q) => {
      q.points = [...(q.points as unknown[]), { id: 'vsa', label: 'Very strongly agree' }];
    });
    expect(compare(fixture(), added, counts({ 'agree||*': 1 }))).toMatchObject([{ question: 'agree', breaking: true, message: expect.stringMatching(/^The scale’s points changed/) }]);
    const reordered = edited('agree', (q) => {
      q.points = [...(q.points as unknown[])].reverse();
    });
    expect(compare(fixture(), reordered, counts({ 'agree||*': 1 }))).toMatchObject([{ question: 'agree', breaking: true, message: expect.stringMatching(/^The scale’s points changed/) }]);
    const matrix = edited('grid', (q) => {
      q.points = [{ id: 'hi', label: 'High' }, { id: 'lo', label: 'Low' }];
    });
    expect(compare(fixture(), matrix, counts({ 'grid|r1|*': 2 }))).toEqual([
      change('grid', 'Grid', 'The scale’s points changed (from “Low”, “High” to “High”, “Low”). Points are scored in order, so averages before and after cannot be compared.', true)
    ]);
  });

  it('flags a point replaced by another in the same place', () => {
    const draft = edited('agree', (q) => {
      q.points = [{ id: 'sd', label: 'Strongly disagree' }, { id: 'd', label: 'Disagree' }, { id: 'ta', label: 'Tend to agree' }, { id: 'sa', label: 'Strongly agree' }];
    });
    expect(compare(fixture(), draft, counts({ 'agree||*': 2 }))).toEqual([
      change(
        'agree',
        'Agree?',
        'The scale’s points changed (from “Strongly disagree”, “Disagree”, “Agree”, “Strongly agree” to “Strongly disagree”, “Disagree”, “Tend to agree”, “Strongly agree”). Points are scored in order, so averages before and after cannot be compared.',
        true
      )
    ]);
  });

  it('lists reworded points without flagging them', () => {
    const draft = edited('agree', (q) => {
      q.points = [{ id: 'sd', label: 'Strongly disagree' }, { id: 'd', label: 'Tend to disagree' }, { id: 'ag', label: 'Tend to agree' }, { id: 'sa', label: 'Strongly agree' }];
    });
    expect(compare(fixture(), draft, () => 50)).toEqual([
      change('agree', 'Agree?', 'Point “Disagree” reworded to “Tend to disagree”.'),
      change('agree', 'Agree?', 'Point “Agree” reworded to “Tend to agree”.')
    ]);
  });
});

describe('compareVersions: "other" and "prefer not to say"', () => {
  it('flags removing "other" after people chose it', () => {
    const draft = edited('pick', (q) => delete q.other);
    expect(compare(fixture(), draft)).toEqual([change('pick', 'Pick one', '“Other” removed.')]);
    expect(compare(fixture(), draft, counts({ 'pick||other': 2, 'pick||*': 9 }))).toEqual([change('pick', 'Pick one', '“Other” removed: 2 people chose it.', true)]);
  });

  it('flags removing "prefer not to say" after people chose it', () => {
    const draft = edited('pick', (q) => delete q.prefer_not_to_say);
    expect(compare(fixture(), draft, counts({ 'pick||*': 9 }))).toEqual([change('pick', 'Pick one', '“Prefer not to say” removed.')]);
    expect(compare(fixture(), draft, counts({ 'pick||prefer_not_to_say': 1 }))).toEqual([change('pick', 'Pick one', '“Prefer not to say” removed: 1 person chose it.', true)]);
    const scale = edited('agree', (q) => delete q.prefer_not_to_say);
    expect(compare(fixture(), scale, counts({ 'agree||prefer_not_to_say': 3 }))).toEqual([change('agree', 'Agree?', '“Prefer not to say” removed: 3 people chose it.', true)]);
  });

  it('flags removing "prefer not to say" from a matrix after people chose it for a row', () => {
    const live = edited('grid', (q) => (q.prefer_not_to_say = true));
    const draft = fixture();
    expect(compare(live, draft, counts({ 'grid|r1|*': 6 }))).toEqual([change('grid', 'Grid', '“Prefer not to say” removed.')]);
    expect(compare(live, draft, counts({ 'grid|r1|*': 6, 'grid|r2|prefer_not_to_say': 2 }))).toEqual([change('grid', 'Grid', '“Prefer not to say” removed: 2 people chose it.', true)]);
  });

  it('lists them when added', () => {
    const live = edited('many', (q) => q);
    const draft = edited('many', (q) => {
      q.other = 'Something else';
      q.prefer_not_to_say = true;
    });
    expect(compare(live, draft, () => 4)).toEqual([change('many', 'Pick any', '“Other” added.'), change('many', 'Pick any', '“Prefer not to say” added.')]);
  });
});

describe('compareVersions: wording, required and conditions', () => {
  it('lists a reworded question', () => {
    const draft = edited('pick', (q) => (q.title = 'Choose one'));
    expect(compare(fixture(), draft, () => 8)).toEqual([change('pick', 'Choose one', 'Reworded, from “Pick one”. Check the meaning is unchanged, or earlier answers cannot be compared fairly.')]);
  });

  it('lists reworded information', () => {
    const draft = edited('note', (q) => (q.body = 'Thank you'));
    expect(compare(fixture(), draft)).toEqual([change('note', 'Thank you', 'Reworded, from “Thanks”. Check the meaning is unchanged, or earlier answers cannot be compared fairly.')]);
  });

  it('lists required changes', () => {
    expect(compare(fixture(), edited('pick', (q) => delete q.required), () => 3)).toEqual([change('pick', 'Pick one', 'No longer required.')]);
    expect(compare(fixture(), edited('ok', (q) => (q.required = true)), () => 3)).toEqual([change('ok', 'OK?', 'Now required.')]);
  });

  it('lists condition changes', () => {
    expect(compare(fixture(), edited('why_b', (q) => delete q.show_if), () => 3)).toEqual([change('why_b', 'Why B?', 'Now asked of everyone.')]);
    expect(compare(fixture(), edited('why_b', (q) => (q.show_if = { question: 'pick', in: ['b', 'c'] })), () => 3)).toEqual([
      change('why_b', 'Why B?', 'Its condition changed: different people will be asked it.')
    ]);
    expect(compare(fixture(), edited('ok', (q) => (q.show_if = { question: 'score', in: ['9', '10'] })), () => 3)).toEqual([
      change('ok', 'OK?', 'Now asked only when its condition holds.')
    ]);
  });

  it('does not call a condition changed when only its shape is (one clause in "all", options in another order)', () => {
    const wrapped = edited('why_b', (q) => (q.show_if = { all: [{ question: 'pick', in: ['b'] }] }));
    expect(compare(fixture(), wrapped, () => 3).filter((c) => c.question === 'why_b')).toEqual([]);
    const live = edited('why_b', (q) => (q.show_if = { question: 'pick', in: ['b', 'c'] }));
    const reordered = edited('why_b', (q) => (q.show_if = { question: 'pick', in: ['c', 'b'] }));
    expect(compare(live, reordered, () => 3).filter((c) => c.question === 'why_b')).toEqual([]);
  });

  it('flags a question added under the id an earlier version used for another kind of question, and notes one added back', () => {
    const v1 = fixture();
    const live = removeQuestion(fixture(), 'story').definition;
    const sameKind = fixture();
    const otherKind = replaceQuestion(fixture(), 'story', { id: 'story', type: 'yes_no', title: 'A story?' });
    expect(compare(live, sameKind, none, [{ version: 1, definition: v1 }]).filter((c) => c.question === 'story')).toEqual([
      change('story', 'Tell us', 'Added back: its answers from version 1 are counted together with new ones.')
    ]);
    expect(compare(live, otherKind, none, [{ version: 1, definition: v1 }]).filter((c) => c.question === 'story')).toEqual([
      change('story', 'A story?', 'Added with the id of a long text question of version 1 (“Tell us”): its answers would be counted as this one’s. Add it as a new question instead.', true)
    ]);
  });

  it('sums up changes it does not list one by one', () => {
    expect(compare(fixture(), edited('count', (q) => (q.max = 50)), () => 3)).toEqual([change(null, '', 'Other details changed (help text, limits or translations).')]);
    expect(compare(fixture(), edited('pick', (q) => (q.help = 'Just one')))).toEqual([change(null, '', 'Other details changed (help text, limits or translations).')]);
  });
});

describe('compareVersions: the survey as a whole', () => {
  it('lists languages added and removed', () => {
    const welsh = addLanguage(fixture(), 'cy');
    expect(compare(fixture(), welsh)).toEqual([change(null, '', 'Now offered in cy.')]);
    expect(compare(welsh, fixture())).toEqual([change(null, '', 'No longer offered in cy.')]);
  });

  it('lists settings changes', () => {
    const live = fixture();
    const s = settingsOf(live);
    const draft = applySettings(live, {
      ...s,
      title: 'New title',
      intro: 'Hello',
      content_note: 'Careful',
      thank_you: 'Thank you',
      sensitivity: 'sensitive',
      contacts: [{ name: 'Samaritans', description: '', phone: '116 123', url: '' }]
    });
    expect(compare(live, draft)).toEqual([
      change(null, '', 'Sensitivity changed to sensitive.'),
      change(null, '', 'Title changed to “New title”.'),
      change(null, '', 'Introduction changed.'),
      change(null, '', 'Content note changed.'),
      change(null, '', 'Thank-you text changed.'),
      change(null, '', 'Support contacts changed.')
    ]);
    expect(compare(draft, live)).toEqual([
      change(null, '', 'Sensitivity changed to standard.'),
      change(null, '', 'Title changed to “Every type”.'),
      change(null, '', 'Introduction changed.'),
      change(null, '', 'Content note changed.'),
      change(null, '', 'Thank-you text changed.'),
      change(null, '', 'Support contacts changed.')
    ]);
  });

  it('lists pages moved, added or retitled', () => {
    expect(compare(fixture(), movePage(fixture(), 0, 'down'))).toEqual([change(null, '', 'Pages changed (order, titles or introductions).')]);
    const retitled = fixture();
    retitled.pages[1].title = 'Second';
    expect(compare(fixture(), retitled)).toEqual([change(null, '', 'Pages changed (order, titles or introductions).')]);
    const { definition } = addPage(fixture(), { title: 'More' });
    expect(compare(fixture(), definition)).toEqual([
      change('more_intro', 'Replace this with an introduction to the page, or add questions and remove it.', 'Added.'),
      change(null, '', 'Pages changed (order, titles or introductions).')
    ]);
  });

  it('lists questions reordered on the same pages', () => {
    expect(compare(fixture(), moveQuestion(fixture(), 'many', 'down'))).toEqual([change(null, '', 'Questions reordered.')]);
    expect(compare(fixture(), moveQuestion(fixture(), 'score', 'down'))).toEqual([change(null, '', 'Questions reordered.')]);
  });

  it('does not call an added or removed question a reordering', () => {
    expect(compare(fixture(), removeQuestion(fixture(), 'many').definition)).toEqual([change('many', 'Pick any', 'Removed (nobody has answered it yet).')]);
    expect(compare(fixture(), addQuestion(fixture(), { page: 0, type: 'text', title: 'Extra', after: 'pick' }).definition)).toEqual([change('extra', 'Extra', 'Added.')]);
  });

  it('still lists a reordering alongside an added question', () => {
    const moved = moveQuestion(fixture(), 'many', 'down');
    const draft = addQuestion(moved, { page: 1, type: 'text', title: 'Extra' }).definition;
    expect(compare(fixture(), draft)).toEqual([change('extra', 'Extra', 'Added.'), change(null, '', 'Questions reordered.')]);
  });

  it('puts breaking changes first, keeping the order otherwise', () => {
    let draft = removeQuestion(fixture(), 'score').definition;
    draft = edited('pick', (q) => (q.title = 'Choose one'), draft);
    draft = edited('order', (q) => (q.options = (q.options as unknown[]).slice(0, 2)), draft);
    draft = applySettings(draft, { ...settingsOf(draft), title: 'Renamed' });
    const changes = compare(fixture(), draft, counts({ 'score||*': 4, 'order||r': 1 }));
    expect(changes).toEqual([
      change('score', 'Score', 'Removed. 4 people have answered it; their answers are kept (the download of every response still has them), but the results follow the live version, so it leaves them, and new responses will not have it.', true),
      change('order', 'Order', 'Choice “R” removed: 1 person chose it.', true),
      change('pick', 'Choose one', 'Reworded, from “Pick one”. Check the meaning is unchanged, or earlier answers cannot be compared fairly.'),
      change(null, '', 'Title changed to “Renamed”.')
    ]);
  });

  it('reads the texts in the draft’s default language', () => {
    const live = addLanguage(fixture(), 'cy');
    live.title = { en: 'Every type', cy: 'Pob math' };
    const draft = structuredClone(live);
    draft.title = { en: 'Every type', cy: 'Pob un' };
    expect(compare(live, draft)).toEqual([change(null, '', 'Other details changed (help text, limits or translations).')]);
    const pick = locate(draft, 'pick').question;
    pick.title = { en: 'Choose', cy: 'Dewis' };
    expect(compare(live, draft)).toEqual([change('pick', 'Choose', 'Reworded, from “Pick one”. Check the meaning is unchanged, or earlier answers cannot be compared fairly.')]);
  });
});
