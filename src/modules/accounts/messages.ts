import type { LocalizedText } from '../../platform/i18n/text';

export const accountMessages = {
  account: { en: 'account', ru: 'аккаунт' },
  taxIdFormat: {
    en: 'A tax id holds only digits and Latin letters.',
    ru: 'ИНН (налоговый номер) может содержать только цифры и латинские буквы.',
  },
  innChecksum: {
    en: 'This INN has a wrong check digit: check it for typos.',
    ru: 'У этого ИНН неверная контрольная цифра: проверьте, нет ли опечатки.',
  },
  websiteFormat: { en: 'Must be a web address such as romashka.ru.', ru: 'Укажите адрес сайта, например romashka.ru.' },
  teamDuplicate: { en: 'A person can be on the team only once.', ru: 'Человек может быть в команде только один раз.' },
  ownerNotMember: {
    en: 'The owner must be a member of this workspace.',
    ru: 'Ответственный должен быть участником этого рабочего пространства.',
  },
  teamMemberNotMember: {
    en: 'Team members must be members of this workspace.',
    ru: 'В команду можно добавить только участников этого рабочего пространства.',
  },
  parentNotFound: { en: 'The parent account does not exist.', ru: 'Родительский аккаунт не найден.' },
  parentCycle: {
    en: 'An account cannot sit under itself or under one of its own subsidiaries.',
    ru: 'Аккаунт не может быть подчинён самому себе или своей дочерней компании.',
  },
} satisfies Record<string, LocalizedText>;
