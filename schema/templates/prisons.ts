import type { SurveyDefinition } from '../survey-definition';

/** Prisons: what a compassionate city means to the prison community, with a focus on loss and bereavement inside. Works on paper. */
export const prisons = {
  format: 1,
  title: 'Loss, grief and support in prison',
  audience: 'residents',
  sensitivity: 'sensitive',
  intro:
    'We want our city to look after everyone who is ill, dying or grieving, including people in prison. ' +
    'We want to hear from people in prison, and from prison staff, volunteers and families. ' +
    'This survey asks what happens when someone close to you dies, what support there is, and what would help. ' +
    'It takes about 10 minutes. You do not have to answer any question, and you can stop at any time. ' +
    'Taking part, or not, will make no difference to how you are treated.',
  content_note:
    'This survey is about death and grief. It may bring back memories of people you have lost. ' +
    'You can skip any question, take a break, or stop. ' +
    'If you feel low or upset, please talk to someone: a Listener, the chaplaincy team, healthcare, an officer you trust, ' +
    'or Samaritans on 116 123.',
  signposting: {
    intro: 'If this survey has brought up difficult feelings, you do not have to cope alone. You can talk to:',
    contacts: [
      {
        name: 'Samaritans',
        description: 'Talk to someone in confidence, any time, day or night. Calls are free, including from prison phones.',
        phone: '116 123',
        url: 'https://www.samaritans.org'
      },
      {
        name: 'A Listener on your wing',
        description: 'People in prison trained by Samaritans to listen in confidence. Ask an officer to see a Listener, day or night.'
      },
      {
        name: 'Your chaplaincy team',
        description: 'Support for people of all faiths and none, including after a death. Put in an application or ask an officer.'
      },
      {
        name: 'Healthcare or the mental health team',
        description: 'Ask an officer, or put in a healthcare application.'
      },
      {
        name: 'Cruse Bereavement Support',
        description: 'Free bereavement support for families, staff and people after release.',
        phone: '0808 808 1677',
        url: 'https://www.cruse.org.uk'
      }
    ]
  },
  thank_you:
    'Thank you for taking part. We know it is not easy to think about these things. ' +
    'Your answers are anonymous. We will put them together with everyone else’s, and no one will be named. ' +
    'We will share what we learn as summaries in the network’s “you said, we did” updates, ' +
    'and use them to help shape a more compassionate prison.',
  pages: [
    {
      id: 'about_you',
      title: 'About you',
      questions: [
        {
          id: 'privacy_note',
          type: 'info',
          title: 'Please keep it anonymous',
          body:
            'Do not write your name, your prison number, or the names of other people. ' +
            'We will never ask about offences or sentences. ' +
            'If you are filling this in on paper, skip any question that says it is for someone else.'
        },
        {
          id: 'connection_to_prison',
          type: 'single',
          title: 'Which of these best describes you?',
          options: [
            { id: 'in_prison', label: 'I am in prison now' },
            { id: 'been_in_prison', label: 'I have been in prison in the past' },
            { id: 'staff_volunteer', label: 'I work or volunteer in a prison' },
            { id: 'family_friend', label: 'I have a family member or friend in prison' }
          ],
          prefer_not_to_say: true
        }
      ]
    },
    {
      id: 'when_someone_dies',
      title: 'When someone close to you dies',
      questions: [
        {
          id: 'bereaved_in_prison',
          type: 'yes_no',
          title: 'While you were in prison, did someone close to you die?',
          help: 'For people who are, or have been, in prison.',
          show_if: { question: 'connection_to_prison', in: ['in_prison', 'been_in_prison'] },
          prefer_not_to_say: true
        },
        {
          id: 'how_told',
          type: 'single',
          title: 'How were you first told about the death?',
          help: 'If this has happened more than once, think about the most recent time.',
          show_if: { question: 'bereaved_in_prison', in: ['yes'] },
          options: [
            { id: 'chaplaincy', label: 'By the chaplaincy team' },
            { id: 'officer_staff', label: 'By an officer or other staff' },
            { id: 'phone_call', label: 'By family or friends on the phone' },
            { id: 'letter', label: 'By letter' },
            { id: 'visit', label: 'At a visit' },
            { id: 'heard_other_way', label: 'I heard about it another way, such as from other people or the news' }
          ],
          prefer_not_to_say: true
        },
        {
          id: 'told_with_care',
          type: 'scale',
          title: 'How much care was taken when you were told?',
          show_if: { question: 'bereaved_in_prison', in: ['yes'] },
          points: [
            { id: 'no_care', label: 'No care at all' },
            { id: 'little_care', label: 'A little care' },
            { id: 'some_care', label: 'Some care' },
            { id: 'great_care', label: 'A lot of care' }
          ],
          prefer_not_to_say: true
        },
        {
          id: 'funeral_attendance',
          type: 'single',
          title: 'Were you able to go to the funeral?',
          show_if: { question: 'bereaved_in_prison', in: ['yes'] },
          options: [
            { id: 'went_in_person', label: 'Yes, I went in person' },
            { id: 'watched_video', label: 'I watched it by video or a live stream' },
            { id: 'not_allowed', label: 'No, I asked but it was not allowed' },
            { id: 'not_in_time', label: 'No, it could not be arranged in time' },
            { id: 'did_not_ask', label: 'No, I did not ask to go' },
            { id: 'did_not_want', label: 'No, I did not want to go' }
          ],
          other: 'Something else (please say)',
          prefer_not_to_say: true
        },
        {
          id: 'support_received',
          type: 'multi',
          title: 'After the death, did you get support from any of these?',
          help: 'Tick all that apply.',
          show_if: { question: 'bereaved_in_prison', in: ['yes'] },
          options: [
            { id: 'chaplaincy', label: 'The chaplaincy team' },
            { id: 'listener', label: 'A Listener' },
            { id: 'peer_supporter', label: 'Another peer supporter' },
            { id: 'healthcare', label: 'Healthcare or the mental health team' },
            { id: 'officer', label: 'An officer or key worker' },
            { id: 'other_prisoners', label: 'Other people on the wing' },
            { id: 'family_contact', label: 'Extra phone calls or visits with family' },
            { id: 'bereavement_service', label: 'A bereavement counsellor or service, such as Cruse' },
            { id: 'support_none', label: 'No support', exclusive: true }
          ],
          other: 'Someone else (please say)',
          prefer_not_to_say: true
        },
        {
          id: 'felt_supported',
          type: 'scale',
          title: 'Overall, how well supported did you feel?',
          show_if: { question: 'bereaved_in_prison', in: ['yes'] },
          points: [
            { id: 'not_at_all', label: 'Not at all' },
            { id: 'a_little', label: 'A little' },
            { id: 'quite_well', label: 'Quite well' },
            { id: 'very_well', label: 'Very well' }
          ],
          prefer_not_to_say: true
        },
        {
          id: 'staff_confidence',
          type: 'scale',
          title: 'How confident do you feel supporting someone in prison who is grieving?',
          help: 'For prison staff and volunteers.',
          show_if: { question: 'connection_to_prison', in: ['staff_volunteer'] },
          points: [
            { id: 'not_confident', label: 'Not confident' },
            { id: 'slightly_confident', label: 'A little confident' },
            { id: 'quite_confident', label: 'Quite confident' },
            { id: 'very_confident', label: 'Very confident' }
          ],
          prefer_not_to_say: true
        },
        {
          id: 'family_know_how_to_tell',
          type: 'single',
          title: 'If someone in your family died, would you know how to let the prison know, so your relative or friend is told with support?',
          help: 'For families and friends of people in prison.',
          show_if: { question: 'connection_to_prison', in: ['family_friend'] },
          options: [
            { id: 'yes', label: 'Yes' },
            { id: 'not_sure', label: 'I’m not sure' },
            { id: 'no', label: 'No' }
          ]
        }
      ]
    },
    {
      id: 'grief_in_prison',
      title: 'Death and grief in prison',
      intro: 'Everyone can answer these questions.',
      questions: [
        {
          id: 'know_where_support',
          type: 'single',
          title: 'When someone in prison hears that a person close to them has died, do they know where to get support?',
          options: [
            { id: 'most_do', label: 'Yes, most people do' },
            { id: 'some_do', label: 'Some people do' },
            { id: 'few_do', label: 'Very few people do' },
            { id: 'not_sure', label: 'I’m not sure' }
          ]
        },
        {
          id: 'after_death_in_prison',
          type: 'multi',
          title: 'When someone dies in the prison, which of these happen?',
          help: 'Tick all that you know happen.',
          options: [
            { id: 'people_told', label: 'People on the wing are told with care' },
            { id: 'memorial_service', label: 'A memorial service or prayers in the chapel' },
            { id: 'condolence_book', label: 'A book of condolence or a card to sign' },
            { id: 'listeners_available', label: 'Listeners and peer supporters are on hand' },
            { id: 'time_to_talk', label: 'There is time and space to talk about it' },
            { id: 'nothing_happens', label: 'Nothing happens', exclusive: true },
            { id: 'dont_know', label: 'I don’t know', exclusive: true }
          ],
          other: 'Something else (please say)',
          prefer_not_to_say: true
        },
        {
          id: 'can_talk_about_death',
          type: 'scale',
          title: 'How much do you agree: “In prison, people can talk about death and grief without being judged.”',
          points: [
            { id: 'strongly_disagree', label: 'Strongly disagree' },
            { id: 'disagree', label: 'Disagree' },
            { id: 'neither', label: 'Neither agree nor disagree' },
            { id: 'agree', label: 'Agree' },
            { id: 'strongly_agree', label: 'Strongly agree' }
          ],
          prefer_not_to_say: true
        },
        {
          id: 'worry_ill_in_prison',
          type: 'scale',
          title: 'How much do you worry about becoming seriously ill, or dying, while in prison?',
          help: 'For people in prison now.',
          show_if: { question: 'connection_to_prison', in: ['in_prison'] },
          points: [
            { id: 'not_at_all', label: 'Not at all' },
            { id: 'a_little', label: 'A little' },
            { id: 'quite_a_lot', label: 'Quite a lot' },
            { id: 'a_great_deal', label: 'A great deal' }
          ],
          prefer_not_to_say: true
        }
      ]
    },
    {
      id: 'what_would_help',
      title: 'What would help',
      questions: [
        {
          id: 'help_most',
          type: 'multi',
          title: 'Which of these would help most? Tick up to 3.',
          max: 3,
          options: [
            { id: 'told_privately', label: 'Being told about a death in private, with someone there' },
            { id: 'quicker_funeral_decisions', label: 'Quicker decisions about going to funerals' },
            { id: 'video_funerals', label: 'Being able to watch funerals by video' },
            { id: 'extra_calls_visits', label: 'Extra phone calls or visits after a death' },
            { id: 'bereavement_group', label: 'A bereavement group or course' },
            { id: 'more_listeners', label: 'More Listeners and peer supporters trained in grief' },
            { id: 'chaplaincy_time', label: 'More time with the chaplaincy team' },
            { id: 'mental_health_support', label: 'More mental health support' },
            { id: 'remembrance_space', label: 'A quiet place or service to remember people' },
            { id: 'hospice_care', label: 'Hospice care for people who are very ill' },
            { id: 'support_after_release', label: 'Bereavement support that carries on after release' },
            { id: 'family_support', label: 'Support for families outside' }
          ],
          other: 'Something else (please say)'
        },
        {
          id: 'compassionate_prison',
          type: 'long_text',
          title: 'What would a kind and caring prison look like to you?',
          help: 'Please do not write names, or anything about anyone’s case.',
          max_length: 2000
        },
        {
          id: 'one_change',
          type: 'text',
          title: 'If you could change one thing to help people in prison who are grieving, what would it be?',
          max_length: 500
        }
      ]
    }
  ]
} satisfies SurveyDefinition;
