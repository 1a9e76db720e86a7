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
  noSuchAccount: { en: 'No such account.', ru: 'Такого аккаунта нет.' },
  noSuchMember: { en: 'Not a member of this workspace.', ru: 'Такого участника в пространстве нет.' },
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
} satisfies Record<string, LocalizedText>;
