import type { LocalizedText } from '../../platform/i18n/text';

export const relationshipMessages = {
  contact: { en: 'contact', ru: 'контакт' },
  account: { en: 'account', ru: 'аккаунт' },
  coverage: { en: 'relationship owner', ru: 'владелец отношений' },
  link: { en: 'link', ru: 'связь' },
  interaction: { en: 'interaction', ru: 'взаимодействие' },
  calendarFeed: { en: 'calendar feed', ru: 'календарь' },
  notAMember: {
    en: 'This person is not a member of the workspace.',
    ru: 'Этот человек не состоит в рабочем пространстве.',
  },
  alreadyOwner: {
    en: 'This person already owns the relationship with this stakeholder.',
    ru: 'Этот человек уже владеет отношениями с этим контактом.',
  },
  linkToSelf: { en: 'A person cannot be linked to themselves.', ru: 'Нельзя связать человека с самим собой.' },
  linkOtherAccount: {
    en: 'Both people must be contacts of the same account.',
    ru: 'Оба человека должны быть контактами одного аккаунта.',
  },
  linkExists: {
    en: 'These two people are already linked this way.',
    ru: 'Эти два человека уже связаны таким образом.',
  },
  participantOtherAccount: {
    en: 'Every participant on the customer’s side must be a contact of the interaction’s account.',
    ru: 'Все участники со стороны клиента должны быть контактами аккаунта взаимодействия.',
  },
  heldInFuture: {
    en: 'An interaction that was held cannot be in the future; mark it as planned.',
    ru: 'Проведённое взаимодействие не может быть в будущем; отметьте его как запланированное.',
  },
  nextStepNeedsText: {
    en: 'Describe the next step before giving it an owner or a due date.',
    ru: 'Опишите следующий шаг, прежде чем назначать ответственного или срок.',
  },
  invalidFeedAddress: {
    en: 'A calendar address ends in .ics.',
    ru: 'Адрес календаря оканчивается на .ics.',
  },
} satisfies Record<string, LocalizedText>;

/** Words of the calendar feed, in the member's language. */
export const calendarWords = {
  calendarName: { en: 'Accord: {workspace}', ru: 'Аккорд: {workspace}' },
  nextStep: { en: 'Next step', ru: 'Следующий шаг' },
  from: { en: 'From', ru: 'По итогам' },
  theirPeople: { en: 'Customer', ru: 'Клиент' },
  ourPeople: { en: 'Our team', ru: 'Наша команда' },
  meeting: { en: 'Meeting', ru: 'Встреча' },
  negotiation: { en: 'Negotiation', ru: 'Переговоры' },
  presentation: { en: 'Presentation', ru: 'Презентация' },
  call: { en: 'Call', ru: 'Звонок' },
  email: { en: 'E-mail', ru: 'Письмо' },
  messenger: { en: 'Messenger', ru: 'Мессенджер' },
  note: { en: 'Note', ru: 'Заметка' },
} satisfies Record<string, LocalizedText>;
