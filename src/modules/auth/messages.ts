import type { LocalizedText } from '../../platform/i18n/text';

export const authMessages = {
  invalidCredentials: { en: 'Wrong e-mail or password.', ru: 'Неверный e-mail или пароль.' },
  tooManyAttempts: {
    en: 'Too many failed sign-in attempts. Try again in {minutes} min.',
    ru: 'Слишком много неудачных попыток входа. Повторите через {minutes} мин.',
  },
  noWorkspace: {
    en: 'You are not a member of any workspace. Ask an admin to add you.',
    ru: 'Вы не состоите ни в одном рабочем пространстве. Попросите администратора добавить вас.',
  },
  notMemberOfWorkspace: {
    en: 'You are not a member of this workspace.',
    ru: 'Вы не участник этого рабочего пространства.',
  },
  wrongCurrentPassword: { en: 'The current password is wrong.', ru: 'Текущий пароль указан неверно.' },
  samePassword: {
    en: 'The new password must differ from the current one.',
    ru: 'Новый пароль должен отличаться от текущего.',
  },
  invalidToken: {
    en: 'The API token is invalid, expired or revoked.',
    ru: 'API-токен недействителен, истёк или отозван.',
  },
  malformedAuthorization: {
    en: 'The Authorization header must be "Bearer <token>".',
    ru: 'Заголовок Authorization должен иметь вид «Bearer <токен>».',
  },
  apiToken: { en: 'API token', ru: 'API-токен' },
  tokenBoundToWorkspace: {
    en: 'An API token belongs to one workspace; sign in to switch.',
    ru: 'API-токен привязан к одному рабочему пространству; чтобы переключиться, войдите в систему.',
  },
} satisfies Record<string, LocalizedText>;
