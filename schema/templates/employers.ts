import type { SurveyDefinition } from '../survey-definition';

/** Employers: how a workplace supports staff who are seriously ill, caring, dying or grieving. */
export const employers = {
  format: 1,
  title: 'Compassionate workplaces: supporting staff through illness, caring and grief',
  audience: 'organisations',
  sensitivity: 'standard',
  intro:
    'Most of us will, at some point, work while caring for someone, living with a serious illness or grieving. ' +
    'This survey asks how your workplace supports staff at these times. ' +
    'It takes about 10 minutes. There are no right or wrong answers, and you can skip any question. ' +
    'Your answers will help the Compassionate City network plan training, share good practice between employers and ' +
    'connect workplaces with local support.',
  content_note:
    'This survey talks about death, dying, serious illness and grief at work. ' +
    'If you have been through a loss yourself, some questions may bring back memories. ' +
    'You can take a break, skip questions or stop at any time.',
  signposting: {
    intro: 'If this survey has brought up difficult feelings, you do not have to deal with them alone. These people can help.',
    contacts: [
      {
        name: 'Samaritans',
        description: 'Someone to talk to, about anything. Free, any time of day or night.',
        phone: '116 123',
        url: 'https://www.samaritans.org'
      },
      {
        name: 'Cruse Bereavement Support',
        description: 'Free support for anyone who is grieving, and advice for employers supporting grieving staff.',
        phone: '0808 808 1677',
        url: 'https://www.cruse.org.uk'
      },
      {
        name: 'Carers UK',
        description: 'Advice and support for people who look after someone, including about work and caring.',
        phone: '0808 808 7777',
        url: 'https://www.carersuk.org'
      },
      {
        name: 'Your line manager or HR team',
        description: 'They can talk with you about leave, flexible working and any employee assistance programme you can use.'
      }
    ]
  },
  thank_you:
    'Thank you for taking part. Your answers are anonymous. We will combine them with answers from other employers, ' +
    'and no single organisation will be named. We will share what we learn as summaries in the network’s ' +
    '“you said, we did” updates, so you can see what changes as a result.',
  pages: [
    {
      id: 'about_organisation',
      title: 'About you and your organisation',
      intro: 'Please do not give your name or the name of your organisation. We only ask for broad groups.',
      questions: [
        {
          id: 'answering_for',
          type: 'single',
          title: 'How are you answering this survey?',
          required: true,
          options: [
            { id: 'on_behalf', label: 'On behalf of my organisation' },
            { id: 'own_view', label: 'With my own view, as someone who works there' }
          ]
        },
        {
          id: 'respondent_role',
          type: 'single',
          title: 'Which of these best describes your role?',
          options: [
            { id: 'owner_director', label: 'Owner, director or senior leader' },
            { id: 'hr_people', label: 'HR or people team' },
            { id: 'manager', label: 'Manager or supervisor' },
            { id: 'wellbeing_lead', label: 'Health, safety or wellbeing lead' },
            { id: 'union_staff_rep', label: 'Trade union or staff network representative' },
            { id: 'employee', label: 'Employee who does not manage others' }
          ],
          other: 'Something else (please say)',
          prefer_not_to_say: true
        },
        {
          id: 'organisation_sector',
          type: 'single',
          title: 'Which sector is your organisation mainly in?',
          options: [
            { id: 'retail_hospitality', label: 'Retail, hospitality or leisure' },
            { id: 'manufacturing_construction', label: 'Manufacturing, engineering or construction' },
            { id: 'professional_services', label: 'Professional services, such as legal, finance or insurance' },
            { id: 'health_social_care', label: 'Health or social care' },
            { id: 'education', label: 'Education' },
            { id: 'public_sector', label: 'Council, government or emergency services' },
            { id: 'charity_voluntary', label: 'Charity, voluntary, community or faith organisation' },
            { id: 'transport_logistics', label: 'Transport, logistics or warehousing' },
            { id: 'creative_digital', label: 'Creative, media or digital' },
            { id: 'bereavement_services', label: 'Funeral, veterinary or probate services' }
          ],
          other: 'Something else (please say)'
        },
        {
          id: 'organisation_size',
          type: 'single',
          title: 'Roughly how many people work for your organisation?',
          help: 'Count everyone who works for you, full time and part time.',
          options: [
            { id: 'size_1_9', label: '1 to 9' },
            { id: 'size_10_49', label: '10 to 49' },
            { id: 'size_50_249', label: '50 to 249' },
            { id: 'size_250_999', label: '250 to 999' },
            { id: 'size_1000_plus', label: '1,000 or more' }
          ]
        },
        {
          id: 'customers_bereaved',
          type: 'single',
          title: 'How often does your organisation deal with customers or clients who are bereaved, caring or seriously ill?',
          help: 'For example, vets, solicitors, funeral directors, banks, insurers, housing and utility companies often do.',
          options: [
            { id: 'often', label: 'Often: it is a regular part of our work' },
            { id: 'sometimes', label: 'Sometimes' },
            { id: 'rarely', label: 'Rarely or never' },
            { id: 'not_sure', label: 'I’m not sure' }
          ]
        }
      ]
    },
    {
      id: 'policies_and_leave',
      title: 'Policies, leave and flexible working',
      questions: [
        {
          id: 'policies_in_place',
          type: 'multi',
          title: 'Which of these does your organisation have written down?',
          help: 'Choose all that apply. They may be separate policies or part of a wider one.',
          options: [
            { id: 'policy_bereavement', label: 'A bereavement or compassionate leave policy' },
            { id: 'policy_carers', label: 'A policy for staff who are carers' },
            { id: 'policy_serious_illness', label: 'A policy for staff living with a serious or terminal illness' },
            { id: 'policy_pregnancy_loss', label: 'Support for staff after miscarriage or pregnancy loss' },
            { id: 'policy_pet_bereavement', label: 'Leave or support when a pet dies' },
            { id: 'dying_to_work', label: 'We have signed the TUC’s Dying to Work charter' },
            { id: 'policy_none', label: 'None of these', exclusive: true },
            { id: 'policy_not_sure', label: 'I’m not sure', exclusive: true }
          ],
          other: 'Something else (please say)'
        },
        {
          id: 'policy_review_frequency',
          type: 'single',
          title: 'How often are these policies reviewed?',
          show_if: {
            question: 'policies_in_place',
            in: ['policy_bereavement', 'policy_carers', 'policy_serious_illness', 'policy_pregnancy_loss', 'policy_pet_bereavement']
          },
          options: [
            { id: 'yearly', label: 'Every year' },
            { id: 'every_2_3_years', label: 'Every two or three years' },
            { id: 'when_needed', label: 'Only when the law changes or something happens' },
            { id: 'never_reviewed', label: 'They have not been reviewed since they were written' },
            { id: 'not_sure', label: 'I’m not sure' }
          ]
        },
        {
          id: 'compassionate_leave',
          type: 'single',
          title: 'Beyond what the law requires, how much paid bereavement or compassionate leave can staff take?',
          help:
            'By law, parents get two weeks’ Parental Bereavement Leave if their child dies under 18 or is stillborn, and ' +
            'all staff can take reasonable unpaid time off to deal with an emergency involving a dependant, including their death. ' +
            'We are asking about anything you offer on top of this.',
          options: [
            { id: 'statutory_only', label: 'Only what the law requires' },
            { id: 'days_1_3', label: 'Up to 3 days' },
            { id: 'days_4_5', label: '4 or 5 days' },
            { id: 'days_6_10', label: '6 to 10 days' },
            { id: 'more_than_10', label: 'More than 10 days' },
            { id: 'case_by_case', label: 'It is decided case by case, with no set limit' },
            { id: 'not_sure', label: 'I’m not sure' }
          ]
        },
        {
          id: 'compassionate_leave_covers',
          type: 'multi',
          title: 'Whose death does this leave cover?',
          help: 'Choose all that apply.',
          show_if: { question: 'compassionate_leave', in: ['days_1_3', 'days_4_5', 'days_6_10', 'more_than_10', 'case_by_case'] },
          options: [
            { id: 'partner', label: 'A husband, wife or partner' },
            { id: 'child', label: 'A child of any age' },
            { id: 'parent', label: 'A parent or step-parent' },
            { id: 'sibling', label: 'A brother or sister' },
            { id: 'grandparent_grandchild', label: 'A grandparent or grandchild' },
            { id: 'wider_family', label: 'Wider family, such as an aunt, uncle or cousin' },
            { id: 'close_friend', label: 'A close friend' },
            { id: 'anyone_close', label: 'Anyone the member of staff feels close to: they decide' },
            { id: 'pregnancy_loss', label: 'A baby lost in pregnancy' },
            { id: 'pet', label: 'A pet' }
          ]
        },
        {
          id: 'flexible_support',
          type: 'multi',
          title: 'Which of these can staff use if they are seriously ill, caring for someone or grieving?',
          help: 'Choose all that apply.',
          options: [
            { id: 'flexible_hours', label: 'Flexible hours' },
            { id: 'home_working', label: 'Working from home' },
            { id: 'reduced_hours', label: 'Reduced hours for a while' },
            { id: 'phased_return', label: 'A phased return to work' },
            { id: 'paid_carers_leave', label: 'Paid carer’s leave' },
            { id: 'unpaid_carers_leave', label: 'Unpaid carer’s leave' },
            { id: 'time_for_appointments', label: 'Time off for medical appointments' },
            { id: 'career_break', label: 'A career break or longer unpaid leave' },
            { id: 'employee_assistance', label: 'An employee assistance programme or counselling' },
            { id: 'occupational_health', label: 'Occupational health support' },
            { id: 'flexible_none', label: 'None of these', exclusive: true }
          ],
          other: 'Something else (please say)'
        }
      ]
    },
    {
      id: 'culture',
      title: 'People and culture',
      questions: [
        {
          id: 'manager_training',
          type: 'single',
          title: 'Have managers had training on supporting staff through loss, serious illness or caring?',
          options: [
            { id: 'all_managers', label: 'Yes, all or most managers' },
            { id: 'some_managers', label: 'Yes, some managers' },
            { id: 'planned', label: 'Not yet, but it is planned' },
            { id: 'no_training', label: 'No' },
            { id: 'not_sure', label: 'I’m not sure' }
          ]
        },
        {
          id: 'culture_statements',
          type: 'matrix',
          title: 'How much do you agree or disagree with each of these about your workplace?',
          help: 'Leave a row blank if you really don’t know.',
          rows: [
            { id: 'talk_death_grief', label: 'People feel able to talk about death and grief at work' },
            { id: 'safe_to_say_carer', label: 'Staff would feel safe telling their manager that they are a carer' },
            { id: 'illness_job_secure', label: 'Someone with a serious illness would feel their job was secure' },
            { id: 'return_after_loss', label: 'Staff are well supported when they come back to work after a death' },
            { id: 'managers_confident', label: 'Managers feel confident talking with someone who is grieving' },
            { id: 'colleagues_know_help', label: 'Colleagues know where to point someone for support' },
            { id: 'leaders_lead', label: 'Senior leaders set an example of compassion' }
          ],
          points: [
            { id: 'strongly_disagree', label: 'Strongly disagree' },
            { id: 'disagree', label: 'Disagree' },
            { id: 'neither', label: 'Neither agree nor disagree' },
            { id: 'agree', label: 'Agree' },
            { id: 'strongly_agree', label: 'Strongly agree' }
          ]
        },
        {
          id: 'staff_support_rating',
          type: 'rating',
          title: 'If someone in your organisation were seriously ill, caring or grieving, how well supported do you think they would feel?',
          min_label: 'Not supported at all',
          max_label: 'Very well supported'
        }
      ]
    },
    {
      id: 'local_links',
      title: 'Local support and what would help',
      questions: [
        {
          id: 'local_support_links',
          type: 'multi',
          title: 'Which of these does your organisation have links with, or point staff towards?',
          help: 'Choose all that apply.',
          options: [
            { id: 'hospice', label: 'A local hospice' },
            { id: 'cruse', label: 'Cruse Bereavement Support' },
            { id: 'carers_centre', label: 'A carers’ centre or Carers UK' },
            { id: 'neighbourhood_network', label: 'Your local Neighbourhood Network Scheme' },
            { id: 'community_connectors', label: 'Compassionate Community Connectors' },
            { id: 'social_prescribing', label: 'GP surgeries or social prescribers' },
            { id: 'faith_groups', label: 'Faith groups' },
            { id: 'trade_union', label: 'A trade union' },
            { id: 'links_none', label: 'None of these', exclusive: true },
            { id: 'links_not_sure', label: 'I’m not sure', exclusive: true }
          ],
          other: 'Something else (please say)'
        },
        {
          id: 'network_interest',
          type: 'multi',
          title: 'Which of these would your organisation be interested in?',
          help: 'Choose all that apply. This does not commit you to anything.',
          options: [
            { id: 'compassionate_companies', label: 'Working towards a Compassionate Companies standard' },
            { id: 'employer_compassion_cafe', label: 'Joining a compassion café for employers, to share ideas and support' },
            { id: 'training_understanding_loss', label: '“Understanding loss in the workplace” training' },
            { id: 'workshops_conferences', label: 'Employer workshops or conferences' },
            { id: 'staff_as_connectors', label: 'Staff volunteering as Compassionate Community Connectors' },
            { id: 'connect_neighbourhood_network', label: 'Being connected with your local Neighbourhood Network Scheme' },
            { id: 'showcase', label: 'Sharing what you do, as an example for other employers' },
            { id: 'compassion_award', label: 'Being put forward for a Compassion Award' },
            { id: 'interest_none', label: 'None of these right now', exclusive: true }
          ]
        },
        {
          id: 'helps_most_ranking',
          type: 'ranking',
          title: 'What would help your organisation most? Put your top three in order.',
          help: 'Put the most helpful first.',
          max: 3,
          options: [
            { id: 'policy_templates', label: 'Example policies we could adapt' },
            { id: 'manager_training', label: 'Training for managers' },
            { id: 'staff_awareness', label: 'Short awareness sessions for all staff' },
            { id: 'local_directory', label: 'A simple guide to local support services' },
            { id: 'peer_network', label: 'Meeting other employers to share what works' },
            { id: 'hr_advice', label: 'Someone to ask for advice on difficult cases' },
            { id: 'leadership_backing', label: 'Backing from senior leaders' },
            { id: 'recognition', label: 'Recognition for doing this well' }
          ]
        },
        {
          id: 'what_would_help',
          type: 'long_text',
          title: 'Is there anything else that would help your workplace support staff who are seriously ill, caring or grieving?',
          help: 'You could also tell us about something your organisation does well. Please do not name any person.',
          max_length: 3000
        }
      ]
    }
  ]
} satisfies SurveyDefinition;
