import type { LocalizedText } from '../../platform/i18n/text';

const statusNames: Record<string, LocalizedText> = {
  open: { en: 'open', ru: 'открыто' },
  in_progress: { en: 'in progress', ru: 'в работе' },
  resolved: { en: 'resolved', ru: 'решено' },
  rejected: { en: 'rejected', ru: 'отклонено' },
};
const nameOf = (key: unknown, locale: 'en' | 'ru') => statusNames[String(key)]?.[locale] ?? String(key);

export const clientCareMessages = {
  feedback: { en: 'feedback case', ru: 'обращение' },
  surveyResult: { en: 'survey result', ru: 'результат опроса' },
  loss: { en: 'loss of the account', ru: 'потеря клиента' },
  account: { en: 'account', ru: 'аккаунт' },
  noSuchAccount: { en: 'No such account.', ru: 'Такого аккаунта нет.' },
  noSuchMember: { en: 'Not a member of this workspace.', ru: 'Такого участника в пространстве нет.' },
  noSuchContact: {
    en: 'Choose one of the account’s contacts.',
    ru: 'Выберите контакт этого аккаунта.',
  },
  severityRequired: {
    en: 'A complaint or conflict needs a severity.',
    ru: 'Для жалобы или конфликта укажите серьёзность.',
  },
  move: {
    en: (p) => `A case that is ${nameOf(p.from, 'en')} cannot become ${nameOf(p.to, 'en')}.`,
    ru: (p) => `Обращение в статусе «${nameOf(p.from, 'ru')}» нельзя перевести в «${nameOf(p.to, 'ru')}».`,
  },
  resolutionRequired: { en: 'Say how it was resolved.', ru: 'Опишите, чем закончилось.' },
  rootCauseRequired: {
    en: 'Name the root cause to resolve the case.',
    ru: 'Чтобы закрыть обращение, укажите первопричину.',
  },
  scoreRequired: {
    en: 'Enter an NPS score (0–10), a CSAT score (1–5) or both.',
    ru: 'Укажите оценку NPS (0–10), CSAT (1–5) или обе.',
  },
  alreadyLost: {
    en: 'The account is already marked lost; undo that first to change it.',
    ru: 'Аккаунт уже отмечен как потерянный; чтобы изменить отметку, сначала отмените её.',
  },
  notLost: { en: 'The account is not marked lost.', ru: 'Аккаунт не отмечен как потерянный.' },
  loyaltyTier: { en: 'loyalty tier', ru: 'уровень программы лояльности' },
  tierNameTaken: { en: 'There is already a tier with this name.', ru: 'Уровень с таким названием уже есть.' },
  tierRankTaken: { en: 'Another tier has this rank.', ru: 'Такой ранг уже у другого уровня.' },
  rangeOrder: { en: 'The end comes before the start.', ru: 'Конец периода раньше начала.' },
} satisfies Record<string, LocalizedText>;
