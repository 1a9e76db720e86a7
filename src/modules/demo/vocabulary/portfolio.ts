/** What people write in the portfolio: rating comments, nominations, decisions, reviews. */
export type PortfolioWords = {
  /** Comments on a rating, by how it went: high (8–10), middling (4–7), low (1–3). */
  comments: { high: readonly string[]; middle: readonly string[]; low: readonly string[] };
  justifications: readonly string[];
  /** The reason a nomination rests on tenure rather than potential (the head gets a warning). */
  tenureJustification: string;
  approvals: readonly string[];
  rejections: readonly string[];
  demotions: readonly string[];
  modelNote: string;
  reviewNames: { annual: (year: number) => string; halfYear: (year: number) => string };
  reviewNotes: readonly string[];
};

const russian: PortfolioWords = {
  comments: {
    high: [
      'Подтверждено на встрече с директором по закупкам.',
      'Бюджет на следующий год согласован, рост заложен.',
      'Сильная позиция: нас зовут на все тендеры первыми.',
      'Клиент сам предложил расширить сотрудничество.',
    ],
    middle: [
      'Оценка по итогам квартального обзора.',
      'Есть потенциал, но решения принимаются медленно.',
      'Делят закупки между нами и одним конкурентом.',
      'Нужно подтвердить на следующей встрече.',
    ],
    low: [
      'Закупают в основном по цене.',
      'Лицо, принимающее решения, нам не знакомо.',
      'Были претензии по срокам поставки.',
      'Бюджет урезан на этот год.',
    ],
  },
  justifications: [
    'Строят новый завод: закупки в нашей категории вырастут втрое за два года.',
    'Выходят в новые регионы, ищут поставщика на всю сеть.',
    'Генеральный директор лично инициировал стратегическое партнёрство.',
    'Наша доля кошелька пока мала, но потребность большая и растёт.',
    'Стратегически важный референс в отрасли, готовы к совместным проектам.',
  ],
  tenureJustification: 'Работаем вместе больше десяти лет, клиент всегда платит вовремя.',
  approvals: [
    'Согласовано, план аккаунта — к концу месяца.',
    'Да, назначить спонсора со стороны руководства.',
    'Одобрено.',
  ],
  rejections: [
    'Потенциал невысок: стаж отношений — не критерий. Вернёмся после обзора.',
    'Сначала нужна встреча с ЛПР и подтверждённый бюджет.',
  ],
  demotions: [
    'Проиграли рамочный договор конкуренту, закупки сократились вдвое.',
    'Клиент сменил стратегию и уходит из нашей категории.',
  ],
  modelNote: 'После годового обзора: больше веса потенциалу роста, меньше — простоте работы.',
  reviewNames: {
    annual: (year) => `Годовой обзор портфеля ${year}`,
    halfYear: (year) => `Полугодовой обзор ${year}`,
  },
  reviewNotes: ['Пересмотрены оценки всех ключевых аккаунтов.', 'Проверка портфеля перед планированием бюджета.'],
};

const english: PortfolioWords = {
  comments: {
    high: [
      'Confirmed in a meeting with their procurement director.',
      'Next year’s budget is approved with growth built in.',
      'Strong position: we are invited first to every tender.',
      'They proposed widening the partnership themselves.',
    ],
    middle: [
      'Rated at the quarterly business review.',
      'There is potential, but decisions are slow.',
      'They split spend between us and one competitor.',
      'To confirm at the next meeting.',
    ],
    low: [
      'They buy mostly on price.',
      'We do not know the decision maker.',
      'There were complaints about delivery times.',
      'Their budget was cut this year.',
    ],
  },
  justifications: [
    'Building a new plant: spend in our category triples within two years.',
    'Expanding into new regions and looking for one supplier for the whole network.',
    'The CEO personally started a strategic partnership with us.',
    'Our share of wallet is small, but their need is large and growing.',
    'A strategic reference in the industry, open to joint projects.',
  ],
  tenureJustification: 'We have worked together for more than ten years and they always pay on time.',
  approvals: ['Agreed; account plan by the end of the month.', 'Yes — assign an executive sponsor.', 'Approved.'],
  rejections: [
    'Potential is low: tenure is not a criterion. Let us revisit after the review.',
    'First we need a meeting with the decision maker and a confirmed budget.',
  ],
  demotions: [
    'Lost the framework agreement to a competitor; spend halved.',
    'The customer changed strategy and is leaving our category.',
  ],
  modelNote: 'After the annual review: more weight on growth potential, less on ease of doing business.',
  reviewNames: {
    annual: (year) => `Annual portfolio review ${year}`,
    halfYear: (year) => `Half-year review ${year}`,
  },
  reviewNotes: ['All key accounts re-rated.', 'Portfolio check before budget planning.'],
};

export function portfolioWordsFor(locale: 'ru' | 'en'): PortfolioWords {
  return locale === 'ru' ? russian : english;
}
