import { describe, expect, it } from 'vitest';
import { detectPersonalData, segments, suggestRedaction, ukPhoneDigits, type PersonalKind } from '../../schema/personal-data';

/** The detected stretches of a text as [kind, words]. */
const found = (text: string): [PersonalKind, string][] => detectPersonalData(text).map((s) => [s.kind, text.slice(s.start, s.end)]);
const kinds = (text: string, kind: PersonalKind) => found(text).filter(([k]) => k === kind).map(([, w]) => w);

describe('phone numbers', () => {
  it.each([
    ['07700 900123', '07700900123'],
    ['07700900123', '07700900123'],
    ['07700-900-123', '07700900123'],
    ['0121 496 0000', '01214960000'],
    ['0121-496-0000', '01214960000'],
    ['(0121) 496 0000', '01214960000'],
    ['020 7946 0000', '02079460000'],
    ['0800 123 4567', '08001234567'],
    ['01632 960123', '01632960123'],
    ['+44 7700 900123', '07700900123'],
    ['+447700900123', '07700900123'],
    ['+44 (0)121 496 0000', '01214960000'],
    ['+44(0)7700 900123', '07700900123'],
    ['+44 20 7946 0000', '02079460000'],
    ['0044 7700 900123', '07700900123']
  ])('finds %s in a sentence', (number, national) => {
    const text = `You can ring me on ${number}, any time.`;
    expect(kinds(text, 'phone')).toEqual([number]);
    expect(ukPhoneDigits(number)).toBe(national);
  });

  it('finds a number at the very start and end of an answer, and two in one answer', () => {
    expect(kinds('07700 900123', 'phone')).toEqual(['07700 900123']);
    expect(kinds('Ring 07700 900123 or 0121 496 0000', 'phone')).toEqual(['07700 900123', '0121 496 0000']);
  });

  it.each([
    'It was back in 2019 and 2020.',
    'We paid £1000000 for it.',
    'On 01/02/2020 at 10:30.',
    'Reference 123456789012345 on the letter.',
    'Counted 0 1 2 3 4.',
    'A 06 number 0612345678 is not British.',
    'Order 07700900123456 was late.',
    'ISBN 9780140449136.'
  ])('does not take %s for a phone number', (text) => {
    expect(kinds(text, 'phone')).toEqual([]);
  });
});

describe('emails', () => {
  it('finds addresses, not the full stop after them', () => {
    expect(kinds('Email jo.bloggs+care@example.org.', 'email')).toEqual(['jo.bloggs+care@example.org']);
    expect(kinds("Write to o'neill@mail.example.co.uk or SAM@EXAMPLE.ORG", 'email')).toEqual(["o'neill@mail.example.co.uk", 'SAM@EXAMPLE.ORG']);
  });

  it('wins over a name inside it', () => {
    expect(found('Contact John.Smith@example.org today')).toEqual([['email', 'John.Smith@example.org']]);
  });

  it('ignores an @ that is not an address', () => {
    expect(kinds('Meet @ the hall, 2 @ £5', 'email')).toEqual([]);
  });
});

describe('postcodes', () => {
  it.each(['B15 2TT', 'B152TT', 'b15 2tt', 'SW1A 1AA', 'M1 1AE', 'CR2 6XH', 'DN55 1PT', 'EC1A 1BB', 'W1A 0AX'])('finds %s', (pc) => {
    expect(kinds(`We live near ${pc} these days.`, 'postcode')).toEqual([pc]);
  });

  it.each(['The M6 1st junction', 'since ww2 1st time', 'Q1 2AB is not a postcode area', 'B15', 'route 66 2nd left'])('does not take "%s" for a postcode', (text) => {
    expect(kinds(text, 'postcode')).toEqual([]);
  });
});

describe('street addresses', () => {
  it.each([
    ['I live at 12 Oak Road now', '12 Oak Road'],
    ['Send it to 3a Wood End Lane', '3a Wood End Lane'],
    ['We were at Flat 3, 14 St Paul’s Square', 'Flat 3, 14 St Paul’s Square'],
    ['She lived at 221 Baker Street.', '221 Baker Street.'],
    ['try 7 Church Rd', '7 Church Rd'],
    ['at 40 Holly road', '40 Holly road']
  ])('finds the address in "%s"', (text, address) => {
    expect(kinds(text, 'address')).toEqual([address]);
  });

  it.each(['I waited 5 minutes down the road', 'We spent 2 weeks in the park', 'Broad Street was closed', '3 Hours Lane'.toLowerCase()])('does not take "%s" for an address', (text) => {
    expect(kinds(text, 'address')).toEqual([]);
  });

  it('marks the street, not its words as names', () => {
    expect(found('Come to 12 Oak Road, Selly Oak')).toEqual([['address', '12 Oak Road']]);
  });
});

describe('names', () => {
  it.each([
    ['my husband John', 'John'],
    ['My wife, Mary, was ill', 'Mary'],
    ['her late mum Pat Smith died', 'Pat Smith'],
    ['our son Jack', 'Jack'],
    ['My best friend Aisha came', 'Aisha'],
    ['my nan Doreen', 'Doreen'],
    ['my partner Sam', 'Sam'],
    ['my dad Ravi', 'Ravi'],
    ['our daughter, Amira', 'Amira'],
    ['his social worker Kev', 'Kev']
  ])('after a relation: "%s"', (text, name) => {
    expect(kinds(text, 'name')).toEqual([name]);
  });

  it.each([
    ['Dr Patel was kind', 'Patel'],
    ['Mrs Smith-Jones visited', 'Smith-Jones'],
    ['Ask Mr. O’Brien', 'O’Brien'],
    ['Sister Mary sat with us', 'Mary'],
    ['Ms Okafor and Prof Lee', 'Okafor'],
    ['a nurse called Bev', 'Bev'],
    ['a chaplain named Tariq', 'Tariq'],
    ['Her name was Iris.', 'Iris'],
    ['He is known as Big Al', 'Big Al']
  ])('after a title or "called": "%s"', (text, name) => {
    expect(kinds(text, 'name')[0]).toBe(name);
  });

  it('keeps the title and replaces the name', () => {
    expect(suggestRedaction('Dr Patel and Mrs Smith helped')).toBe('Dr [name] and Mrs [name] helped');
  });

  it('finds capitalised words inside a sentence, including names from many places', () => {
    expect(kinds('We were helped by Zoë, Łukasz McDonald and Siobhán.', 'name')).toEqual(['Zoë', 'Łukasz McDonald', 'Siobhán']);
    expect(kinds('When Sarah came round it helped', 'name')).toEqual(['Sarah']);
    expect(kinds('Sarah Jones helped us', 'name')).toEqual(['Sarah Jones']);
  });

  it('marks a name everywhere once it is marked somewhere, even starting a sentence', () => {
    expect(suggestRedaction('My husband John died. John loved the garden.')).toBe('My husband [name] died. [name] loved the garden.');
  });

  it('does not mark the first word of a sentence on its own (a deliberate trade-off)', () => {
    expect(kinds('Sarah helped a lot.', 'name')).toEqual([]);
    expect(kinds('Thank you. Everyone was kind. The nurse sat with us.', 'name')).toEqual([]);
  });

  it('does not mark places, organisations, days, faiths or family words', () => {
    for (const text of [
      'We went to the Hall of Memory in Birmingham on Monday.',
      'Support from Age UK, Marie Curie and Sue Ryder, and the Macmillan nurse.',
      'Staff at Queen Elizabeth Hospital and St Mary’s Hospice were kind.',
      'The Gurdwara in Handsworth and the Church of England helped.',
      'When Mum died at Christmas we prayed to God in Urdu and English.',
      'It was in May, during Covid, on Zoom.',
      'My cousin works for Birmingham City Council.',
      'Go to Selly Oak or Kings Heath.'
    ])
      expect(kinds(text, 'name'), text).toEqual([]);
  });

  it('skips the capitalised-word rule for Title Case answers, but not the other rules', () => {
    expect(found('More Time To Talk About What Happened')).toEqual([]);
    expect(kinds('Help For Families Like My Wife Mary And Me', 'name')).toEqual([]);
    expect(kinds('MORE HELP FOR CARERS', 'name')).toEqual([]);
    expect(kinds('Better Support After The Funeral For Mrs Khan', 'name')).toEqual(['Khan']);
  });

  it('does not take "I", contractions or acronyms for names', () => {
    expect(found("I'm sure I'd have liked the NHS and the GP to call, and A&E was busy.")).toEqual([]);
  });

  it('marks a possessive name without its "’s"', () => {
    expect(suggestRedaction('We sat in Doreen’s garden with Auntie')).toBe('We sat in [name]’s garden with Auntie');
  });

  it('ignores lower-case names (a known limit, stated in the module)', () => {
    expect(kinds('my husband john died', 'name')).toEqual([]);
  });
});

describe('suggested redaction', () => {
  it('replaces every kind with its placeholder', () => {
    const text = 'My husband Derek lived at 12 Oak Road, B15 2TT. Ring 07700 900123 or email derek@example.org.';
    expect(suggestRedaction(text)).toBe('My husband [name] lived at [address]. Ring [phone] or email [email].');
  });

  it('leaves text with nothing found as it is, and finds nothing new in its own output', () => {
    const plain = 'More time to talk about what happened.';
    expect(suggestRedaction(plain)).toBe(plain);
    const once = suggestRedaction('Call Mrs Patel on 0121 496 0000 at 4 Elm Grove');
    expect(once).toBe('Call Mrs [name] on [phone] at [address]');
    expect(suggestRedaction(once)).toBe(once);
    expect(detectPersonalData(once)).toEqual([]);
  });

  it('keeps line breaks and everything between details', () => {
    expect(suggestRedaction('Thanks to Dr Ali.\n\nAnd to my friend Jo!')).toBe('Thanks to Dr [name].\n\nAnd to my friend [name]!');
  });
});

describe('segments', () => {
  it('cut the text into plain and highlighted pieces that join up to the text exactly', () => {
    const text = 'Ring <b>Mrs Patel</b> on 07700 900123 & say "hi"';
    const parts = segments(text);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.kind)).toEqual([
      { text: 'Patel', kind: 'name' },
      { text: '07700 900123', kind: 'phone' }
    ]);
  });

  it('give one plain piece for text with nothing found, and none for empty text', () => {
    expect(segments('Being asked, not told.')).toEqual([{ text: 'Being asked, not told.', kind: null }]);
    expect(segments('')).toEqual([]);
  });

  it('never overlap, whatever the text', () => {
    const samples = [
      'Mr John Smith, 12 Oak Road, B15 2TT, 07700 900123, john@example.org',
      'Dr Dr Dr Smith Smith',
      '+44 (0)121 496 0000 0121 496 0000',
      'called Called called X',
      '😀 Zoë 😀 my mum Ayşe 😀'
    ];
    for (const text of samples) {
      const spans = detectPersonalData(text);
      spans.forEach((s, i) => {
        expect(s.end).toBeGreaterThan(s.start);
        if (i) expect(s.start).toBeGreaterThanOrEqual(spans[i - 1].end);
      });
      expect(segments(text, spans).map((p) => p.text).join('')).toBe(text);
    }
  });
});
