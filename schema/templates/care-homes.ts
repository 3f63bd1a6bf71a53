import type { SurveyDefinition } from '../survey-definition';

/** Care homes: how a care or nursing home connects with, and is supported by, its local community. */
export const careHomes = {
  format: 1,
  title: 'Care homes and their communities',
  audience: 'organisations',
  sensitivity: 'standard',
  intro:
    'Care homes are part of their neighbourhoods. Many already welcome schools, faith groups, volunteers and local clubs, ' +
    'and support residents, families and staff when someone dies. ' +
    'This survey asks about your home’s links with its local community, how residents are remembered, and what would help you do more. ' +
    'It takes about 10 to 15 minutes. It is best answered by the manager or the person who leads activities. ' +
    'You can skip any question.',
  content_note:
    'Some questions ask about residents dying and how they are remembered. ' +
    'If a recent death is still on your mind, please take your time, skip anything you want to, or come back later.',
  signposting: {
    intro: 'Caring for people at the end of their lives matters, and it can be hard. If you would like to talk, these people can help.',
    contacts: [
      {
        name: 'Samaritans',
        description: 'Someone to talk to, about anything. Free, any time of day or night.',
        phone: '116 123',
        url: 'https://www.samaritans.org'
      },
      {
        name: 'Cruse Bereavement Support',
        description: 'Free support for anyone who is grieving, including care staff, residents and families.',
        phone: '0808 808 1677',
        url: 'https://www.cruse.org.uk'
      },
      {
        name: 'Your manager or employee assistance programme',
        description: 'Many employers offer free, confidential counselling for staff.'
      }
    ]
  },
  thank_you:
    'Thank you for taking the time to tell us about your home. Your answers are anonymous: we will not name any home. ' +
    'We will combine them with answers from other care and nursing homes and share what we learn as summaries in the network’s ' +
    '“you said, we did” updates. They will help us plan how to connect more homes with their communities.',
  pages: [
    {
      id: 'about_home',
      title: 'About your home',
      intro: 'Please do not give the name or address of your home. We only ask for broad groups.',
      questions: [
        {
          id: 'home_type',
          type: 'single',
          title: 'What type of home is it?',
          options: [
            { id: 'residential', label: 'Residential care home' },
            { id: 'nursing', label: 'Nursing home' },
            { id: 'residential_and_nursing', label: 'Both residential and nursing care' }
          ],
          other: 'Something else (please say)'
        },
        {
          id: 'home_specialisms',
          type: 'multi',
          title: 'Who does the home mainly support?',
          help: 'Choose all that apply.',
          options: [
            { id: 'older_people', label: 'Older people' },
            { id: 'dementia', label: 'People living with dementia' },
            { id: 'learning_disability', label: 'People with a learning disability or autism' },
            { id: 'mental_health', label: 'People with mental health needs' },
            { id: 'physical_disability', label: 'People with a physical disability' },
            { id: 'younger_adults', label: 'Younger adults' }
          ],
          other: 'Something else (please say)'
        },
        {
          id: 'home_size',
          type: 'single',
          title: 'How many beds does the home have?',
          options: [
            { id: 'beds_up_to_20', label: 'Up to 20' },
            { id: 'beds_21_40', label: '21 to 40' },
            { id: 'beds_41_60', label: '41 to 60' },
            { id: 'beds_61_100', label: '61 to 100' },
            { id: 'beds_over_100', label: 'More than 100' }
          ]
        },
        {
          id: 'home_run_by',
          type: 'single',
          title: 'Who runs the home?',
          options: [
            { id: 'independent_single', label: 'An independent owner with one home' },
            { id: 'group', label: 'A company or group with several homes' },
            { id: 'charity', label: 'A charity or not-for-profit organisation' },
            { id: 'council_nhs', label: 'The council or the NHS' }
          ],
          other: 'Something else (please say)'
        },
        {
          id: 'respondent_role',
          type: 'single',
          title: 'What is your role?',
          options: [
            { id: 'manager', label: 'Registered manager or deputy manager' },
            { id: 'owner', label: 'Owner or director' },
            { id: 'activities_lead', label: 'Activities or wellbeing coordinator' },
            { id: 'nurse_carer', label: 'Nurse or care worker' }
          ],
          other: 'Something else (please say)'
        }
      ]
    },
    {
      id: 'community_links',
      title: 'Links with your community',
      questions: [
        {
          id: 'community_links',
          type: 'multi',
          title: 'Which of these does your home have links with?',
          help: 'Choose all that apply. A link could be visits, shared events, or residents going out to them.',
          options: [
            { id: 'schools', label: 'Schools, nurseries or colleges' },
            { id: 'faith_groups', label: 'Faith groups or places of worship' },
            { id: 'volunteers', label: 'Volunteers from the local area' },
            { id: 'local_businesses', label: 'Local shops or businesses' },
            { id: 'community_groups', label: 'Community groups or clubs, such as a choir, lunch club or history society' },
            { id: 'hospice', label: 'A local hospice' },
            { id: 'befriending', label: 'A befriending service' },
            { id: 'arts', label: 'Arts, music or creative groups' },
            { id: 'neighbourhood_network', label: 'Your local Neighbourhood Network Scheme' },
            { id: 'links_none', label: 'None of these at the moment', exclusive: true }
          ],
          other: 'Something else (please say)'
        },
        {
          id: 'link_frequency',
          type: 'matrix',
          title: 'Over the last year, how often has your home been in touch with each of these?',
          help: 'Leave a row blank if it does not apply to your home.',
          show_if: { not: { question: 'community_links', in: ['links_none'] } },
          rows: [
            { id: 'schools', label: 'Schools, nurseries or colleges' },
            { id: 'faith_groups', label: 'Faith groups or places of worship' },
            { id: 'volunteers', label: 'Local volunteers' },
            { id: 'local_businesses', label: 'Local shops or businesses' },
            { id: 'community_groups', label: 'Community groups or clubs' },
            { id: 'hospice', label: 'A local hospice' },
            { id: 'befriending', label: 'A befriending service' },
            { id: 'arts', label: 'Arts, music or creative groups' }
          ],
          points: [
            { id: 'not_at_all', label: 'Not at all' },
            { id: 'once_or_twice', label: 'Once or twice' },
            { id: 'every_few_months', label: 'Every few months' },
            { id: 'monthly', label: 'About once a month' },
            { id: 'weekly', label: 'Every week or more' }
          ]
        },
        {
          id: 'links_started_by',
          type: 'single',
          title: 'On the whole, who started these links?',
          show_if: { not: { question: 'community_links', in: ['links_none'] } },
          options: [
            { id: 'home', label: 'Mostly the home, by reaching out' },
            { id: 'community', label: 'Mostly people or groups in the community, by getting in touch with us' },
            { id: 'both', label: 'Both: we worked it out together' },
            { id: 'not_sure', label: 'I’m not sure' }
          ]
        },
        {
          id: 'participation_level',
          type: 'single',
          title: 'Thinking about your community activities, which best describes most of them?',
          help:
            'There are three ways a home can work with its community. ' +
            'Done TO: the home plans and runs the activity, and people from the community are invited to join in. ' +
            'Done WITH: the home and people from the community plan and run it together. ' +
            'Done BY: people from the community lead it, and the home hosts or supports it. ' +
            'All three are valuable. We want to understand the mix.',
          show_if: { not: { question: 'community_links', in: ['links_none'] } },
          options: [
            { id: 'done_to', label: 'Mostly done TO the community' },
            { id: 'done_with', label: 'Mostly done WITH the community' },
            { id: 'done_by', label: 'Mostly done BY the community' },
            { id: 'mixed', label: 'A fairly even mix' },
            { id: 'not_sure', label: 'I’m not sure' }
          ]
        },
        {
          id: 'participation_example',
          type: 'long_text',
          title: 'Please tell us about one activity that is done with or by your community.',
          help: 'What happens, who takes part and what difference it makes. Please do not name any person.',
          show_if: { question: 'participation_level', in: ['done_with', 'done_by', 'mixed'] },
          max_length: 2000
        }
      ]
    },
    {
      id: 'death_and_remembrance',
      title: 'When a resident dies',
      intro: 'These questions are about what happens in your home when a resident dies.',
      questions: [
        {
          id: 'remembrance_practices',
          type: 'multi',
          title: 'When a resident dies, which of these does your home usually do?',
          help: 'Choose all that apply.',
          options: [
            { id: 'tell_residents', label: 'Tell other residents gently, in person' },
            { id: 'guard_of_honour', label: 'A guard of honour when the person leaves the home' },
            { id: 'candle_or_quiet', label: 'Light a candle or hold a moment of quiet' },
            { id: 'memory_book', label: 'A memory book, board or photo display' },
            { id: 'staff_at_funeral', label: 'Staff go to the funeral' },
            { id: 'residents_at_funeral', label: 'Residents are helped to go to the funeral' },
            { id: 'remembrance_service', label: 'A regular remembrance or memorial service' },
            { id: 'families_invited_back', label: 'Invite families back to events or a remembrance service' },
            { id: 'planting', label: 'Plant a tree, flowers or a memorial garden' },
            { id: 'bereavement_information', label: 'Give families information about bereavement support' },
            { id: 'remembrance_none', label: 'None of these', exclusive: true }
          ],
          other: 'Something else (please say)'
        },
        {
          id: 'staff_support_after_death',
          type: 'multi',
          title: 'How are staff supported after a resident dies?',
          help: 'Choose all that apply.',
          options: [
            { id: 'time_to_talk', label: 'Time to talk together, such as a debrief or team huddle' },
            { id: 'time_for_funeral', label: 'Time to go to the funeral' },
            { id: 'one_to_one', label: 'A one-to-one with a manager' },
            { id: 'counselling', label: 'Counselling or an employee assistance programme' },
            { id: 'grief_training', label: 'Training on grief and loss' },
            { id: 'hospice_support', label: 'Support from a local hospice' },
            { id: 'staff_support_none', label: 'Nothing formal', exclusive: true }
          ],
          other: 'Something else (please say)'
        },
        {
          id: 'residents_talk_about_death',
          type: 'single',
          title: 'Do residents get the chance to talk about death and dying, if they want to?',
          help: 'For example, conversations about their wishes, a death café, or time with a faith leader.',
          options: [
            { id: 'yes_regularly', label: 'Yes, regularly' },
            { id: 'yes_sometimes', label: 'Sometimes' },
            { id: 'rarely', label: 'Rarely or never' },
            { id: 'not_sure', label: 'I’m not sure' }
          ]
        }
      ]
    },
    {
      id: 'volunteers_and_support',
      title: 'Volunteers, barriers and support',
      questions: [
        {
          id: 'volunteer_number',
          type: 'single',
          title: 'About how many volunteers help at your home?',
          options: [
            { id: 'none', label: 'None at the moment' },
            { id: 'vol_1_5', label: '1 to 5' },
            { id: 'vol_6_10', label: '6 to 10' },
            { id: 'vol_11_20', label: '11 to 20' },
            { id: 'vol_over_20', label: 'More than 20' }
          ]
        },
        {
          id: 'volunteer_roles',
          type: 'multi',
          title: 'What do your volunteers do?',
          help: 'Choose all that apply.',
          show_if: { question: 'volunteer_number', in: ['vol_1_5', 'vol_6_10', 'vol_11_20', 'vol_over_20'] },
          options: [
            { id: 'befriending', label: 'Visiting and befriending residents' },
            { id: 'activities', label: 'Helping with activities and outings' },
            { id: 'end_of_life_companion', label: 'Sitting with residents who are dying, so no one dies alone' },
            { id: 'music_arts', label: 'Music, arts or crafts' },
            { id: 'faith_pastoral', label: 'Faith or pastoral support' },
            { id: 'gardening', label: 'Gardening' },
            { id: 'events', label: 'Helping at events and fundraising' }
          ],
          other: 'Something else (please say)'
        },
        {
          id: 'barriers',
          type: 'multi',
          title: 'What makes it harder for your home to connect with the community?',
          help: 'Choose all that apply.',
          options: [
            { id: 'staff_time', label: 'Staff time' },
            { id: 'money', label: 'Money' },
            { id: 'infection_control', label: 'Infection control and visiting rules' },
            { id: 'checks_paperwork', label: 'DBS checks, training and paperwork for volunteers' },
            { id: 'transport', label: 'Transport for residents' },
            { id: 'who_to_contact', label: 'Not knowing who to contact locally' },
            { id: 'community_unsure', label: 'People in the community feel unsure about visiting a care home' },
            { id: 'residents_needs', label: 'Residents’ health or care needs' },
            { id: 'language_culture', label: 'Language or cultural differences' },
            { id: 'barriers_none', label: 'Nothing gets in the way', exclusive: true }
          ],
          other: 'Something else (please say)'
        },
        {
          id: 'support_wanted',
          type: 'multi',
          title: 'Which of these would help your home?',
          help: 'Choose all that apply.',
          options: [
            { id: 'local_guide', label: 'A guide to local groups and services near us' },
            { id: 'volunteer_recruitment', label: 'Help finding and training volunteers' },
            { id: 'staff_training_loss', label: 'Training for staff on death, dying and loss' },
            { id: 'school_links', label: 'Help to link with local schools' },
            { id: 'hospice_links', label: 'Closer links with a local hospice' },
            { id: 'remembrance_events', label: 'Help to hold remembrance events' },
            { id: 'death_cafe', label: 'Help to run a death café or similar conversations' },
            { id: 'network_membership', label: 'Joining the Compassionate City network' },
            { id: 'funding_advice', label: 'Advice on small grants and funding' },
            { id: 'support_none', label: 'None of these', exclusive: true }
          ],
          other: 'Something else (please say)'
        },
        {
          id: 'community_connection_rating',
          type: 'rating',
          title: 'Overall, how connected does your home feel to its local community?',
          min_label: 'Not connected at all',
          max_label: 'Very well connected'
        },
        {
          id: 'anything_else',
          type: 'long_text',
          title: 'Is there anything else you would like to tell us?',
          help: 'For example, something that has worked well, or an idea you would like help with. Please do not name any person.',
          max_length: 3000
        }
      ]
    }
  ]
} satisfies SurveyDefinition;
