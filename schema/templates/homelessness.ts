import type { SurveyDefinition } from '../survey-definition';

/** Homelessness: what a caring (compassionate) city means to people who are homeless. Short, plain and fully skippable. */
export const homelessness = {
  format: 1,
  title: 'A kinder city: what matters to you',
  audience: 'residents',
  sensitivity: 'sensitive',
  quick_exit: true,
  intro:
    'We want our city to look after people when they are ill, when they are dying, and when they lose someone. ' +
    'That means everyone, wherever they are living. ' +
    'We want to hear from people who are homeless, or have been. ' +
    'There are 11 short questions. It takes about 5 minutes. ' +
    'You do not have to answer any question. You can stop at any time. ' +
    'We will not ask your name.',
  content_note:
    'Some questions are about being ill, dying, and losing people. This might feel hard. ' +
    'You can skip any question. You can stop at any time. ' +
    'To leave fast, use the quick exit button. ' +
    'If you want to talk to someone, there is a list of people who can help on every page.',
  signposting: {
    intro: 'If you feel upset, you do not have to be on your own with it. You can talk to:',
    contacts: [
      {
        name: 'Samaritans',
        description: 'Talk to someone about anything. Free, any time, day or night. You can call from any phone.',
        phone: '116 123',
        url: 'https://www.samaritans.org'
      },
      {
        name: 'Shelter',
        description: 'Free help and advice if you are homeless or might lose your home.',
        phone: '0808 800 4444',
        url: 'https://www.shelter.org.uk'
      },
      {
        name: 'Cruse Bereavement Support',
        description: 'Free support if someone you care about has died.',
        phone: '0808 808 1677',
        url: 'https://www.cruse.org.uk'
      },
      {
        name: 'A worker you trust',
        description: 'Your key worker, outreach worker or hostel staff can help you find support.'
      }
    ]
  },
  thank_you:
    'Thank you. What you told us matters. ' +
    'We do not know who you are. We will put your answers together with other people’s answers. ' +
    'We will share what we learn, and what we do about it, in our “you said, we did” updates.',
  pages: [
    {
      id: 'about_now',
      title: 'About now',
      questions: [
        {
          id: 'where_staying',
          type: 'single',
          title: 'Where are you staying at the moment?',
          options: [
            { id: 'streets', label: 'On the street' },
            { id: 'hostel', label: 'In a hostel or supported housing' },
            { id: 'temporary', label: 'In a B&B or other short-term place' },
            { id: 'sofa_surfing', label: 'On a friend’s or family’s sofa or floor' },
            { id: 'own_place', label: 'In my own place now' }
          ],
          other: 'Somewhere else (you can say where)',
          prefer_not_to_say: true
        },
        {
          id: 'worry_health',
          type: 'scale',
          title: 'Do you worry about your health?',
          points: [
            { id: 'not_at_all', label: 'No, not at all' },
            { id: 'a_little', label: 'A little' },
            { id: 'quite_a_lot', label: 'Quite a lot' },
            { id: 'all_the_time', label: 'All the time' }
          ],
          prefer_not_to_say: true
        },
        {
          id: 'worry_dying',
          type: 'scale',
          title: 'Do you ever worry about dying?',
          points: [
            { id: 'not_at_all', label: 'No, not at all' },
            { id: 'a_little', label: 'A little' },
            { id: 'quite_a_lot', label: 'Quite a lot' },
            { id: 'all_the_time', label: 'All the time' }
          ],
          prefer_not_to_say: true
        }
      ]
    },
    {
      id: 'losing_people',
      title: 'Losing people',
      questions: [
        {
          id: 'someone_close_died',
          type: 'yes_no',
          title: 'Has someone you were close to died?',
          help: 'This could be family, a friend, or someone you knew on the street or in a hostel.',
          prefer_not_to_say: true
        },
        {
          id: 'after_they_died',
          type: 'multi',
          title: 'After they died, did any of these happen?',
          help: 'Tick all that are true.',
          show_if: { question: 'someone_close_died', in: ['yes'] },
          options: [
            { id: 'told_soon', label: 'Someone told me soon after' },
            { id: 'went_to_funeral', label: 'I went to the funeral' },
            { id: 'could_not_go', label: 'I wanted to go to the funeral but could not' },
            { id: 'someone_talked', label: 'Someone talked with me about it' },
            { id: 'remembered_together', label: 'We remembered them together' },
            { id: 'got_help', label: 'I got help with how I felt' },
            { id: 'none_of_these', label: 'None of these', exclusive: true }
          ],
          prefer_not_to_say: true
        },
        {
          id: 'being_remembered',
          type: 'scale',
          title: 'When you die, how much does it matter to you that people remember you?',
          points: [
            { id: 'not_at_all', label: 'Not at all' },
            { id: 'a_little', label: 'A little' },
            { id: 'quite_a_lot', label: 'Quite a lot' },
            { id: 'a_lot', label: 'A lot' }
          ],
          prefer_not_to_say: true
        },
        {
          id: 'someone_to_tell',
          type: 'yes_no',
          title: 'If you were very ill, is there someone you would want to be told?',
          prefer_not_to_say: true
        },
        {
          id: 'who_turn_to',
          type: 'multi',
          title: 'If you were very ill or very sad, who would you go to?',
          help: 'Tick all that are true.',
          options: [
            { id: 'family', label: 'Family' },
            { id: 'friend', label: 'A friend' },
            { id: 'street_friend', label: 'Someone I know on the street or in the hostel' },
            { id: 'support_worker', label: 'A key worker or support worker' },
            { id: 'outreach', label: 'An outreach team' },
            { id: 'doctor_nurse', label: 'A doctor or nurse' },
            { id: 'faith', label: 'A faith group or place of worship' },
            { id: 'helpline', label: 'A helpline, like Samaritans' },
            { id: 'no_one', label: 'No one', exclusive: true }
          ],
          other: 'Someone else (you can say who)',
          prefer_not_to_say: true
        }
      ]
    },
    {
      id: 'what_would_help',
      title: 'What would help',
      questions: [
        {
          id: 'help_wanted',
          type: 'multi',
          title: 'What would help you most? Pick up to 3.',
          max: 3,
          options: [
            { id: 'someone_to_talk', label: 'Someone to talk to when I feel sad' },
            { id: 'see_doctor', label: 'Help to see a doctor or nurse when I am ill' },
            { id: 'safe_place_ill', label: 'A safe, warm place to stay if I am very ill' },
            { id: 'hospice_care', label: 'Care from a hospice if I am dying' },
            { id: 'say_wishes', label: 'A way to say what I want if I die, like who to tell' },
            { id: 'go_to_funerals', label: 'Help to go to funerals' },
            { id: 'remember_friends', label: 'A way to remember friends who have died' },
            { id: 'loss_group', label: 'A group for people who have lost someone' }
          ],
          other: 'Something else (you can say what)',
          prefer_not_to_say: true
        },
        {
          id: 'city_cares',
          type: 'scale',
          title: 'Do you feel people in this city care about you?',
          points: [
            { id: 'no', label: 'No' },
            { id: 'not_much', label: 'Not much' },
            { id: 'sometimes', label: 'Sometimes' },
            { id: 'yes', label: 'Yes' }
          ],
          prefer_not_to_say: true
        },
        {
          id: 'one_thing',
          type: 'long_text',
          title: 'What one thing would make this city kinder to people who are homeless?',
          help: 'Write as much or as little as you like. Please do not write anyone’s name.',
          max_length: 2000
        }
      ]
    }
  ]
} satisfies SurveyDefinition;
