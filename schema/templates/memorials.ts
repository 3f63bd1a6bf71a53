import type { SurveyDefinition } from '../survey-definition';

/** Memorials: residents' experience of remembrance, funerals and their cost, green spaces and the loss of pets. */
export const memorials = {
  format: 1,
  title: 'Remembering people we have lost',
  audience: 'residents',
  sensitivity: 'standard',
  intro:
    'We want to make sure there are good ways and places in our city to remember people who have died, ' +
    'and that everyone can say goodbye in a way that matters to them. ' +
    'This survey asks about memorials, remembrance, funerals and their cost, parks and green spaces, and losing a pet. ' +
    'It takes about 10 minutes. You can skip any question, and you can stop at any time.',
  content_note:
    'This survey is about death, funerals and grief. It may bring back memories of people, or pets, you have lost. ' +
    'Please go gently. Skip anything you would rather not answer, take a break, or stop whenever you like. ' +
    'There is a list of people you can talk to on every page.',
  signposting: {
    intro: 'If this survey has brought up difficult feelings, you are not alone. These people can help.',
    contacts: [
      {
        name: 'Cruse Bereavement Support',
        description: 'Free support for anyone who is grieving, however long ago the death was.',
        phone: '0808 808 1677',
        url: 'https://www.cruse.org.uk'
      },
      {
        name: 'Samaritans',
        description: 'Someone to talk to, about anything. Free, any time of day or night.',
        phone: '116 123',
        url: 'https://www.samaritans.org'
      },
      {
        name: 'Your local hospice',
        description: 'Many hospices offer bereavement support and remembrance events, even if the person who died was not cared for there.'
      },
      {
        name: 'Your vet',
        description: 'If you are grieving for a pet, your vet can tell you about pet bereavement support.'
      }
    ]
  },
  thank_you:
    'Thank you for sharing your experiences with us. We know some of these questions are not easy. ' +
    'Your answers are anonymous. We will combine them with other people’s answers and share what we learn as summaries ' +
    'in the network’s “you said, we did” updates. They will help shape future plans for memorials, remembrance and funeral support.',
  pages: [
    {
      id: 'remembering',
      title: 'Remembering someone',
      questions: [
        {
          id: 'remembrance_activities',
          type: 'multi',
          title: 'Have you done any of these to remember someone who has died?',
          help: 'Choose all that apply.',
          options: [
            { id: 'visited_grave', label: 'Visited a grave, or where ashes are buried or scattered' },
            { id: 'memorial_bench_tree', label: 'Used or set up a memorial bench, tree or plaque' },
            { id: 'remembrance_service', label: 'Gone to a remembrance service, such as a hospice “Light up a Life” service' },
            { id: 'book_of_remembrance', label: 'Signed or visited a book of remembrance' },
            { id: 'place_of_worship', label: 'Prayed or lit a candle at a place of worship' },
            { id: 'home_memorial', label: 'Kept a special place at home, with photos or keepsakes' },
            { id: 'anniversaries', label: 'Marked a birthday or anniversary' },
            { id: 'shared_online', label: 'Shared memories online' },
            { id: 'public_memorial', label: 'Visited a public memorial or remembrance garden' },
            { id: 'community_event', label: 'Gone to a community event about life and death, such as a Dying Matters event' },
            { id: 'remembrance_none', label: 'None of these', exclusive: true }
          ],
          other: 'Something else (please say)'
        },
        {
          id: 'place_to_remember_importance',
          type: 'scale',
          title: 'How important is it to you to have a place you can go to remember someone?',
          points: [
            { id: 'not_important', label: 'Not important' },
            { id: 'slightly_important', label: 'Slightly important' },
            { id: 'quite_important', label: 'Quite important' },
            { id: 'very_important', label: 'Very important' }
          ],
          prefer_not_to_say: true
        },
        {
          id: 'local_places_known',
          type: 'single',
          title: 'Do you know of places near you where anyone can go to remember someone?',
          help: 'For example, a memorial garden, a remembrance book, or a quiet space in a park or place of worship.',
          options: [
            { id: 'yes_several', label: 'Yes, several' },
            { id: 'yes_one', label: 'Yes, one' },
            { id: 'no', label: 'No' },
            { id: 'not_sure', label: 'I’m not sure' }
          ]
        },
        {
          id: 'meaningful_remembrance',
          type: 'long_text',
          title: 'Is there a way of remembering someone that has meant a lot to you?',
          help: 'You do not need to name anyone.',
          max_length: 2000
        }
      ]
    },
    {
      id: 'funerals',
      title: 'Funerals and their cost',
      intro: 'Funerals can be very costly, and paying for them can add to the strain of losing someone.',
      questions: [
        {
          id: 'arranged_funeral',
          type: 'yes_no',
          title: 'In the last five years, have you helped to arrange or pay for a funeral?',
          prefer_not_to_say: true
        },
        {
          id: 'funeral_cost_difficulty',
          type: 'scale',
          title: 'How easy or hard was it to pay for the funeral?',
          show_if: { question: 'arranged_funeral', in: ['yes'] },
          points: [
            { id: 'very_easy', label: 'Very easy' },
            { id: 'fairly_easy', label: 'Fairly easy' },
            { id: 'fairly_hard', label: 'Fairly hard' },
            { id: 'very_hard', label: 'Very hard' }
          ],
          prefer_not_to_say: true
        },
        {
          id: 'funeral_cost_sources',
          type: 'multi',
          title: 'Which of these helped to pay for the funeral?',
          help: 'Choose all that apply.',
          show_if: { question: 'arranged_funeral', in: ['yes'] },
          options: [
            { id: 'savings', label: 'Savings' },
            { id: 'estate', label: 'Money left by the person who died' },
            { id: 'funeral_plan_insurance', label: 'A funeral plan or life insurance' },
            { id: 'family_friends', label: 'Family or friends chipping in' },
            { id: 'funeral_expenses_payment', label: 'A Funeral Expenses Payment from the government' },
            { id: 'faith_community', label: 'A faith or community group' },
            { id: 'employer', label: 'An employer' },
            { id: 'crowdfunding', label: 'Online fundraising' },
            { id: 'loan_credit', label: 'A loan, credit card or payment plan' }
          ],
          other: 'Something else (please say)',
          prefer_not_to_say: true
        },
        {
          id: 'funeral_cost_worry',
          type: 'scale',
          title: 'How worried are you about paying for a funeral in the future, whether your own or someone else’s?',
          points: [
            { id: 'not_worried', label: 'Not worried' },
            { id: 'slightly_worried', label: 'A little worried' },
            { id: 'quite_worried', label: 'Quite worried' },
            { id: 'very_worried', label: 'Very worried' }
          ],
          prefer_not_to_say: true
        },
        {
          id: 'customs_respected',
          type: 'single',
          title: 'How well do funeral services near you respect the customs and traditions that matter to you?',
          help: 'For example, timing, washing and preparing the body, prayers, music or who can attend.',
          options: [
            { id: 'very_well', label: 'Very well' },
            { id: 'fairly_well', label: 'Fairly well' },
            { id: 'not_well', label: 'Not very well' },
            { id: 'not_at_all', label: 'Not at all' },
            { id: 'not_sure', label: 'I don’t know' }
          ]
        },
        {
          id: 'funeral_information_wanted',
          type: 'multi',
          title: 'Would you like to know more about any of these?',
          help: 'Choose all that apply.',
          options: [
            { id: 'costs_and_choices', label: 'What funerals cost, and the choices you have' },
            { id: 'help_paying', label: 'Help with paying for a funeral' },
            { id: 'simple_funerals', label: 'Simple or low-cost funerals, such as direct cremation' },
            { id: 'green_funerals', label: 'Green or natural burials' },
            { id: 'other_customs', label: 'The funeral customs of other faiths and cultures' },
            { id: 'planning_own', label: 'Planning your own funeral' },
            { id: 'talking_wishes', label: 'How to talk with family about your wishes' },
            { id: 'info_none', label: 'None of these', exclusive: true }
          ]
        }
      ]
    },
    {
      id: 'green_spaces_and_pets',
      title: 'Parks, green spaces and pets',
      questions: [
        {
          id: 'parks_for_memorials',
          type: 'scale',
          title: 'How much do you agree: “Parks and green spaces are good places for public memorials and remembrance.”',
          points: [
            { id: 'strongly_disagree', label: 'Strongly disagree' },
            { id: 'disagree', label: 'Disagree' },
            { id: 'neither', label: 'Neither agree nor disagree' },
            { id: 'agree', label: 'Agree' },
            { id: 'strongly_agree', label: 'Strongly agree' }
          ]
        },
        {
          id: 'green_space_ideas',
          type: 'multi',
          title: 'Which of these would you like to see in parks and green spaces?',
          help: 'Choose all that apply.',
          options: [
            { id: 'memorial_trees', label: 'Memorial trees or woodland' },
            { id: 'memorial_benches', label: 'Memorial benches' },
            { id: 'memorial_garden', label: 'A memorial garden' },
            { id: 'quiet_spaces', label: 'Quiet spaces to sit and reflect' },
            { id: 'remembrance_events', label: 'Remembrance events open to everyone' },
            { id: 'art_installations', label: 'Art or installations about remembering' },
            { id: 'green_space_none', label: 'None of these', exclusive: true }
          ],
          other: 'Something else (please say)'
        },
        {
          id: 'green_funeral_consider',
          type: 'single',
          title: 'Would you consider a green funeral, for yourself or someone close to you?',
          help:
            'A green (or natural) funeral uses a simple, natural coffin or shroud and avoids chemicals. ' +
            'Burial is usually in a meadow or woodland, often with a tree or wildflowers instead of a headstone.',
          options: [
            { id: 'yes', label: 'Yes' },
            { id: 'maybe', label: 'Maybe' },
            { id: 'no', label: 'No' },
            { id: 'not_for_my_faith', label: 'It would not fit my faith or customs' },
            { id: 'need_more_info', label: 'I would need to know more' }
          ],
          prefer_not_to_say: true
        },
        {
          id: 'pet_died',
          type: 'yes_no',
          title: 'Have you had a pet die?',
          prefer_not_to_say: true
        },
        {
          id: 'pet_grief_understood',
          type: 'scale',
          title: 'When your pet died, how well did people around you understand your grief?',
          show_if: { question: 'pet_died', in: ['yes'] },
          points: [
            { id: 'not_at_all', label: 'Not at all' },
            { id: 'a_little', label: 'A little' },
            { id: 'quite_well', label: 'Quite well' },
            { id: 'very_well', label: 'Very well' }
          ],
          prefer_not_to_say: true
        },
        {
          id: 'pet_loss_help',
          type: 'multi',
          title: 'What helped, or would have helped, when your pet died?',
          help: 'Choose all that apply.',
          show_if: { question: 'pet_died', in: ['yes'] },
          options: [
            { id: 'friends_family', label: 'Understanding from friends and family' },
            { id: 'time_off_work', label: 'Time off work' },
            { id: 'vet_support', label: 'Kindness and information from the vet' },
            { id: 'pet_bereavement_service', label: 'A pet bereavement support service' },
            { id: 'place_to_bury', label: 'A place to bury or scatter my pet’s ashes' },
            { id: 'pet_memorial', label: 'A way to remember my pet, such as a keepsake or memorial' },
            { id: 'pet_help_none', label: 'None of these', exclusive: true }
          ],
          other: 'Something else (please say)',
          prefer_not_to_say: true
        }
      ]
    },
    {
      id: 'what_matters',
      title: 'What matters most',
      questions: [
        {
          id: 'priorities_ranking',
          type: 'ranking',
          title: 'Which of these matter most to you? Put your top three in order.',
          help: 'Put the one that matters most first.',
          max: 3,
          options: [
            { id: 'affordable_funerals', label: 'Funerals that people can afford' },
            { id: 'places_to_remember', label: 'More places to remember people, including in parks' },
            { id: 'remembrance_events', label: 'Public remembrance events' },
            { id: 'customs_respected', label: 'Respect for every faith, culture and custom' },
            { id: 'clear_information', label: 'Clear information about funeral choices and costs' },
            { id: 'bereavement_support', label: 'Support for people who are grieving' },
            { id: 'pet_loss_recognised', label: 'Recognising that losing a pet is a real loss' },
            { id: 'green_options', label: 'Green and natural funeral options' }
          ]
        },
        {
          id: 'what_would_matter',
          type: 'long_text',
          title: 'What would make the biggest difference to how our city helps people remember those who have died?',
          max_length: 3000
        }
      ]
    },
    {
      id: 'about_you',
      title: 'About you (optional)',
      intro:
        'These last questions are optional. They help us check that we are hearing from all kinds of people. ' +
        'Skip any you would rather not answer.',
      questions: [
        {
          id: 'age_band',
          type: 'single',
          title: 'How old are you?',
          options: [
            { id: 'under_18', label: 'Under 18' },
            { id: 'age_18_24', label: '18 to 24' },
            { id: 'age_25_34', label: '25 to 34' },
            { id: 'age_35_44', label: '35 to 44' },
            { id: 'age_45_54', label: '45 to 54' },
            { id: 'age_55_64', label: '55 to 64' },
            { id: 'age_65_74', label: '65 to 74' },
            { id: 'age_75_plus', label: '75 or over' }
          ],
          prefer_not_to_say: true
        },
        {
          id: 'faith_or_belief',
          type: 'single',
          title: 'What is your religion or belief, if any?',
          help: 'We ask because funeral and remembrance customs often differ between faiths.',
          options: [
            { id: 'no_religion', label: 'No religion' },
            { id: 'buddhist', label: 'Buddhist' },
            { id: 'christian', label: 'Christian' },
            { id: 'hindu', label: 'Hindu' },
            { id: 'jewish', label: 'Jewish' },
            { id: 'muslim', label: 'Muslim' },
            { id: 'sikh', label: 'Sikh' }
          ],
          other: 'Another religion or belief (please say)',
          prefer_not_to_say: true
        },
        {
          id: 'last_bereavement',
          type: 'single',
          title: 'When did someone close to you last die?',
          options: [
            { id: 'within_6_months', label: 'In the last 6 months' },
            { id: 'months_6_12', label: '6 to 12 months ago' },
            { id: 'years_1_2', label: '1 to 2 years ago' },
            { id: 'more_than_2_years', label: 'More than 2 years ago' },
            { id: 'never', label: 'No one close to me has died' }
          ],
          prefer_not_to_say: true
        }
      ]
    }
  ]
} satisfies SurveyDefinition;
