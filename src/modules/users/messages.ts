import type { LocalizedText } from '../../platform/i18n/text';

export const userMessages = {
  user: { en: 'user', ru: 'пользователь' },
  emailTaken: { en: 'A user with this e-mail already exists.', ru: 'Пользователь с таким e-mail уже есть.' },
} satisfies Record<string, LocalizedText>;
