import type { LocalizedText } from '../../platform/i18n/text';

export const kpiMessages = {
  account: { en: 'account', ru: 'аккаунт' },
  metric: { en: 'metric', ru: 'метрика' },
  series: { en: 'series', ru: 'ряд' },
  finding: { en: 'finding', ru: 'находка' },
  target: { en: 'target', ru: 'цель' },
  metricKey: {
    en: 'A key starts with a Latin letter and holds only lower-case Latin letters, digits and _.',
    ru: 'Ключ начинается с латинской буквы и содержит только строчные латинские буквы, цифры и _.',
  },
  metricKeyTaken: {
    en: 'A metric with this key already exists.',
    ru: 'Метрика с таким ключом уже есть.',
  },
  unknownMetric: {
    en: 'There is no metric with this key in the catalogue.',
    ru: 'В каталоге нет метрики с таким ключом.',
  },
  metricInUse: {
    en: 'Series use this metric; delete them first.',
    ru: 'Эту метрику используют ряды; сначала удалите их.',
  },
  seriesExists: {
    en: 'This account already has a series of this metric and dimension.',
    ru: 'У аккаунта уже есть ряд этой метрики с таким измерением.',
  },
  pointTime: {
    en: 'Must be a date (2025-01-31) or a time with a zone (2025-01-31T09:00:00Z).',
    ru: 'Укажите дату (2025-01-31) или время с часовым поясом (2025-01-31T09:00:00Z).',
  },
  pointYear: {
    en: 'Must lie between the years 1900 and 2200.',
    ru: 'Дата должна лежать между 1900 и 2200 годами.',
  },
  duplicatePoint: {
    en: 'Another point of this upload has the same time.',
    ru: 'Другая точка этой загрузки имеет то же время.',
  },
  valueRange: {
    en: 'Must be a number between −10¹⁵ and 10¹⁵.',
    ru: 'Укажите число от −10¹⁵ до 10¹⁵.',
  },
  idempotencyKey: {
    en: 'An Idempotency-Key has 1 to 200 visible characters.',
    ru: 'Ключ идемпотентности — от 1 до 200 видимых символов.',
  },
  idempotencyReused: {
    en: 'This Idempotency-Key was already used for a different upload.',
    ru: 'Этот ключ идемпотентности уже использован для другой загрузки.',
  },
  rangeOrder: {
    en: 'The end must not be before the start.',
    ru: 'Конец не может быть раньше начала.',
  },
  findingDecided: {
    en: 'This finding was already turned into a follow-up.',
    ru: 'По этой находке уже создано следующее действие.',
  },
  notAMember: {
    en: 'This person is not a member of the workspace.',
    ru: 'Этот человек не состоит в рабочем пространстве.',
  },
  targetExists: {
    en: 'This series already has a target starting on that date.',
    ru: 'У ряда уже есть цель, начинающаяся в этот день.',
  },
  derivedSeriesReadOnly: {
    en: 'The series “{nameEn}{dimension}” is computed from {module} data: points cannot be uploaded into it.',
    ru: 'Ряд «{nameRu}{dimension}» вычисляется из данных модуля {module}: загружать в него точки нельзя.',
  },
  derivedSeriesKept: {
    en: 'This series is computed from {module} data and kept up to date by Accord: it cannot be deleted.',
    ru: 'Этот ряд вычисляется из данных модуля {module} и обновляется Accord: удалить его нельзя.',
  },
  followUpSubject: {
    en: 'KPI anomaly: {metric}',
    ru: 'Аномалия KPI: {metric}',
  },
} satisfies Record<string, LocalizedText>;
