import type { Translation } from './en';

/** Russian texts of whitespace and opportunities. */
export const opportunitiesRu: Translation['opportunities'] = {
  whitespace: 'Карта возможностей',
  fromHierarchy: 'Добавить центры закупок из дочерних компаний',
  noMatrix: 'Пока нет центров закупок или предложений.',
  buyingCentre: 'Центр закупок',
  totalPotential: 'Потенциал, итого',
  total: 'Итого',
  linked: 'Сделок: {{count}}',
  createFor: 'Создать сделку: {{cell}}',
  states: {
    buying: 'Покупает',
    opportunity: 'Сделка',
    whitespace: 'Не покупает',
    competitor: 'У конкурента',
    not_applicable: 'Неприменимо',
  },
  create: 'Новая сделка',
  createButton: 'Создать',
  titleField: 'Название',
  type: 'Тип',
  types: { new_business: 'Новый бизнес', upsell: 'Допродажа', cross_sell: 'Кросс-продажа', renewal: 'Продление' },
  amount: 'Сумма',
  expectedClose: 'Ожидаемое закрытие',
  board: 'Воронка',
  closes: 'Закрытие {{date}} · {{probability}} %',
  moveTo: 'Этап сделки «{{title}}»',
  lostReason: 'Почему сделка проиграна?',
  pdf: 'Скачать PDF',
};
