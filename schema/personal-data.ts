/**
 * Finding likely personal details in what respondents wrote, so an editor reviewing free
 * text sees them highlighted and gets a suggested redaction. Pure and shared (no I/O).
 *
 * This is a helper for a person, not a filter: every answer is still read by an editor
 * before anyone else sees it. So the rules lean towards highlighting too much (a place
 * marked as a possible name costs the editor a glance) rather than too little, but not so
 * much that the marks stop meaning anything. What it deliberately does not try:
 *
 * - Names written in lower case ("my husband john") or in scripts without capitals
 *   (Urdu, Bengali, Punjabi): telling them from ordinary words needs a dictionary per
 *   language. Names after "my husband", "called", "Mrs" and so on must be capitalised.
 * - A name that starts a sentence ("Sarah helped us") is only caught when the same word
 *   is marked elsewhere in the answer, or a rule below (title, relation, "called") sees
 *   it: flagging every sentence's first word would mark nearly every answer.
 * - Answers in Title Case or capitals ("More Time To Talk") skip the capitalised-word rule,
 *   which would otherwise mark every word.
 * - Street names without a house number ("on Broad Street") are places, not addresses;
 *   outward postcodes alone ("B15") cover thousands of people. Neither is marked.
 * - Emails written out ("jo at example dot org") are not recognised.
 *
 * The capitalised-word rule is where the trade-off bites. Any capitalised word inside a
 * sentence that is not on a short list of places, organisations, days, faiths and family
 * words is marked, so an unlisted place ("Bearwood") or charity shows up as a possible
 * name: a false positive costs a glance, a missed name could identify a grieving family.
 * The other way round, a name that is also a listed word ("May", "Christian", "Aston") is
 * missed by that rule, and a run of capitalised words containing a place word ("Queen
 * Elizabeth Hospital", "St Anne's") is taken as a place. The list is kept short on purpose.
 */

/** What a highlighted stretch of text probably is. */
export type PersonalKind = 'name' | 'phone' | 'email' | 'address' | 'postcode';

/** A stretch of `text.slice(start, end)` that is probably personal. */
export type PersonalSpan = { start: number; end: number; kind: PersonalKind };

/** A piece of an answer as shown: plain, or highlighted as a kind of personal detail. */
export type Segment = { text: string; kind: PersonalKind | null };

/** What each kind is replaced with in a suggested redaction. */
export const PLACEHOLDERS: Record<PersonalKind, string> = {
  name: '[name]',
  phone: '[phone]',
  email: '[email]',
  address: '[address]',
  postcode: '[address]'
};

/** How each kind is described to the editor. */
export const KIND_LABELS: Record<PersonalKind, string> = {
  name: 'possible name',
  phone: 'phone number',
  email: 'email address',
  address: 'street address',
  postcode: 'postcode'
};

// ---------------------------------------------------------------------------------------
// Emails, phone numbers, postcodes, street addresses: patterns with few false positives.

const EMAIL = /(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/**
 * UK phone numbers: +44 or 0044 (with an optional "(0)"), or a national number starting
 * 0, or an area code in brackets; digits may be grouped with single spaces or hyphens.
 * Candidates are then checked by their digits (see `ukPhoneDigits`), so "0 1 2" or a
 * 14-digit reference number does not pass.
 */
const PHONE =
  /(?<![\p{L}\p{N}+])(?:(?:\+|00)44[\s-]?(?:\(0\)[\s-]?)?\d(?:[\s-]?\d){8,9}|\(0\d{2,4}\)[\s-]?\d(?:[\s-]?\d){5,7}|0\d(?:[\s-]?\d){8,9})(?![\p{L}\p{N}])/gu;

/** The national form (0…) of a candidate phone number if it is a plausible UK number, else null. */
export function ukPhoneDigits(candidate: string): string | null {
  const c = candidate.trim();
  let digits = c.replace(/\D/g, '');
  if (c.startsWith('+44') || c.startsWith('0044')) {
    digits = digits.slice(c.startsWith('+') ? 2 : 4);
    // "+44 (0)121 …" keeps its 0; "+44 121 …" gets one.
    if (!digits.startsWith('0')) digits = `0${digits}`;
  }
  // 01/02 geographic, 03 non-geographic, 05 corporate, 07 mobile, 08 free and special, 09 premium.
  return /^0[1235789]\d{8,9}$/.test(digits) ? digits : null;
}

/** Full UK postcodes ("B15 2TT", "b152tt", "SW1A 1AA"): outward code, optional space, inward code. */
const POSTCODE = /(?<![\p{L}\p{N}])(?:GIR ?0AA|[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRVWXY\d]?) ?\d[ABD-HJLNP-UW-Z]{2})(?![\p{L}\p{N}])/giu;

const STREET_TYPES = [
  'Road', 'Rd', 'Street', 'St', 'Avenue', 'Ave', 'Lane', 'Ln', 'Close', 'Drive', 'Dr', 'Way', 'Crescent', 'Grove', 'Place',
  'Court', 'Ct', 'Gardens', 'Gdns', 'Terrace', 'Hill', 'Row', 'Walk', 'Mews', 'Square', 'Park', 'View', 'Rise', 'Green',
  'Parade', 'Vale', 'Gate', 'Croft', 'Mount', 'Chase', 'Wharf', 'Villas', 'Cottages', 'Meadow', 'Fields', 'End'
];
const STREET_TYPE = STREET_TYPES.map((s) => `[${s[0]}${s[0].toLowerCase()}]${s.slice(1)}`).join('|');

/**
 * A house number and a capitalised street name ending in a street type: "12 Oak Road",
 * "Flat 3, 14a St Paul's Square", "7 Wood End Lane". Lower-case street names are not
 * matched: "5 minutes down the road" must not be an address.
 */
const ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:[Ff]lat|[Aa]partment|[Uu]nit)\\s+\\d{1,4}[A-Za-z]?,?\\s+)?\\d{1,4}[A-Za-z]?,?\\s+(?:\\p{Lu}[\\p{L}'’-]*\\s+){1,3}(?:${STREET_TYPE})(?![\\p{L}\\p{N}])\\.?`,
  'gu'
);

// ---------------------------------------------------------------------------------------
// Names: capitalised words in places where a person's name is likely.

/**
 * One capitalised word of a name: "Jo", "McDonald", "O'Brien", "Smith-Jones", "Zoë". Not
 * "I", "I'm", "NHS" or "GP". A possessive stays outside it ("Doreen’s" → "Doreen").
 */
const NAME_WORD = /(?<![\p{L}\p{N}'’])(?:\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:[-'’]\p{Lu}\p{Ll}+)*|\p{Lu}['’]\p{Lu}\p{Ll}+)(?![\p{L}\p{N}])/gu;

/** Words joining the parts of one proper noun: "Hall of Memory", "Church of England", "John and Mary". */
const CONNECTORS = new Set(['of', 'the', 'and', '&', 'de', 'da', 'van', 'von', 'bin', 'al', 'el', 'le', 'la', 'du']);

/** Titles: the word after one is a name; the title itself is kept ("Dr [name]"). */
const TITLES = ['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Doctor', 'Prof', 'Professor', 'Rev', 'Revd', 'Reverend', 'Fr', 'Father', 'Sister', 'Nurse', 'Imam', 'Rabbi', 'Pastor', 'Canon', 'Sir', 'Dame', 'Lady', 'Lord', 'Uncle', 'Auntie', 'Aunty', 'Aunt'];
const TITLE = new RegExp(`(?<![\\p{L}])(?:${TITLES.join('|')})\\.?\\s+(?=\\p{Lu})`, 'gu');

/** People someone might name: "my husband John", "our daughter, Amira", "her late mum Pat". */
const RELATIONS = [
  'husband', 'wife', 'partner', 'spouse', 'mum', 'mom', 'mam', 'mummy', 'mother', 'dad', 'daddy', 'father', 'son', 'daughter',
  'child', 'baby', 'boy', 'girl', 'friend', 'brother', 'sister', 'sibling', 'twin', 'nan', 'nana', 'nanna', 'nanny', 'gran',
  'granny', 'grandma', 'grandmother', 'grandad', 'granddad', 'grandpa', 'grandfather', 'grandson', 'granddaughter', 'aunt',
  'auntie', 'aunty', 'uncle', 'cousin', 'nephew', 'niece', 'neighbour', 'neighbor', 'carer', 'boyfriend', 'girlfriend',
  'fiancée', 'fiancee', 'fiancé', 'fiance', 'stepmum', 'stepdad', 'stepson', 'stepdaughter', 'colleague', 'boss', 'manager',
  'doctor', 'nurse', 'vicar', 'imam', 'priest', 'pastor', 'rabbi', 'social worker', 'key worker', 'support worker'
];
const RELATION = new RegExp(
  `(?<![\\p{L}])(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir|[Yy]our)\\s+(?:(?:late|dear|beloved|darling|lovely|best|little|big|older|younger|eldest|youngest|oldest|baby|step|ex|only|twin)[\\s-]+)*(?:${RELATIONS.join('|')})s?\\s*,?\\s+(?=\\p{Lu})`,
  'gu'
);

/** Words that introduce a name: "a nurse called Bev", "named Tariq", "her name was Iris". */
const INTRODUCED = /(?<![\p{L}])(?:called|named|name is|name was|name's|known as|know as)\s+(?=\p{Lu})/gu;

/**
 * Capitalised words that are not names: places and organisations around a Compassionate
 * City, days, months, faiths, languages and peoples, family words used as names ("when Mum
 * died"), titles. Kept short on purpose: anything not here is marked for a human to judge.
 * Compared in lower case.
 */
const NOT_NAMES = new Set(
  [
    // places
    'birmingham', 'solihull', 'sandwell', 'coventry', 'wolverhampton', 'walsall', 'dudley', 'west', 'midlands', 'england', 'britain',
    'scotland', 'wales', 'ireland', 'london', 'manchester', 'edgbaston', 'handsworth', 'aston', 'erdington', 'digbeth', 'ladywood',
    'hockley', 'northfield', 'moseley', 'sparkbrook', 'sparkhill', 'balsall', 'heath', 'selly', 'oak', 'bournville', 'kings',
    'coldfield', 'harborne', 'acocks', 'yardley', 'lozells', 'nechells', 'bordesley',
    'heartlands', 'europe', 'pakistan', 'india', 'bangladesh', 'jamaica', 'poland', 'somalia', 'nigeria', 'kashmir',
    // organisations and services
    'macmillan', 'curie', 'cruse', 'samaritans', 'ryder', 'acorns', 'age', 'mind', 'nhs', 'council', 'city', 'network',
    'compassionate', 'communities', 'charter', 'hospice', 'hospital', 'facebook', 'whatsapp', 'zoom', 'google', 'instagram',
    'covid', 'coronavirus', 'lockdown', 'christmas', 'easter', 'ramadan', 'eid', 'diwali', 'vaisakhi', 'hanukkah', 'passover',
    'remembrance', 'memory', 'library', 'jobcentre', 'universal', 'credit', 'hmp', 'dying', 'matters', 'awareness', 'week',
    // days and months
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
    'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
    // faiths, beliefs, languages, peoples
    'god', 'lord', 'jesus', 'christ', 'allah', 'buddha', 'bible', 'quran', 'koran', 'christian', 'christians', 'muslim',
    'muslims', 'sikh', 'sikhs', 'hindu', 'hindus', 'jewish', 'jew', 'jews', 'buddhist', 'catholic', 'anglican', 'methodist',
    'baptist', 'pentecostal', 'orthodox', 'islam', 'islamic', 'humanist', 'english', 'british', 'welsh', 'scottish', 'irish',
    'polish', 'urdu', 'punjabi', 'bengali', 'somali', 'arabic', 'caribbean', 'african', 'asian', 'pakistani', 'indian',
    'bangladeshi', 'chinese', 'black', 'white', 'mixed', 'gypsy', 'roma', 'traveller', 'travellers', 'deaf', 'bsl',
    // family words used as names, and titles
    'mum', 'mom', 'mam', 'mummy', 'dad', 'daddy', 'nan', 'nana', 'nanna', 'nanny', 'gran', 'granny', 'grandma', 'grandad',
    'granddad', 'grandpa', 'mother', 'father', 'auntie', 'aunty', 'uncle', 'sister', 'brother',
    ...TITLES.map((t) => t.toLowerCase())
  ]
);

/** Known names of organisations and places whose words on their own could be names. */
const NOT_NAME_PHRASES = ['marie curie', 'sue ryder', 'age uk', 'selly oak', 'kings heath', 'small heath', 'sutton coldfield', 'perry barr', 'acocks green', 'balsall heath', 'winson green', 'key hill', 'dying matters'];

/** A word in a run of capitalised words that makes the whole run a place or an organisation: "Queen Elizabeth Hospital", "St Anne's". */
const PLACE_WORDS = new Set([
  'hospital', 'hospice', 'church', 'chapel', 'cathedral', 'mosque', 'masjid', 'temple', 'gurdwara', 'mandir', 'synagogue',
  'centre', 'center', 'council', 'trust', 'surgery', 'practice', 'clinic', 'school', 'college', 'university', 'academy',
  'nursery', 'cemetery', 'crematorium', 'library', 'museum', 'hall', 'house', 'home', 'homes', 'court', 'lodge', 'ward', 'unit',
  'foundation', 'society', 'association', 'charity', 'group', 'network', 'service', 'services', 'support', 'care', 'team',
  'bereavement', 'partnership', 'project', 'club', 'cafe', 'café', 'park', 'gardens', 'road', 'street', 'lane', 'avenue',
  'square', 'station', 'market', 'st', 'saint', 'ltd', 'limited', 'plc', 'company', 'bank', 'prison', 'shelter', 'hostel'
]);

/** Common words that start sentences; a sentence-initial one of these is never part of a name. */
const SENTENCE_STARTERS = new Set([
  'a', 'an', 'the', 'i', 'we', 'you', 'he', 'she', 'it', 'they', 'my', 'our', 'your', 'his', 'her', 'their', 'this', 'that',
  'these', 'those', 'there', 'here', 'then', 'when', 'while', 'what', 'where', 'who', 'why', 'how', 'which', 'if', 'but',
  'and', 'or', 'so', 'because', 'after', 'before', 'since', 'also', 'just', 'please', 'thank', 'thanks', 'yes', 'no', 'not',
  'more', 'less', 'some', 'someone', 'somebody', 'everyone', 'everybody', 'nobody', 'nothing', 'all', 'many', 'most', 'one',
  'being', 'having', 'help', 'support', 'even', 'only', 'maybe', 'perhaps', 'sometimes', 'often', 'never', 'always', 'every',
  'each', 'both', 'being', 'getting', 'having', 'knowing', 'talking', 'at', 'in', 'on', 'to', 'for', 'with', 'without', 'as',
  'by', 'from', 'of', 'about', 'over', 'during', 'until', 'though', 'although', 'really', 'very', 'lots', 'better', 'good',
  'great', 'sadly', 'unfortunately', 'hopefully', 'now', 'today', 'last', 'next', 'other', 'another', 'people', 'having'
]);

/** A word as the word lists hold it. A name word never includes a possessive "'s" (see NAME_WORD). */
const base = (word: string) => word.toLowerCase();

/** Whether `index` starts a sentence: the text's start, or after . ! ? … : or a line break (quotes, brackets and bullets in between). */
function sentenceStart(text: string, index: number): boolean {
  let i = index - 1;
  while (i >= 0 && /[\s"'“”‘’([\-–—•*]/u.test(text[i])) {
    if (text[i] === '\n') return true;
    i--;
  }
  return i < 0 || /[.!?…:]/u.test(text[i]);
}

type Word = { start: number; end: number; text: string; initial: boolean };

/** Runs of capitalised words that belong together: separated by one space, or by a connector ("Hall of Memory"). */
function runsOf(text: string): Word[][] {
  const words: Word[] = [...text.matchAll(NAME_WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0], initial: sentenceStart(text, m.index) }));
  const runs: Word[][] = [];
  for (const w of words) {
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    const gap = prev ? text.slice(prev.end, w.start) : null;
    const joined = gap !== null && /^[ \t]+(?:[\p{Ll}&]+[ \t]+)*$/u.test(gap) && gap.trim().split(/[ \t]+/).every((g) => g === '' || CONNECTORS.has(g));
    if (joined) run.push(w);
    else runs.push([w]);
  }
  return runs;
}

/** Whether a run of capitalised words names a place or an organisation rather than a person. */
function isPlace(text: string, run: Word[]): boolean {
  const phrase = text.slice(run[0].start, run[run.length - 1].end).toLowerCase();
  if (NOT_NAME_PHRASES.some((p) => phrase.includes(p))) return true;
  if (run.some((w) => PLACE_WORDS.has(base(w.text)))) return true;
  // Followed by an acronym: "Age UK", "Acorns CIC", "Birmingham NHS Trust".
  return /^[ \t]+\p{Lu}{2,}(?![\p{L}])/u.test(text.slice(run[run.length - 1].end));
}

/** Whether most words are capitalised (Title Case or capitals), where capitals say nothing about names. */
function mostlyCapitalised(text: string): boolean {
  const words = text.match(/\p{L}+/gu) ?? [];
  if (words.length < 4) return false;
  return words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length > 0.6;
}

/**
 * The words of a run that may be names: not known places, days, faiths or family words, and
 * not a common word starting a sentence ("When Sarah came" keeps "Sarah").
 * `introduced`: a title, relation or "called" stands before the run, so a sentence-initial
 * first word counts as a name too.
 */
function nameWords(run: Word[], introduced: boolean): Word[] {
  return run.filter((w, i) => {
    const b = base(w.text);
    if (NOT_NAMES.has(b)) return false;
    if (w.initial && !(introduced && i === 0) && SENTENCE_STARTERS.has(b)) return false;
    return true;
  });
}

function nameSpans(text: string): PersonalSpan[] {
  const runs = runsOf(text);
  const marked = new Set<Word>();
  /** The run a word starting at `index` is in, from that word on. */
  const runFrom = (index: number) => {
    for (const run of runs) {
      const i = run.findIndex((w) => w.start === index);
      if (i >= 0) return run.slice(i);
    }
    return null;
  };
  // Capitalised words right after a title, a relation or "called" are names wherever they stand.
  for (const pattern of [TITLE, RELATION, INTRODUCED])
    for (const m of text.matchAll(pattern)) {
      const run = runFrom(m.index + m[0].length);
      if (!run || isPlace(text, run)) continue;
      // The name and a surname straight after it, not a whole "Sarah and the Macmillan team".
      const [first, second] = nameWords(run.slice(0, 2), true);
      if (first) marked.add(first);
      if (first && second && /^[ \t]+$/.test(text.slice(first.end, second.start))) marked.add(second);
    }
  // Capitalised words inside a sentence that are not known places, organisations or common words.
  if (!mostlyCapitalised(text))
    for (const run of runs) {
      if (isPlace(text, run)) continue;
      const words = nameWords(run, false);
      // A run standing only at the start of a sentence ("Sarah helped") is not marked on its own.
      if (!words.some((w) => !w.initial)) continue;
      for (const w of words) marked.add(w);
    }
  // A word marked once is marked everywhere in the answer ("my husband John … John loved it").
  const names = new Set([...marked].map((w) => w.text));
  for (const run of runs) for (const w of run) if (names.has(w.text) && !isPlace(text, run)) marked.add(w);

  // Adjacent marked words of one run become one span ("John Smith").
  const spans: PersonalSpan[] = [];
  for (const w of [...marked].sort((a, b) => a.start - b.start)) {
    const last = spans[spans.length - 1];
    if (last && /^[ \t]+$/.test(text.slice(last.end, w.start))) last.end = w.end;
    else spans.push({ start: w.start, end: w.end, kind: 'name' });
  }
  return spans;
}

// ---------------------------------------------------------------------------------------

const PRIORITY: Record<PersonalKind, number> = { email: 5, phone: 4, address: 3, postcode: 2, name: 1 };

/**
 * Likely personal details in a piece of text, in order, never overlapping. Where two rules
 * claim the same characters the stronger one wins (an email over a name in it, an address
 * over its street's capitalised words).
 */
export function detectPersonalData(text: string): PersonalSpan[] {
  const found: PersonalSpan[] = [];
  const add = (re: RegExp, kind: PersonalKind, keep: (match: string) => boolean = () => true) => {
    for (const m of text.matchAll(re)) if (keep(m[0])) found.push({ start: m.index, end: m.index + m[0].length, kind });
  };
  add(EMAIL, 'email');
  add(PHONE, 'phone', (m) => ukPhoneDigits(m) !== null);
  // "1st", "2nd" after a road number are not postcodes ("the M6 1st junction").
  add(POSTCODE, 'postcode', (m) => !/\d(?:st|nd|rd|th)$/i.test(m));
  add(ADDRESS, 'address');
  found.push(...nameSpans(text));
  found.sort((a, b) => PRIORITY[b.kind] - PRIORITY[a.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: PersonalSpan[] = [];
  for (const s of found) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  return kept.sort((a, b) => a.start - b.start);
}

/** The text cut into plain and highlighted pieces, in order, for rendering as data (never as HTML). */
export function segments(text: string, spans: readonly PersonalSpan[] = detectPersonalData(text)): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.end > text.length || s.end <= s.start) continue;
    if (s.start > at) out.push({ text: text.slice(at, s.start), kind: null });
    out.push({ text: text.slice(s.start, s.end), kind: s.kind });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), kind: null });
  return out;
}

/**
 * The text with every detected detail replaced by its placeholder: "[name]", "[phone]",
 * "[email]", "[address]". Details of the same kind next to each other become one ("12 Oak
 * Road, B15 2TT" → "[address]").
 */
export function suggestRedaction(text: string, spans: readonly PersonalSpan[] = detectPersonalData(text)): string {
  let out = '';
  let at = 0;
  let last: string | null = null;
  for (const s of spans) {
    if (s.start < at) continue;
    const gap = text.slice(at, s.start);
    const placeholder = PLACEHOLDERS[s.kind];
    if (last === placeholder && /^[\s,]*$/.test(gap) && !gap.includes('\n')) {
      at = s.end;
      continue;
    }
    out += gap + placeholder;
    last = placeholder;
    at = s.end;
  }
  return out + text.slice(at);
}
