import type { ModelProblemCode } from '../../analytics/scoring';
import type { LocalizedText } from '../../platform/i18n/text';

/** Why a scoring model is refused, by the rule it breaks (the field is named by the error's path). */
export const modelProblemMessages: Record<ModelProblemCode, LocalizedText> = {
  noCriteria: {
    en: 'Add at least one criterion to this axis.',
    ru: 'Добавьте в эту ось хотя бы один критерий.',
  },
  negativeWeight: { en: 'A weight cannot be negative.', ru: 'Вес не может быть отрицательным.' },
  weightNotFinite: { en: 'A weight must be a finite number.', ru: 'Вес должен быть конечным числом.' },
  allWeightsZero: {
    en: 'At least one criterion of this axis needs a weight above zero.',
    ru: 'Хотя бы у одного критерия этой оси вес должен быть больше нуля.',
  },
  emptyScale: {
    en: 'The top of the scale must be above its bottom.',
    ru: 'Верх шкалы должен быть больше её низа.',
  },
  emptyRange: {
    en: 'The upper value of the range must be above the lower one.',
    ru: 'Верхнее значение диапазона должно быть больше нижнего.',
  },
  duplicateKey: {
    en: 'Another criterion already has this key.',
    ru: 'Такой ключ уже есть у другого критерия.',
  },
  thresholdOutOfRange: { en: 'A threshold lies between 0 and 100.', ru: 'Порог должен быть от 0 до 100.' },
};

export const portfolioMessages = {
  account: { en: 'account', ru: 'аккаунт' },
  designation: { en: 'designation', ru: 'назначение' },
  review: { en: 'review', ru: 'обзор портфеля' },
  modelVersion: { en: 'model version', ru: 'версия модели' },
  criterionKey: {
    en: 'A key starts with a Latin letter and holds only lower-case Latin letters, digits and _.',
    ru: 'Ключ начинается с латинской буквы и содержит только строчные латинские буквы, цифры и _.',
  },
  anchorOffScale: {
    en: 'An anchor must name a level within the scale.',
    ru: 'Описание должно относиться к уровню внутри шкалы.',
  },
  anchorDuplicate: {
    en: 'This level already has a description.',
    ru: 'У этого уровня уже есть описание.',
  },
  unknownFact: {
    en: 'Accord offers no such data: choose one of the listed sources.',
    ru: 'Таких данных в Accord нет: выберите один из предложенных источников.',
  },
  capBelowKeyAccounts: {
    en: 'There are already {count} key accounts: demote some first, or set a cap of at least {count}.',
    ru: 'Ключевых аккаунтов уже {count}: сначала понизьте часть из них или задайте предел не меньше {count}.',
  },
  ratingsDuplicate: {
    en: 'Each criterion can be rated only once per change.',
    ru: 'Каждый критерий можно оценить только один раз за изменение.',
  },
  notARatingCriterion: {
    en: 'The current model has no manual criterion with this key.',
    ru: 'В текущей модели нет ручного критерия с таким ключом.',
  },
  ratingOffScale: {
    en: 'The rating must be a whole number from {min} to {max}.',
    ru: 'Оценка должна быть целым числом от {min} до {max}.',
  },
  notYourAccount: {
    en: 'You can rate and nominate only the accounts you own or are on the team of.',
    ru: 'Оценивать и номинировать можно только аккаунты, за которые вы отвечаете или в команде которых состоите.',
  },
  alreadyKey: { en: 'This account is already a key account.', ru: 'Этот аккаунт уже ключевой.' },
  notKey: { en: 'Only a key account can be demoted.', ru: 'Понизить можно только ключевой аккаунт.' },
  nominationPending: {
    en: 'This account already has a nomination waiting for a decision.',
    ru: 'По этому аккаунту уже есть номинация, ожидающая решения.',
  },
  notPending: {
    en: 'This nomination has already been decided.',
    ru: 'По этой номинации уже принято решение.',
  },
  capReached: {
    en: 'The workspace already has {count} key accounts, its cap of {cap}. Demote one, or raise the cap in the portfolio model, before making another.',
    ru: 'В рабочем пространстве уже {count} ключевых аккаунтов — это предел ({cap}). Чтобы добавить ещё один, понизьте какой-либо аккаунт или поднимите предел в модели портфеля.',
  },
  compareSameReview: {
    en: 'Choose two different reviews to compare.',
    ru: 'Выберите для сравнения два разных обзора.',
  },
  unknownSize: {
    en: 'Bubble size must be a fact (fact:<key>) or a criterion (criterion:<key>) of the model.',
    ru: 'Размер пузырька задаётся фактом (fact:<ключ>) или критерием модели (criterion:<ключ>).',
  },
} satisfies Record<string, LocalizedText>;

/** A number as Russian writes it: a decimal comma. */
const russianNumber = (value: string | number | undefined) => String(value ?? '—').replace('.', ',');

/** What the head is told about a nomination, by warning code. */
export const nominationWarningMessages = {
  low_attractiveness: {
    en: 'Attractiveness is {score}, below the threshold of {threshold}. Choose key accounts for their potential, not for tenure or current revenue.',
    ru: ({ score, threshold }) =>
      `Привлекательность — ${russianNumber(score)}, ниже порога ${russianNumber(threshold)}. Ключевыми делают за потенциал, а не за стаж отношений или текущую выручку.`,
  },
  attractiveness_unknown: {
    en: 'Attractiveness is not scored yet: rate the account first, so the decision rests on its potential.',
    ru: 'Привлекательность ещё не оценена: сначала оцените аккаунт, чтобы решение опиралось на его потенциал.',
  },
  attractiveness_incomplete: {
    en: 'Attractiveness is provisional: some of its criteria are not rated yet.',
    ru: 'Привлекательность предварительная: часть критериев ещё не оценена.',
  },
  cap_reached: {
    en: 'The cap of key accounts is reached: approving needs a demotion or a higher cap first.',
    ru: 'Предел числа ключевых аккаунтов достигнут: для одобрения сначала понизьте другой аккаунт или поднимите предел.',
  },
} satisfies Record<string, LocalizedText>;
export type NominationWarning = keyof typeof nominationWarningMessages;
export const nominationWarnings = Object.keys(nominationWarningMessages) as NominationWarning[];

/** Column headings and values of the CSV export. */
export const exportMessages = {
  name: { en: 'Account', ru: 'Аккаунт' },
  owner: { en: 'Owner', ru: 'Ответственный' },
  status: { en: 'Status', ru: 'Статус' },
  industry: { en: 'Industry', ru: 'Отрасль' },
  attractiveness: { en: 'Attractiveness', ru: 'Привлекательность' },
  strength: { en: 'Relationship strength', ru: 'Сила отношений' },
  quadrant: { en: 'Quadrant', ru: 'Квадрант' },
  complete: { en: 'Score complete', ru: 'Оценка полная' },
  missing: { en: 'Missing criteria', ru: 'Не хватает критериев' },
  size: { en: 'Bubble size', ru: 'Размер пузырька' },
  yes: { en: 'yes', ru: 'да' },
  no: { en: 'no', ru: 'нет' },
} satisfies Record<string, LocalizedText>;

export const quadrantNames = {
  strategic: { en: 'Strategic', ru: 'Стратегический' },
  star: { en: 'Star', ru: 'Звезда' },
  status: { en: 'Status', ru: 'Статус-кво' },
  streamline: { en: 'Streamline', ru: 'Оптимизация' },
} satisfies Record<string, LocalizedText>;

export const accountStatusNames = {
  prospect: { en: 'Prospect', ru: 'Потенциальный' },
  active: { en: 'Active', ru: 'Активный' },
  key: { en: 'Key', ru: 'Ключевой' },
  at_risk: { en: 'At risk', ru: 'Под угрозой' },
  lost: { en: 'Lost', ru: 'Потерян' },
} satisfies Record<string, LocalizedText>;
