/**
 * The demo network's Ambitions self-assessment: the completed self-assessment of the
 * document the template comes from (an NHS integrated care board's, published in a
 * freedom-of-information response), entered item by item with its levels, evidence and
 * gaps as written there (spelling tidied). Items the document gives no level stay
 * unscored. Recorded as the system's, with one audit entry saying where it came from.
 */
import { ITEMS, type Level } from '../../schema/ambitions';
import { ambitionsAssessments, ambitionsScores } from '../../schema/tables';
import { entry, SYSTEM } from '../audit/service';
import { batch, type Db } from '../db';

export const DEMO_ASSESSMENT_TITLE = 'Ambitions self-assessment (from a published ICB example)';

const RESPECT = 'ReSPECT Plus – see above';
const SOCIAL_CARE = 'Social care: see above.';
const WORKFORCE = 'All to be reviewed by the workforce and training group.';
const PCOMS =
  "Review of PCOMs/PROMs carried out, work also informed by the regional 'what matters' survey. The evidence team recommended ICECAP and IntegRATE. The evidence/BI group to progress this work.";
const PCOMS_GAP = 'No plan in place yet for roll out once the approach to outcome measures has been agreed.';
const RESPECT_PLUS =
  'ReSPECT Plus is a digital read/write shared care plan for people who would benefit from advance care planning. It has been implemented and is live across primary, community and hospice care, with acutes able to access it through Connecting Care. Builds on the ReSPECT form rolled out across BNSSG in 2020.';
const SOCIAL_CARE_GAP = 'Social care does not yet have access to ReSPECT Plus, though it uses ReSPECT; planned for consideration in later phases.';
const SOCIAL_ACCESS =
  'Access to social care is challenging across the system; however, the Fast Track team have access to brokerage for patients referred to the service.';
const SOCIAL_ACCESS_GAP = 'Not understood if there are place-based issues for rapid access to social care for people at the end of life.';

/** [item code, level (null: the document gives none), evidence, gaps]. */
export const DEMO_SCORES: readonly [string, Level | null, string, string][] = [
  ['1.1.1', null, '', ''],
  ['1.1.2', 3, RESPECT_PLUS, SOCIAL_CARE_GAP],
  ['1.1.3', null, '', ''],
  ['1.1.4', 3, 'ReSPECT Plus', SOCIAL_CARE],
  ['1.1.5', 3, 'ReSPECT Plus', SOCIAL_CARE],
  [
    '1.1.6',
    3,
    'Training for use of ReSPECT Plus includes support for professionals in having honest conversations; the form is designed to support these conversations. Mapping of all training for end of life care skills (including for informal carers) is underway.',
    SOCIAL_CARE
  ],
  ['1.1.7', 0, 'Not known.', 'Establish how this might be implemented: look for examples from other systems.'],
  ['1.2.1', 2, PCOMS, PCOMS_GAP],
  [
    '1.2.2',
    2,
    'To join up with system work on population health management and segmentation, proposing to use the Cambridge Multimorbidity Score to support identification. Although not a validated tool for identifying people at risk of death, it has been found to be a good indicator. A pilot is in development at an acute trust to apply it retrospectively to test this assumption.',
    ''
  ],
  [
    '1.3.1',
    2,
    'Review of online professional and public resources; options paper complete for development of online resources. Information on what to expect is available on provider sites, but not yet on a central information point.',
    'Work ongoing to improve and centralise digital information, but no plan in place for reviewing the availability of non-digital information.'
  ],
  ['1.4.1', 3, SOCIAL_ACCESS, SOCIAL_ACCESS_GAP],
  ['1.4.2', 3, SOCIAL_ACCESS, SOCIAL_ACCESS_GAP],
  ['1.4.3', 3, 'Carers strategy under development for BNSSG, which will include carers assessments.', 'Links between the carers work and the end of life care programme are not sufficient to have clarity on this.'],
  ['1.5.1', 3, 'Personal health budgets reviewed in 2020.', 'Confirm with the CHC team to identify gaps.'],
  [
    '1.5.2',
    3,
    'Support available from the Sirona palliative and end of life care team, and 24/7 remote guidance available across BNSSG.',
    'Gaps in training for carers and patients will be identified as part of the mapping being carried out by the workforce and training workstream. Accessibility of support not understood at this time.'
  ],
  ['1.6.2', 3, RESPECT, RESPECT],
  ['1.6.3', 1, 'Palliative and end of life care contracts to be reviewed against the national service specification.', 'Palliative and end of life care contracts to be reviewed against the national service specification.'],
  ['1.6.4', 0, '', ''],
  ['1.7.1', 4, 'Bereavement mapping identified the breadth of services available.', 'No significant gaps identified by mapping.'],

  [
    '2.1.1',
    2,
    'Work carried out by the BI and evidence group looked at protected characteristics and place of death; HEAT analysis identified health inequalities, which have fed into action and work plans.',
    'Demographics not understood at a system level.'
  ],
  ['2.2.1', 2, 'The ICB has carried out engagement with the population on priorities for the system, with end of life forming a key part of the life-course framework.', ''],
  ['2.3.1', 2, 'Deaths data is now part of the system-wide data set. Plans underway to develop a dashboard for palliative and end of life care activity.', ''],
  ['2.4.1', 3, 'EIA and HEAT assessment.', 'Need updating.'],
  ['2.5.1', 3, 'PHM / system-wide data set / Cohort 5 / Cambridge Multimorbidity Score.', ''],
  ['2.6.1', 2, PCOMS, PCOMS_GAP],

  ['3.1.1', 3, 'Assessments carried out by providers.', 'Need to establish what assessments are used by each provider to evidence this.'],
  ['3.2.1', 4, 'Specialist palliative care; 2-hour or rapid response; 24-hour advice and guidance.', ''],
  ['3.2.2', 4, 'IAPT services and VCSE; services mapping, which included bereavement services; online resources.', ''],
  [
    '3.2.3',
    3,
    'Services mapping identified sources of practical support; rapid access to social care in place across some organisations; online resources.',
    'Known issue with people at the end of life being referred to discharge pathways not designed for people in their final weeks of life.'
  ],
  ['3.2.4', 3, 'Online resources and signposting; services mapping.', 'Gaps in provision not known.'],
  ['3.3.1', 4, 'Anticipatory drug guidance.', ''],
  ['3.3.2', 5, '', 'Question: is this the case across the patch?'],
  ['3.3.3', 4, 'Just-in-case medicines; locally enhanced service pharmacies.', 'Question: is this the case across the patch?'],
  ['3.3.4', 4, 'Remedy and the GP team net.', ''],
  ['3.3.5', 2, 'Workforce and training workstream.', ''],
  [
    '3.4.1',
    1,
    'The priorities are communicating sensitively with them and their family; involving them in decisions; supporting them and their family; and creating an individual plan of care that includes adequate nutrition and hydration. These align with the programme of work.',
    'Not understood at a system level which of these are included in patient feedback surveys; no system plan for monitoring.'
  ],
  ['3.5.1', 4, 'Mapping found it available 7 days a week.', ''],
  ['3.5.2', 5, 'Mapping found it available 24/7.', ''],
  ['3.5.3', 2, 'The workforce and training workstream is leading on mapping and identification of gaps.', ''],
  ['3.6.1', 1, '', 'Access not understood at this time.'],
  [
    '3.6.2',
    3,
    'Issues previously highlighted with access to syringe drivers, though noted this was primarily workforce related. Establish with operational teams if there are known issues or delays with access to equipment for staff or patients.',
    'Access and availability not understood as a system.'
  ],

  ['4.1.1', 5, 'ReSPECT Plus clinical oversight group and the end of life care programme board.', ''],
  ['4.1.2a', 2, 'Flag on the summary care record.', ''],
  ['4.1.2b', 2, 'Flag on the summary care record.', ''],
  ['4.1.2c', 2, 'Flag on the summary care record.', ''],
  [
    '4.1.2d',
    4,
    'Available on patient records at hospices, on Connecting Care for hospital teams, and in patient records in community team systems.',
    ''
  ],
  ['4.1.2e', 4, 'Yes.', ''],
  ['4.1.2f', 4, 'Yes.', ''],
  ['4.1.2g', 3, 'Yes.', ''],
  ['4.1.2h', 2, '', 'Not yet.'],
  ['4.1.2i', 4, 'Yes.', ''],
  ['4.1.2j', 2, '', 'Not yet.'],
  ['4.1.3', 4, 'Yes.', ''],
  ['4.1.4', 3, '', ''],
  ['4.1.5', 3, '', ''],
  ['4.1.6', 3, '', ''],
  ['4.2.1', 2, '', ''],
  ['4.3.1', 3, '', ''],
  ['4.3.2', 3, '', ''],
  ['4.4.1', null, '', ''],
  ['4.4.2', 3, '', ''],
  ['4.4.3', 3, '', ''],
  ['4.4.4', null, '', ''],
  ['4.5.1', 3, '', ''],

  ['5.1.1', 2, WORKFORCE, ''],
  ['5.2.1', 3, WORKFORCE, ''],
  ['5.3.1', 3, WORKFORCE, ''],
  ['5.4.1', 3, WORKFORCE, ''],
  ['5.4.2', 2, WORKFORCE, ''],
  ['5.5.1', 2, '', ''],
  ['5.6.1', 2, '', ''],

  ['6.1.1', 1, '', ''],
  ['6.2.1', 1, '', ''],
  ['6.3.1', 3, '', ''],
  ['6.4.1', 0, '', '']
];

/** The demo scores as the roll-up takes them. */
export const demoScores = (): Record<string, Level | null> => Object.fromEntries(DEMO_SCORES.map(([code, level]) => [code, level]));

/** D1 binds at most 100 parameters: score rows have 6 columns. */
const ROWS_PER_INSERT = 16;

/** Seed the demo network's self-assessment (once, with the rest of the demo). */
export async function seedDemoAmbitions(db: Db, networkId: string): Promise<string> {
  const id = crypto.randomUUID();
  const known = new Set(ITEMS.map((i) => i.code));
  const rows = DEMO_SCORES.filter(([code]) => known.has(code)).map(([itemCode, level, evidence, gaps]) => ({
    assessmentId: id,
    itemCode,
    level,
    evidence,
    gaps,
    updatedBy: null
  }));
  const inserts = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) inserts.push(db.insert(ambitionsScores).values(rows.slice(i, i + ROWS_PER_INSERT)));
  await batch(db, [
    db.insert(ambitionsAssessments).values({ id, networkId, title: DEMO_ASSESSMENT_TITLE, assessedOn: null, createdBy: null }),
    ...inserts,
    entry(db, SYSTEM, networkId, 'ambitions.seed', id, { note: 'Made-up demo data: the published example self-assessment, entered item by item.' })
  ]);
  return id;
}
