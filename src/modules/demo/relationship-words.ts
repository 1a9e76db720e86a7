import type { InteractionKind } from '../../analytics/relationships/terms';

/** What the demo's interactions say, in one language. */
export type RelationshipWords = {
  subjects: Record<InteractionKind, readonly string[]>;
  summaries: readonly string[];
  outcomes: readonly string[];
  nextSteps: readonly string[];
  locations: readonly string[];
  stakeholderNotes: readonly string[];
  linkNotes: readonly string[];
};

const ru: RelationshipWords = {
  subjects: {
    meeting: [
      'Встреча по итогам квартала',
      'Знакомство с новым директором',
      'Обсуждение плана поставок',
      'Стратегическая сессия',
      'Рабочая встреча по проекту',
      'Встреча на объекте клиента',
    ],
    negotiation: [
      'Переговоры по условиям договора',
      'Согласование цен на следующий год',
      'Переговоры о скидке за объём',
      'Обсуждение условий оплаты',
    ],
    presentation: [
      'Презентация нового решения',
      'Демонстрация пилотного проекта',
      'Презентация результатов внедрения',
      'Презентация для совета директоров',
    ],
    call: ['Звонок по статусу поставки', 'Созвон по рекламации', 'Звонок по продлению договора', 'Короткий созвон'],
    email: ['Коммерческое предложение', 'Письмо с итогами встречи', 'Ответ на запрос цен', 'Отчёт по проекту'],
    messenger: ['Переписка в Telegram', 'Уточнения в WhatsApp', 'Согласование деталей в мессенджере'],
    note: ['Заметка о смене руководства', 'Наблюдение после выставки', 'Слух о тендере', 'Заметка о бюджете'],
  },
  summaries: [
    'Обсудили объёмы на следующий квартал и сроки поставок.',
    'Клиент недоволен сроками последней отгрузки, попросил компенсацию.',
    'Рассказали о новом продукте, интерес высокий у технической службы.',
    'Обсудили бюджет на следующий год: вероятно сокращение на 10%.',
    'Клиент рассматривает альтернативного поставщика.',
    'Согласовали план пилотного проекта на два месяца.',
    'Финансовый директор просит отсрочку платежа до 60 дней.',
    'Обсудили результаты внедрения, экономия подтверждена.',
  ],
  outcomes: [
    'Договорились о пилоте',
    'Получили запрос на КП',
    'Решение отложено до следующего квартала',
    'Согласовали цены',
    'Нужна встреча с генеральным директором',
    'Клиент подтвердил продление',
  ],
  nextSteps: [
    'Отправить коммерческое предложение',
    'Подготовить проект договора',
    'Согласовать встречу с генеральным директором',
    'Направить отчёт по пилоту',
    'Уточнить бюджет у финансового директора',
    'Организовать визит на производство',
    'Подготовить презентацию для совета директоров',
  ],
  locations: ['Офис клиента', 'Наш офис', 'Видеосвязь', 'Производственная площадка клиента', 'Выставка'],
  stakeholderNotes: [
    'Решения принимает после обсуждения с финансовым директором.',
    'Ценит конкретные цифры и короткие встречи.',
    'Давно работает с конкурентом, настроен скептически.',
    'Готов рекомендовать нас внутри компании.',
    'Предпочитает общение в Telegram.',
  ],
  linkNotes: ['Давние коллеги', 'Спор о бюджете', 'Бывший руководитель', 'Конфликт из-за проекта'],
};

const en: RelationshipWords = {
  subjects: {
    meeting: [
      'Quarterly business review',
      'Introduction to the new director',
      'Supply plan discussion',
      'Strategy session',
      'Project working meeting',
      'Site visit',
    ],
    negotiation: [
      'Contract terms negotiation',
      'Pricing for next year',
      'Volume discount negotiation',
      'Payment terms discussion',
    ],
    presentation: [
      'New solution presentation',
      'Pilot project demo',
      'Implementation results presentation',
      'Board presentation',
    ],
    call: ['Delivery status call', 'Call about a complaint', 'Renewal call', 'Quick check-in'],
    email: ['Commercial proposal', 'Meeting follow-up', 'Reply to a price request', 'Project report'],
    messenger: ['Slack thread', 'WhatsApp follow-up', 'Details agreed in chat'],
    note: ['Leadership change', 'Notes from the trade show', 'Rumour of a tender', 'Budget note'],
  },
  summaries: [
    'Discussed next quarter volumes and delivery dates.',
    'The customer is unhappy with the last delivery and asked for compensation.',
    'Presented the new product; strong interest from engineering.',
    'Discussed next year’s budget: likely a 10% cut.',
    'The customer is considering another supplier.',
    'Agreed a two-month pilot plan.',
    'The CFO asks for 60-day payment terms.',
    'Reviewed implementation results; savings confirmed.',
  ],
  outcomes: [
    'Pilot agreed',
    'Asked for a proposal',
    'Decision postponed to next quarter',
    'Prices agreed',
    'Need a meeting with the CEO',
    'Renewal confirmed',
  ],
  nextSteps: [
    'Send the commercial proposal',
    'Draft the contract',
    'Set up a meeting with the CEO',
    'Send the pilot report',
    'Confirm the budget with the CFO',
    'Arrange a plant visit',
    'Prepare the board presentation',
  ],
  locations: ['Customer office', 'Our office', 'Video call', 'Customer plant', 'Trade show'],
  stakeholderNotes: [
    'Decides only after talking to the CFO.',
    'Values hard numbers and short meetings.',
    'Long-time customer of a competitor; sceptical.',
    'Ready to recommend us internally.',
    'Prefers to talk on WhatsApp.',
  ],
  linkNotes: ['Old colleagues', 'Budget dispute', 'Former manager', 'Conflict over a project'],
};

export const relationshipWords: Record<'ru' | 'en', RelationshipWords> = { ru, en };
