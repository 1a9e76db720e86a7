import type { LocalizedText } from '../../platform/i18n/text';

export const contactMessages = {
  contact: { en: 'contact', ru: 'контакт' },
  account: { en: 'account', ru: 'аккаунт' },
  phoneFormat: {
    en: 'A phone number holds 5 to 20 digits, and may use + ( ) - and spaces.',
    ru: 'Номер телефона содержит от 5 до 20 цифр и может включать + ( ) - и пробелы.',
  },
  accountNotFound: { en: 'The account does not exist.', ru: 'Аккаунт не найден.' },
  reportsToNotFound: {
    en: 'The manager is not a contact of this account.',
    ru: 'Руководитель не является контактом этого аккаунта.',
  },
  reportsToCycle: {
    en: 'A person cannot report to themselves or to someone who reports to them.',
    ru: 'Человек не может подчиняться самому себе или своему подчинённому.',
  },
} satisfies Record<string, LocalizedText>;
