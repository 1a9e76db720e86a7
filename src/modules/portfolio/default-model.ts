import type { Criterion, PortfolioModelDefinition } from './schemas';

type Anchors = [number, string, string][];

function rating(
  key: string,
  weight: number,
  label: [string, string],
  description: [string, string],
  anchors: Anchors,
): Criterion {
  return {
    key,
    label: { en: label[0], ru: label[1] },
    description: { en: description[0], ru: description[1] },
    weight,
    source: {
      kind: 'rating',
      min: 1,
      max: 10,
      anchors: anchors.map(([value, en, ru]) => ({ value, label: { en, ru } })),
    },
  };
}

const attractiveness: Criterion[] = [
  rating(
    'volume_potential',
    30,
    ['Volume and growth potential', 'Объём и потенциал роста'],
    [
      'How much the customer could buy from us in the next years, not what they buy today.',
      'Сколько клиент может покупать у нас в ближайшие годы — а не сколько покупает сейчас.',
    ],
    [
      [1, 'Small spend in our categories, no growth expected', 'Малые закупки в наших категориях, роста не ждём'],
      [4, 'Moderate spend, slow growth', 'Умеренные закупки, медленный рост'],
      [7, 'Large spend or fast growth', 'Крупные закупки или быстрый рост'],
      [
        10,
        'One of the largest buyers in our market, growing fast',
        'Один из крупнейших покупателей рынка, быстро растёт',
      ],
    ],
  ),
  rating(
    'profit_potential',
    20,
    ['Profit potential', 'Потенциал прибыли'],
    ['The margins we could earn with this customer.', 'Какую маржу мы можем зарабатывать с этим клиентом.'],
    [
      [1, 'Buys on price alone; margins below our average', 'Покупает только по цене, маржа ниже средней'],
      [5, 'Average margins', 'Средняя маржа'],
      [10, 'Values more than price; margins well above average', 'Ценит не только цену, маржа заметно выше средней'],
    ],
  ),
  rating(
    'strategic_fit',
    20,
    ['Strategic fit', 'Стратегическое соответствие'],
    [
      'How well their needs match what we offer and where we are going.',
      'Насколько их потребности совпадают с нашим предложением и направлением развития.',
    ],
    [
      [1, 'Needs outside what we do or plan to do', 'Потребности вне того, что мы делаем или планируем'],
      [5, 'Partly matches our offer and direction', 'Частично совпадает с нашим предложением и планами'],
      [
        10,
        'Exactly the customers our strategy aims at; a reference',
        'Ровно те клиенты, на которых нацелена стратегия; референс',
      ],
    ],
  ),
  rating(
    'wallet_headroom',
    15,
    ['Share-of-wallet headroom', 'Резерв доли кошелька'],
    [
      'How much of their spend in our categories still goes to others.',
      'Какая часть их закупок в наших категориях пока уходит другим.',
    ],
    [
      [1, 'We already have almost all of their spend', 'У нас уже почти все их закупки'],
      [5, 'About half of their spend could still be ours', 'Ещё около половины закупок может стать нашей'],
      [
        10,
        'Most of their spend in our categories goes elsewhere',
        'Большая часть закупок в наших категориях уходит другим',
      ],
    ],
  ),
  rating(
    'ease_of_business',
    15,
    ['Ease of doing business', 'Простота работы'],
    ['Decisions, payment discipline, openness.', 'Скорость решений, платёжная дисциплина, открытость.'],
    [
      [1, 'Slow decisions, late payments, constant disputes', 'Долгие решения, просрочки оплаты, постоянные споры'],
      [5, 'Usual procurement; pays on time most of the time', 'Обычные закупки; чаще всего платит вовремя'],
      [
        10,
        'Open, quick decisions, pays on time, shares plans',
        'Открыт, быстро решает, платит вовремя, делится планами',
      ],
    ],
  ),
];

const strengthRatings: Criterion[] = [
  rating(
    'share_of_wallet',
    25,
    ['Our share of wallet', 'Наша доля кошелька'],
    [
      'The part of their spend in our categories that comes to us.',
      'Доля их закупок в наших категориях, которая приходится на нас.',
    ],
    [
      [1, 'We sell them nothing or almost nothing', 'Мы им почти ничего не продаём'],
      [5, 'About a third of their spend in our categories', 'Около трети их закупок в наших категориях'],
      [10, 'Preferred or sole supplier', 'Предпочтительный или единственный поставщик'],
    ],
  ),
  rating(
    'satisfaction',
    20,
    ['Customer satisfaction', 'Удовлетворённость клиента'],
    ['How the customer feels about working with us.', 'Как клиент относится к работе с нами.'],
    [
      [1, 'Open complaints; looking at alternatives', 'Открытые претензии, ищет альтернативы'],
      [5, 'Satisfied, without strong feelings', 'Доволен, без особых эмоций'],
      [10, 'Promoter: recommends us and asks us first', 'Сторонник: рекомендует нас и обращается первым'],
    ],
  ),
  rating(
    'supplier_position',
    20,
    ['Position against competitors', 'Позиция против конкурентов'],
    [
      'Our standing as a supplier compared with the alternatives.',
      'Наше положение как поставщика в сравнении с альтернативами.',
    ],
    [
      [1, 'Not on their list of suppliers', 'Нас нет в их списке поставщиков'],
      [5, 'One of several approved suppliers', 'Один из нескольких утверждённых поставщиков'],
      [10, 'Strategic partner; competitors shut out', 'Стратегический партнёр, конкуренты не допускаются'],
    ],
  ),
  rating(
    'track_record',
    15,
    ['Track record together', 'История сотрудничества'],
    ['What we have delivered for them so far.', 'Что мы уже сделали для клиента.'],
    [
      [1, 'New: nothing delivered yet', 'Новый клиент, поставок ещё не было'],
      [5, 'A few years and some successful projects', 'Несколько лет и ряд успешных проектов'],
      [10, 'A long history of successful joint work', 'Долгая история успешной совместной работы'],
    ],
  ),
];

/**
 * Relationship depth: the relationship map's strength when that module offers it, else how many of
 * the customer's people we know — a formula criterion either way, so the default shows both kinds.
 */
function relationshipDepth(offered: ReadonlySet<string>): Criterion {
  const fromMap = offered.has('relationships.strength');
  return {
    key: 'relationship_depth',
    label: { en: 'Relationship depth', ru: 'Глубина отношений' },
    description: fromMap
      ? {
          en: 'From the relationship map: how many of their decision makers we know, and how well.',
          ru: 'По карте отношений: скольких из лиц, принимающих решения, мы знаем и насколько хорошо.',
        }
      : {
          en: 'How many of the customer’s people we know: 25 or more is a deep relationship.',
          ru: 'Сколько сотрудников клиента мы знаем: от 25 человек — глубокие отношения.',
        },
    weight: 20,
    source: fromMap
      ? { kind: 'fact', fact: 'relationships.strength', low: 0, high: 100 }
      : { kind: 'fact', fact: 'contacts.count', low: 1, high: 25 },
  };
}

/**
 * The model a workspace starts with, after McDonald and Woodburn's key-account selection matrix:
 * customer attractiveness against our relationship strength, thresholds at 50, the four postures,
 * and a cap of 100 key accounts. `offeredFacts` are the keys of the facts Accord can read today.
 */
export function defaultPortfolioModel(offeredFacts: ReadonlySet<string>): PortfolioModelDefinition {
  return {
    attractiveness,
    strength: [strengthRatings[0] as Criterion, relationshipDepth(offeredFacts), ...strengthRatings.slice(1)],
    thresholds: { attractiveness: 50, strength: 50 },
    postures: {
      strategic: {
        en: 'Invest mindshare and ensure profitability: senior sponsorship, joint planning, protect the relationship.',
        ru: 'Вкладывать внимание руководства и обеспечивать прибыльность: спонсор со стороны руководства, совместное планирование, защита отношений.',
      },
      star: {
        en: 'Invest time and money to build the relationship; the account need not be profitable yet.',
        ru: 'Вкладывать время и деньги в развитие отношений; прибыльность пока не обязательна.',
      },
      status: {
        en: 'Maintain the status quo and serve efficiently; do not over-invest.',
        ru: 'Поддерживать статус-кво и обслуживать эффективно, не вкладывая лишнего.',
      },
      streamline: {
        en: 'Manage for profitability: cut the cost to serve.',
        ru: 'Управлять ради прибыльности: снижать стоимость обслуживания.',
      },
    },
    keyAccountCap: 100,
  };
}
