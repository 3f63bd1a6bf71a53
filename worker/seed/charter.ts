/**
 * The demo network's charter standards, from Birmingham's published self-assessment
 * against the Compassionate City Charter (2022): each sector's standard, what was in place
 * (the 2022 assessment) and every "Next Steps" bullet as an action. Statuses, owners, target
 * dates, participation levels and the evidence items are MADE UP for the demo: the
 * document does not say them.
 */
import { SYSTEM } from '../audit/service';
import type { Db } from '../db';
import * as actions from '../evidence/actions';
import * as evidence from '../evidence/evidence';
import * as standards from '../evidence/standards';

type Status = 'not_started' | 'planned' | 'in_progress' | 'done';
type Part = 'done_to' | 'done_with' | 'done_by' | null;
type Step = [title: string, status?: Status, owner?: string, participation?: Part, target?: string];
type Sector = { sector: string; title: string; inPlace: string[]; participation: Part; steps: Step[] };

const NETWORK = 'Compassionate City Network';

export const CHARTER_DEMO: Sector[] = [
  {
    sector: 'Schools',
    title: 'All schools, colleges, universities and young people across the City have access to proactive & crisis support',
    inPlace: [
      'Empowering the school community to engage in topics relating to death, dying & loss',
      'Curriculum enrichment and study sessions',
      'Peer support on understanding loss',
      'Teacher Training on understanding loss',
      'Direct support following a death within the school community'
    ],
    participation: 'done_with',
    steps: [
      ['Enhancing the proactive offer via an Education Conference towards the end of 2022', 'done', 'Education working group (made up)', 'done_with', '2022-11-30'],
      ['Talking to schools that have not engaged to find out why and jointly create solutions', 'in_progress', NETWORK, 'done_with', '2026-07-31'],
      ['Talking to parent groups to get their experience of bereavement support within the school community', 'planned', NETWORK, null, '2026-12-31'],
      ['Contact youth organisations such as the Guides and Scouts', 'not_started', NETWORK]
    ]
  },
  {
    sector: 'Workplaces',
    title: 'All workplaces across the City have access to proactive & crisis support',
    inPlace: [
      'Understanding loss in the workplace training',
      'Access to workshops and conferences to support their organisational culture in the area of death, dying and loss',
      'An employer survey has been completed to help engage understanding and support on issues to do with supporting someone who is, or work whilst seriously ill or grieving',
      '1st employer conference has taken place'
    ],
    participation: 'done_with',
    steps: [
      ['Wide scale promotion and showcasing the work of compassionate employers across the City', 'in_progress', NETWORK, 'done_with', '2026-09-30'],
      ['Target businesses that offer services that work with people who are bereaved including vets, solicitors, funeral directors, insurance companies etc', 'planned', NETWORK],
      ['Connecting in with incentives to celebrate compassion in the workplace', 'planned', NETWORK],
      ['Rolling out Compassionate Companies standard', 'in_progress', 'Employers group (made up)', 'done_with', '2026-12-31'],
      ['Rolling out Compassionate Community Connectors', 'planned', NETWORK, 'done_by'],
      ['Creating a Compassion Café for Birmingham Employers', 'not_started', NETWORK, 'done_by'],
      ['Connecting employers with Neighbourhood Network Schemes', 'not_started', NETWORK],
      ['Engage with trade unions', 'not_started', NETWORK]
    ]
  },
  {
    sector: 'Faith groups',
    title:
      'Our city invites people of all faiths, and none, to participate in the wide range of activities, forums, support networks and groups run by faith groups across Birmingham',
    inPlace: [
      'Engagement and support from the Birmingham Council of Faiths on the CC-UK Foundation Modules and the Compassionate City Network',
      'Examples of existing groups, support and activities on issues relating to death, dying and loss with faith organisations'
    ],
    participation: 'done_by',
    steps: [
      ['To continue connecting support and access between faith groups and social prescribers', 'in_progress', 'Council of Faiths (made up)', 'done_with'],
      ['Encourage members of faith groups to engage as Compassionate Community Connectors', 'planned', NETWORK, 'done_by'],
      ['Support faith groups where the Compassionate City Network can enhance their role and work across Birmingham', 'planned', NETWORK],
      ['Promote www.footstepsbcf.org.uk a mapping of 800 places of worship across Birmingham', 'done', 'Council of Faiths (made up)']
    ]
  },
  {
    sector: 'Health and care',
    title: 'Our Health and Care System understands the benefits of compassion and a community development ethos in all that it does',
    inPlace: [
      'The Compassionate City Charter has been embraced by key parts of the ICS including Adult Social Care, Public Health, voluntary sector and NHS providers',
      'The work streams on Palliative and End of Life Care include commitment to Ambition Six “Every community is prepared to help” within the national ambitions framework',
      'Continue to elevate and celebrate the vital role of Community Sources of Bereavement Support delivered by voluntary sector and community networks, clubs, groups and associations',
      'Our 4 hospices and Murray Hall Community Trust have been committed to and working towards compassionate communities for many years',
      'There is an education and training programme being co-produced and tested with communities to support skills and knowledge on issues to do with serious illness, caring responsibilities and bereavement – this will include public education for death literacy, manual handling and understanding loss',
      'Community development and compassionate communities is being connected into a wide range of City health and care strategies including Neighbourhood Integration and front line integrated teams which include local network leads and primary care'
    ],
    participation: 'done_with',
    steps: [
      ['Amplify the role of the voluntary sector across the City', 'in_progress', NETWORK, 'done_with'],
      ['Continue to drive changes in strategy by including compassionate communities in service specifications', 'in_progress', 'ICS partners (made up)'],
      ['Evaluate the nursing home survey on their engagement in communities and work on how this is enhanced', 'planned', NETWORK, null, '2026-10-31'],
      ['Develop the three lane approach to all service redesign programmes', 'planned', 'ICS partners (made up)'],
      ['Roll out the training and education programme and encourage communities to participate', 'planned', NETWORK, 'done_with'],
      ['Ensure the interlinking strategies of complex care and prevention are united around the ethos of compassionate communities', 'not_started', 'ICS partners (made up)']
    ]
  },
  {
    sector: 'Arts and culture',
    title:
      'We maximise the vibrant and diverse Arts and Culture Community across the City supporting activities and events to support and understand shared experiences on issues relating to death, dying and loss',
    inPlace: [
      'There have been a range of exhibitions across the City’s museums including death tours, death cafes for many years',
      'BrumYODO have been at the forefront of this movement since 2016 and continue to be active across the city including their annual festival “A Matter of Life and Death”.',
      'There is a rich history of arts and culture across the City. Birmingham has a world renowned Pre-Raphaelite Art Collection celebrating life and death.',
      'The City have engaged in Dying Matters events since it’s inception',
      'There are music, theatre and spoken word based organisations supporting connecting communities',
      'There are a wide range of community based craft activities to reduce isolation and encourage conversations'
    ],
    participation: 'done_by',
    steps: [
      ['To have conversations with communities and other stakeholders to maintain the work undertaken today and add diversity and breadth to the conversations and exhibitions', 'planned', NETWORK, 'done_with'],
      ['The ICS, specifically the NHS, Public Health and Adult Social Care are working together on the Arts in Health strategy and will incorporate compassionate communities', 'in_progress', 'ICS partners (made up)']
    ]
  },
  {
    sector: 'Memorials',
    title: 'We will ensure that there is space across our diverse communities to create opportunities for remembrance and celebration of life',
    inPlace: [
      'In 2021 there was an installation in Aston Park called In Memorium. A free space for people to gather',
      'There are opportunities across the city including Celebrate Lives Lived, Light up a Life services, Time to Reflect and Remember activities across hospices, via community organisations, faith organisations, funeral directors, Edward Trust, Memorial Books, Cruse etc',
      "There are specific spaces for memorials including the Hall of Memory in Centenary Square, and the St Thomas' Church Peace Garden in Bath Row."
    ],
    participation: 'done_with',
    steps: [
      ['To understand more from citizens what their experience of memorials are and what would matter most to them as part of future plans', 'in_progress', NETWORK, 'done_with', '2026-06-30'],
      ['To support learning and understanding on the rituals and traditions of funerals and funeral poverty', 'planned', NETWORK],
      ['To review parks and green spaces as venues and opportunities for public memorials including the work on green funerals in Birmingham', 'not_started', 'Parks team (made up)'],
      ['Consider a response to the loss of family pets as a key part of the experiences of loss we face', 'not_started', NETWORK]
    ]
  },
  {
    sector: 'Communities',
    title:
      'Our citizens are actively involved in their communities in being supported or supporting others on care giving, grieving, living with a serious illness in order to build resilience and prevent crisis',
    inPlace: [
      'There are many examples across the City including Street Connectors, Neighbourhood Networks, Bereavement Help Points, drop in centres, cafes, foodbanks, volunteers, faith groups etc',
      'There are community greens spaces that are welcoming of community activities and togetherness'
    ],
    participation: 'done_by',
    steps: [
      ['To make sure no one is left behind – work with our communities to ensure that the benefits of a compassionate city are available to all', 'in_progress', NETWORK, 'done_by'],
      ['Roll out Compassionate Community Connectors via the NNS', 'planned', 'Neighbourhood Network Schemes (made up)', 'done_by', '2026-12-31'],
      ['Continue to treasure hunt in our community and see if what is already in place would like any additional support such as training', 'in_progress', NETWORK, 'done_with'],
      ['Develop the three lane approach to all service redesign programmes with a clear focus on resilience and prevention', 'planned', 'ICS partners (made up)']
    ]
  },
  {
    sector: 'Celebration and recognition',
    title: 'We use creativity, celebration and rewards to recognise, celebrate and act as a catalyst to amplify and extend the Compassionate City ethos across Birmingham',
    inPlace: [
      'There have been examples of competitions, related to the work on arts and Dying Matters in Birmingham',
      'There is a Neighbourhood Network Scheme celebration on 30th March recognising their delivery'
    ],
    participation: 'done_with',
    steps: [
      ['The Compassionate City Network will be launching a Compassion Award during 2022 to help promote and create momentum', 'done', NETWORK, 'done_with', '2022-12-31'],
      ['We will use the platform of Compassionate City Charter status (when achieved) to launch the award, wider engagement and opportunities around celebration of individual and group acts of compassion', 'planned', NETWORK]
    ]
  },
  {
    sector: 'Media and communications',
    title: 'We use the power of digital and print media to ensure that opportunities to engage with our Compassionate City or access support',
    inPlace: ['There are already websites in place for people to access support', 'There are various newsletters and updates in communities and for professionals in place'],
    participation: 'done_to',
    steps: [
      ['There is a PR/Comms plan in the process of being developed for the Compassionate City including a /Birmingham landing page, a film and a social media campaign', 'in_progress', 'Communications group (made up)'],
      ['Communications networks will be developed and grow further over time', 'planned', NETWORK],
      ['Birmingham has recently established a new research collaborative which will include a public health approach to palliative and end of life care', 'done', 'Research collaborative (made up)'],
      ['Consider street, building, public signage or other way of promoting Compassionate Birmingham', 'not_started', NETWORK]
    ]
  },
  {
    sector: 'Diversity and inclusion',
    title: 'Birmingham is committed to ensuring that the benefits of being a Compassionate City are accessible to all it’s citizens',
    inPlace: [
      'There are a diverse range of individuals and organisations involved in the Compassionate City Network',
      'Hospices have worked together taking part in Birmingham’s Pride festival and in staff training to support widening access',
      'Hospices have engaged with Learning Disability organisations to gain views and develop insights from people with a learning disability when it comes to talking about death, dying and loss',
      'There are examples of diversity in relation to non traditional palliative care populations such as peer support groups for MS',
      'There is a Compassion City Network Diversity and Inclusion Group has been established',
      'Diversity and Inclusion is embedded in the training including for all health and social care staff, led by BCHC – this will include a staff and citizen toolkit to aid understanding'
    ],
    participation: 'done_with',
    steps: [
      ['To ensure that the voice of residents and their experiences of the City are heard when it comes to diversity, inclusion and designing out structural inequality', 'planned', 'Diversity and Inclusion Group (made up)', 'done_with'],
      ['Ensuring that peoples of all protected characteristics groups have the opportunity to collaborate, coproduce and engage in compassionate communities activities', 'planned', 'Diversity and Inclusion Group (made up)', 'done_by'],
      ['Strategies across the city are working towards improved inclusion and via the Compassionate City Network these can be considered and feedback provided to ensure the ethos of the charter is embedded', 'not_started', NETWORK]
    ]
  },
  {
    sector: 'Homelessness',
    title: 'The Compassionate City of Birmingham is alongside everyone regardless of their background, life circumstances or challenges faced',
    inPlace: [
      'There is a forum of organisations supporting people who are homeless, there is a representative from this group in the Compassionate City Network',
      'The homelessness strategy is due to be reviewed in Birmingham and Compassionate Communities will be embedded as part of it',
      'Birmingham St Mary’s Hospice has trained people who work with homeless communities of issues to do with end of life care and loss and are visible on Street Support - Street Support Birmingham - Working together to tackle homelessness in Birmingham'
    ],
    participation: 'done_to',
    steps: [['To talk to people who are homeless about what a Compassionate City means to them', 'in_progress', 'Homelessness forum (made up)', 'done_with', '2026-09-30']]
  },
  {
    sector: 'Prisons',
    title: 'The Compassionate City of Birmingham is alongside all it’s residents regardless of their background, life circumstances or challenges faced',
    inPlace: [
      'There are two link workers from the NHS who are involved in healthcare and palliative care in HMP Birmingham involved in the Compassionate City Network',
      'There are peer support programmes in place involving 10 prisoners trained in mental health, suicide prevention and first aid',
      'There are existing relationships between hospices and prisons'
    ],
    participation: 'done_to',
    steps: [
      ['A meeting is being arranged to co-create a concept of a compassionate prison', 'planned', 'Prison link workers (made up)', 'done_with'],
      ['To explore what a Compassionate City means to the prison community', 'not_started', NETWORK]
    ]
  }
];

/** Made-up evidence on a few actions: [sector, step index, item]. */
const DEMO_EVIDENCE: [string, number, { kind: 'link' | 'note'; title: string; url?: string; body?: string }][] = [
  ['Schools', 0, { kind: 'note', title: 'Education Conference held (made up)', body: 'Made-up demo note: 120 teachers and pastoral staff from 40 schools attended; slides shared with every school.' }],
  ['Workplaces', 0, { kind: 'link', title: 'Employers survey results', url: 'https://example.org/birmingham-demo/employers-survey', body: 'Made-up demo link.' }],
  ['Workplaces', 3, { kind: 'note', title: 'Five employers signed up (made up)', body: 'Made-up demo note: five employers have started the Compassionate Companies standard.' }],
  ['Faith groups', 3, { kind: 'link', title: 'Footsteps: places of worship map', url: 'https://www.footstepsbcf.org.uk/' }],
  ['Memorials', 0, { kind: 'link', title: 'Memorials survey', url: 'https://example.org/birmingham-demo/memorials', body: 'Made-up demo link to the memorials survey results.' }],
  ['Celebration and recognition', 0, { kind: 'note', title: 'Compassion Award launched (made up)', body: 'Made-up demo note: 34 nominations in the first year.' }]
];

/** Seed the demo network's standards, 2022 assessments, actions and a few evidence items. */
export async function seedCharter(db: Db, networkId: string): Promise<void> {
  const actionIds = new Map<string, string[]>();
  for (const s of CHARTER_DEMO) {
    const standard = await standards.create(db, SYSTEM, networkId, { sector: s.sector, title: s.title });
    await standards.assess(db, SYSTEM, networkId, standard.id, {
      period: '2022',
      in_place: s.inPlace.map((b) => `• ${b}`).join('\n'),
      gaps: '',
      participation: s.participation
    });
    const ids: string[] = [];
    for (const [title, status = 'not_started', owner = '', participation = null, target = ''] of s.steps) {
      const action = await actions.create(db, SYSTEM, networkId, standard.id, { title, status, owner, participation, target_date: target });
      ids.push(action.id);
    }
    actionIds.set(s.sector, ids);
  }
  for (const [sector, i, item] of DEMO_EVIDENCE) await evidence.add(db, SYSTEM, networkId, actionIds.get(sector)![i], item);
}
