/**
 * The Ambitions for Palliative and End of Life Care self-assessment: the template (six
 * ambitions, their building blocks and numbered items, and the level descriptors 0-5) as
 * typed data, and the roll-up each ambition's summary table shows. Pure: shared by the
 * Worker, the pages and the tests. Wording follows a completed self-assessment published
 * by an NHS integrated care board (a freedom-of-information response).
 *
 * How the roll-up is computed (worked out from the document's own figures):
 *
 * - The denominator is every item of the ambition, scored or not. Ambition 1 has 19 items
 *   and 17 with a level: the document shows 10.5% / 5.3% / 15.8% / 52.6% / 5.3% / 0.0%,
 *   i.e. 2, 1, 3, 10, 1, 0 out of 19, which add up to 89.5%, not 100%. Ambition 4 likewise:
 *   21 levels over 23 items. Unscored items count in the denominator and at no level.
 * - A line that only introduces the items under it is not an item: 1.6.1 ("a strategy …
 *   including:") has no level and is not in ambition 1's 19; 4.1.2 ("EPaCCS information is
 *   being shared with the following services:") is not counted, its ten services are.
 * - Each share is rounded to one decimal place (halves up, as a spreadsheet does).
 * - "% at level 3 & above" is the sum of the *rounded* shares of levels 3, 4 and 5, not the
 *   rounded share of the items at 3 or above: for ambition 4 the document shows 65.1%
 *   (39.1 + 21.7 + 4.3), where 15 of 23 would be 65.2%.
 *
 * The document has two summary tables. The later, detailed one (beside the item-by-item
 * levels, without the level-3-and-above column) matches the items exactly. The earlier one
 * (with that column) differs only for ambition 1: 36.8% at level 3 and 21.1% at level 4
 * (7 and 4 of 19), an earlier scoring of three items; its 57.9% at level 3 or above is the
 * same either way (11 of 19).
 */

/** The levels an item can be given. */
export const LEVELS = [0, 1, 2, 3, 4, 5] as const;
export type Level = (typeof LEVELS)[number];

/** What each level means for a locality (the document's "Level Locality Level Descriptor"). */
export const LEVEL_DESCRIPTORS: Record<Level, string> = {
  0: 'Not at all ready to achieve / anticipate barriers to achievement',
  1: 'Desire to achieve this ambition but there are currently no plans in place',
  2: 'Plans are in place towards achieving this ambition',
  3: 'Limited achievement across one or two organisations only',
  4: 'Partially achieving e.g. across most, but not all care settings',
  5: 'Fully achieving e.g. across all care settings, with supporting evidence available'
};

export type Item = {
  /** As numbered in the document (the services under 4.1.2, not numbered there, are 4.1.2a to 4.1.2j). */
  code: string;
  text: string;
  /** Words that introduce this item and the ones after it with the same lead-in (not an item themselves). */
  leadIn?: string;
};
export type BuildingBlock = { code: string; title: string; items: Item[] };
export type Ambition = { number: 1 | 2 | 3 | 4 | 5 | 6; title: string; statement: string; blocks: BuildingBlock[] };

const PALLIATIVE_PCSP =
  'The locality has a recognised approach for personalised care and support planning for palliative care that is recognised and accepted across care settings for:';
const END_OF_LIFE_PCSP =
  'The locality has a recognised approach to personalised care and support planning for care at the end of life (the last days and hours of life) that is recognised and accepted across care settings for:';
const STRATEGY_161 =
  '1.6.1 The locality has a strategy to reduce traditional barriers between care providers and provide seamless transfers of care including:';
const DISTRESS = 'The locality have accessible & responsive services to address the following:';
const EPACCS = '4.1.2 EPaCCS information is being shared with the following services (in this assessment: ReSPECT Plus, not EPaCCS):';
const EVERYONE = 'Local end of life strategy is inclusive of approaches to the following groups:';

export const AMBITIONS: readonly Ambition[] = [
  {
    number: 1,
    title: 'Each person is seen as an individual',
    statement:
      'I, and the people important to me, have opportunities to have honest, informed and timely conversations and to know that I might die soon. I am asked what matters most to me. Those who care for me know that and work with me to do what’s possible.',
    blocks: [
      {
        code: '1.1',
        title: 'Honest conversations',
        items: [
          { code: '1.1.1', text: 'Children and Young People', leadIn: PALLIATIVE_PCSP },
          { code: '1.1.2', text: 'Adults', leadIn: PALLIATIVE_PCSP },
          { code: '1.1.3', text: 'Children and Young People', leadIn: END_OF_LIFE_PCSP },
          { code: '1.1.4', text: 'Adults', leadIn: END_OF_LIFE_PCSP },
          { code: '1.1.5', text: 'The locality records and communicates decisions around Cardio-Pulmonary Resuscitation that is consistent across all care settings' },
          {
            code: '1.1.6',
            text: 'The locality has a training strategy for developing communication skills which covers all health and social care staff and includes skills in meaningful PCSP conversations'
          },
          {
            code: '1.1.7',
            text: 'The locality can evidence the number of staff accessing communication skills at core, intermediate and advanced level by staff group and or grade'
          }
        ]
      },
      {
        code: '1.2',
        title: 'Systems for person centred care',
        items: [
          {
            code: '1.2.1',
            text: 'The locality is utilising validated tools (e.g. IPOS) to measure patient outcomes against an individual’s personally defined goals and these are consistent across all settings'
          },
          { code: '1.2.2', text: 'The locality has in place an agreed approach to early identify of those at end of life which includes all care settings' }
        ]
      },
      {
        code: '1.3',
        title: 'Clear expectations',
        items: [
          {
            code: '1.3.1',
            text: "The locality has a central information point where people can easily access clear information about 'all ages' local palliative and end of life care services, including details about the level of service that they should expect and what they are entitled to"
          }
        ]
      },
      {
        code: '1.4',
        title: 'Access to social care',
        items: [
          { code: '1.4.1', text: 'The locality has an established process in place to enable rapid access to assessment for needs based social care' },
          { code: '1.4.2', text: 'The locality has in place systems to respond to the social care needs based assessment' },
          { code: '1.4.3', text: 'The locality has an approach for carers needs assessments with clear referral processes to supportive services' }
        ]
      },
      {
        code: '1.5',
        title: 'Helping people take control',
        items: [
          {
            code: '1.5.1',
            text: 'The locality is supporting people to take control and to tailor their end of life care through the use of personal health budgets / integrated budgets'
          },
          {
            code: '1.5.2',
            text: 'The locality offers support to enable patients and the people who care for them to self-manage those aspects of their condition which help improve the quality of their life'
          }
        ]
      },
      {
        code: '1.6',
        title: 'Integrated care',
        items: [
          { code: '1.6.2', text: 'An approach that supports systems of data sharing for all service providers (for example EPaCCs)', leadIn: STRATEGY_161 },
          { code: '1.6.3', text: 'Multi-lateral contracting arrangements OR contracting arrangements that support integrated care', leadIn: STRATEGY_161 },
          { code: '1.6.4', text: 'Pooled CCG budgets across footprints for high cost, low activity services', leadIn: STRATEGY_161 }
        ]
      },
      {
        code: '1.7',
        title: 'Good end of life care includes bereavement',
        items: [
          {
            code: '1.7.1',
            text: 'Bereaved people within the locality all have equitable access to bereavement and pre-bereavement care, including children and young people and those affected by sudden or traumatic death'
          }
        ]
      }
    ]
  },
  {
    number: 2,
    title: 'Each person gets fair access to care',
    statement: 'I live in a society where I get good end of life care regardless of who I am, where I live or the circumstances of my life.',
    blocks: [
      {
        code: '2.1',
        title: 'Using existing data',
        items: [
          {
            code: '2.1.1',
            text: 'The locality fully understands the current reach of palliative and end of life care services, and local population-based needs assessments across different diseases, social and ethnic groups and are using this information to plan future services'
          }
        ]
      },
      {
        code: '2.2',
        title: 'Community partnerships',
        items: [
          {
            code: '2.2.1',
            text: 'The locality has representatives of the population e.g. different faith & cultural groups, as well as those supporting the young and old, feeding into locality specific (STP/ICS level) palliative and end of life care strategy'
          }
        ]
      },
      {
        code: '2.3',
        title: 'Gathering new data',
        items: [
          {
            code: '2.3.1',
            text: 'The locality routinely collect and report on Palliative and End of Life Care activity to inform ongoing quality improvement work including that of equal access and meeting the needs of diverse groups'
          }
        ]
      },
      {
        code: '2.4',
        title: 'Unwavering commitment',
        items: [
          {
            code: '2.4.1',
            text: 'The locality has accountability mechanisms, such as Equality Impact Assessments, in place to demonstrate equity of access and responsiveness for palliative and end of life care services'
          }
        ]
      },
      {
        code: '2.5',
        title: 'Population based needs assessment and commissioning',
        items: [{ code: '2.5.1', text: 'The locality can demonstrate how end of life care services have been influenced by local population based needs assessments' }]
      },
      {
        code: '2.6',
        title: 'Person centred outcome measurements',
        items: [
          {
            code: '2.6.1',
            text: 'The locality has a process for independently analysing person centred outcome measures (e.g. IPOS) in order to hold providers to account and ensure fair access to care'
          }
        ]
      }
    ]
  },
  {
    number: 3,
    title: 'Maximising comfort and wellbeing',
    statement:
      'My care is regularly reviewed and every effort is made for me to have the support, care and treatment that might be needed to help me to be as comfortable and as free from distress as possible.',
    blocks: [
      {
        code: '3.1',
        title: 'Recognising distress whatever the cause',
        items: [
          {
            code: '3.1.1',
            text: 'The locality has in place a formal system in place to recognise and acknowledge physical, psychological, emotional, social, or spiritual distress at the end of life'
          }
        ]
      },
      {
        code: '3.2',
        title: 'Addressing all forms of distress',
        items: [
          { code: '3.2.1', text: 'Physical distress', leadIn: DISTRESS },
          { code: '3.2.2', text: 'Emotional distress', leadIn: DISTRESS },
          { code: '3.2.3', text: 'Social distress', leadIn: DISTRESS },
          { code: '3.2.4', text: 'Spiritual distress', leadIn: DISTRESS }
        ]
      },
      {
        code: '3.3',
        title: 'Skilled assessment and symptom management',
        items: [
          { code: '3.3.1', text: 'There is a consistent approach across all care settings in the locality to anticipatory prescribing' },
          { code: '3.3.2', text: 'The locality have 24 hour access to specialist symptom control advice and support for those nearing end of life' },
          { code: '3.3.3', text: 'The locality have recognised providers for dispensing end of life medications 24/7' },
          { code: '3.3.4', text: 'The workforce have central access to all locally supported symptom management guidelines' },
          { code: '3.3.5', text: 'The locality have a strategy for providing education and training in simple procedures and care processes to unpaid carers where appropriate' }
        ]
      },
      {
        code: '3.4',
        title: 'Priorities for care of the dying person',
        items: [{ code: '3.4.1', text: 'The locality has robust audit plans in place to monitor the achievement of the 5 priorities for care of the dying person' }]
      },
      {
        code: '3.5',
        title: 'Specialist palliative care',
        items: [
          { code: '3.5.1', text: 'The locality has a 7 day service for Specialist Palliative Care assessments' },
          { code: '3.5.2', text: 'Specialist Palliative Care advice is available 24/7 across the locality' },
          { code: '3.5.3', text: 'The locality have a framework in place to develop the capability of the generalist workforce supported by the Specialist Palliative Care Team(s)' }
        ]
      },
      {
        code: '3.6',
        title: 'Rehabilitative palliative care',
        items: [
          { code: '3.6.1', text: 'The locality have access to rehabilitative services for people approaching the end of life' },
          { code: '3.6.2', text: 'The locality has systems in place to ensure access to equipment to support people with movement, comfort care and activities of daily living' }
        ]
      }
    ]
  },
  {
    number: 4,
    title: 'Care is coordinated',
    statement:
      'I get the right help at the right time from the right people. I have a team around me who know my needs and my plans and work together to help me achieve them. I can always reach someone who will listen and respond at any time of the day or night.',
    blocks: [
      {
        code: '4.1',
        title: 'Shared records',
        items: [
          { code: '4.1.1', text: 'The locality has a dedicated data sharing (such as EPaCCS) project/steering group with representation from all care settings' },
          ...(
            [
              ['a', 'Ambulance Service'],
              ['b', 'Out of Hours Service'],
              ['c', 'NHS 111'],
              ['d', 'Specialist Palliative Care Teams'],
              ['e', 'Primary Care'],
              ['f', 'Community Teams e.g. District Nurses, Matrons'],
              ['g', 'Hospitals'],
              ['h', 'Care Homes'],
              ['i', 'Hospice'],
              ['j', 'Social Care']
            ] as const
          ).map(([letter, text]) => ({ code: `4.1.2${letter}`, text, leadIn: EPACCS })),
          { code: '4.1.3', text: 'The locality can evidence the proportion of people dying with an EPaCCS record' },
          { code: '4.1.4', text: 'Palliative Care Multi-Disciplinary Meetings (MDT) are informed as appropriate through data sharing systems (such as EPaCCs)' },
          { code: '4.1.5', text: 'As part of their EPaCCS system the locality are able to share electronically the personalised care and support plans of people nearing the end of life' },
          { code: '4.1.6', text: 'The locality has mechanisms in place for the person approaching end of life to review and update their wishes and preferences within their electronic record' }
        ]
      },
      {
        code: '4.2',
        title: 'Clear roles and responsibilities',
        items: [
          {
            code: '4.2.1',
            text: 'A clinical lead is identified for each key provider with allocated time e.g. PAs assigned for developing local services and who ensure systems are in place for communication with other providers and agencies'
          }
        ]
      },
      {
        code: '4.3',
        title: 'A system wide response',
        items: [
          { code: '4.3.1', text: 'The locality has Palliative & End of Life Care as a core component of the STP/ICS Operational Plan' },
          {
            code: '4.3.2',
            text: 'The locality includes people with a personal or professional experience of death, dying and bereavement to collaborate in the design of new services (co-production)'
          }
        ]
      },
      {
        code: '4.4',
        title: 'Everyone matters',
        items: [
          { code: '4.4.1', text: 'Children and young adults', leadIn: EVERYONE },
          { code: '4.4.2', text: 'Those of older age and those with frailty', leadIn: EVERYONE },
          { code: '4.4.3', text: 'Those with dementia', leadIn: EVERYONE },
          { code: '4.4.4', text: 'Those with learning disabilities', leadIn: EVERYONE }
        ]
      },
      {
        code: '4.5',
        title: 'Continuity in partnership',
        items: [{ code: '4.5.1', text: 'The locality has active partnerships driving forward development of community-based approaches accessed via social prescribing' }]
      }
    ]
  },
  {
    number: 5,
    title: 'All staff are prepared to care',
    statement: 'Wherever I am, health and care staff bring empathy, skills and expertise and give me competent, confident and compassionate care.',
    blocks: [
      {
        code: '5.1',
        title: 'Professional ethos',
        items: [{ code: '5.1.1', text: 'The locality have a strategy for providing education and training to all paid carers and clinicians at every level of expertise' }]
      },
      {
        code: '5.2',
        title: 'Support and resilience',
        items: [
          {
            code: '5.2.1',
            text: 'The locality have specific wellbeing interventions in place to support resilience among the workforce who care for those approaching the end of life e.g. clinical supervision, counselling, peer support'
          }
        ]
      },
      {
        code: '5.3',
        title: 'Knowledge based judgement',
        items: [{ code: '5.3.1', text: 'The workforce have access to a diverse range of education and training opportunities within the locality provided by credible trainers' }]
      },
      {
        code: '5.4',
        title: 'Awareness of legislation',
        items: [
          {
            code: '5.4.1',
            text: 'Training in end of life care includes raising awareness of relevant legislation e.g. Mental Capacity Act, Care Act, Children & Families Act & Lasting Power of Attorney'
          },
          {
            code: '5.4.2',
            text: 'The workforce have access to information pertaining to the diverse approaches to death, dying and bereavement across different communities, to ensure equity of end of life care delivery'
          }
        ]
      },
      {
        code: '5.5',
        title: 'Executive governance',
        items: [{ code: '5.5.1', text: 'There is strong and clearly defined leadership for palliative and end of life care across the locality and at regional level' }]
      },
      {
        code: '5.6',
        title: 'Using new technology',
        items: [{ code: '5.6.1', text: 'Localities have a strategy for using technologies in the advancement of care i.e. remote monitoring equipment, virtual consultation' }]
      }
    ]
  },
  {
    number: 6,
    title: 'Each community is prepared to help',
    statement:
      'I live in a community where everybody recognises that we all have a role to play in supporting each other in times of crisis and loss. People are ready, willing and confident to have conversations about living and dying well and to support each other in emotional and practical ways.',
    blocks: [
      {
        code: '6.1',
        title: 'Compassionate and resilient communities',
        items: [
          {
            code: '6.1.1',
            text: 'The locality has a dedicated work programme aimed at building community capacity e.g. developing the social prescribing offer, promotion of the Dying Well Community Charter, or through the nourishing of compassionate communities'
          }
        ]
      },
      {
        code: '6.2',
        title: 'Public awareness',
        items: [{ code: '6.2.1', text: 'The locality can evidence within strategy how they intend to support the promotion of the public discussion around death, dying and bereavement' }]
      },
      {
        code: '6.3',
        title: 'Practical support',
        items: [{ code: '6.3.1', text: 'The locality has a clear referral process from all key providers to Social Prescribing Link Workers, for all ages' }]
      },
      {
        code: '6.4',
        title: 'Volunteers',
        items: [{ code: '6.4.1', text: 'The locality recruit and train volunteers to specifically support people approaching the end of life, their families and communities' }]
      }
    ]
  }
];

/** Every item, in order, with its ambition's number. */
export const ITEMS: readonly (Item & { ambition: Ambition['number']; block: string })[] = AMBITIONS.flatMap((a) =>
  a.blocks.flatMap((b) => b.items.map((i) => ({ ...i, ambition: a.number, block: b.code })))
);

const ITEM_CODES = new Set(ITEMS.map((i) => i.code));
/** Whether a code names an item of the template. */
export const isItemCode = (code: string): boolean => ITEM_CODES.has(code);

/** An item's level (null: not scored). Items missing from the scores are unscored too. */
export type Scores = Readonly<Record<string, Level | null | undefined>>;

export type AmbitionRollUp = {
  ambition: Ambition['number'];
  title: string;
  /** Every item of the ambition: the denominator, unscored items included. */
  items: number;
  /** Items with a level. */
  scored: number;
  /** How many items are at each level 0-5. */
  counts: [number, number, number, number, number, number];
  /** The share at each level, in percent to one decimal place (out of every item). */
  percent: [number, number, number, number, number, number];
  /** Items at level 3 or above. */
  atLeast3: number;
  /** "% at level 3 & above" as the document computes it: the sum of the rounded shares of levels 3-5. */
  atLeast3Percent: number;
};

/** count / total in tenths of a percent, halves rounded up (exact, in integers). */
function tenths(count: number, total: number): number {
  return total === 0 ? 0 : Math.floor((count * 2000 + total) / (2 * total));
}

/** Per ambition, the share of items at each level and at level 3 or above, as the document's summary tables. */
export function rollUp(scores: Scores): AmbitionRollUp[] {
  return AMBITIONS.map((a) => {
    const items = a.blocks.flatMap((b) => b.items);
    const counts: AmbitionRollUp['counts'] = [0, 0, 0, 0, 0, 0];
    for (const item of items) {
      const level = scores[item.code];
      if (level !== null && level !== undefined && LEVELS.includes(level)) counts[level]++;
    }
    const t = counts.map((c) => tenths(c, items.length));
    return {
      ambition: a.number,
      title: a.title,
      items: items.length,
      scored: counts.reduce((s, c) => s + c, 0),
      counts,
      percent: t.map((x) => x / 10) as AmbitionRollUp['percent'],
      atLeast3: counts[3] + counts[4] + counts[5],
      atLeast3Percent: (t[3] + t[4] + t[5]) / 10
    };
  });
}
