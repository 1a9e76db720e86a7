import type { LocalizedText } from '../../platform/i18n/text';

export const workspaceMessages = {
  workspace: { en: 'workspace', ru: 'рабочее пространство' },
  member: { en: 'member', ru: 'участник' },
  alreadyMember: {
    en: 'This person is already a member of the workspace.',
    ru: 'Этот человек уже участник рабочего пространства.',
  },
  nameRequiredForNewUser: {
    en: 'There is no user with this e-mail yet: give their name to create one.',
    ru: 'Пользователя с таким e-mail ещё нет: укажите имя, чтобы создать его.',
  },
  lastAdmin: {
    en: 'A workspace needs at least one admin. Make someone else an admin first.',
    ru: 'В рабочем пространстве должен остаться хотя бы один администратор. Сначала назначьте администратором другого участника.',
  },
  ownsAccounts: {
    en: 'This member owns {count} accounts. Choose who takes them over.',
    ru: 'Этот участник отвечает за аккаунты ({count}). Выберите, кому их передать.',
  },
  reassignToNotMember: {
    en: 'The person to take over must be another member of this workspace.',
    ru: 'Передать можно только другому участнику этого рабочего пространства.',
  },
} satisfies Record<string, LocalizedText>;
