import type { LocalizedText } from '../../platform/i18n/text';

export const opportunityMessages = {
  offering: { en: 'offering', ru: 'продукт или услуга' },
  buyingCentre: { en: 'buying centre', ru: 'центр закупок' },
  stage: { en: 'pipeline stage', ru: 'этап воронки' },
  opportunity: { en: 'opportunity', ru: 'сделка' },
  account: { en: 'account', ru: 'аккаунт' },
  plan: { en: 'account plan', ru: 'план по аккаунту' },
  accountNotFound: { en: 'No such account.', ru: 'Такого аккаунта нет.' },
  offeringNotFound: { en: 'No such offering in the catalogue.', ru: 'Такого продукта или услуги нет в каталоге.' },
  offeringRetired: {
    en: 'This offering is retired; pick one that is still sold.',
    ru: 'Этот продукт снят с продажи; выберите действующий.',
  },
  centreNotFound: { en: 'No such buying centre on this account.', ru: 'У этого аккаунта нет такого центра закупок.' },
  stageNotFound: { en: 'No such stage in the pipeline.', ru: 'Такого этапа в воронке нет.' },
  notAMember: { en: 'Not a member of this workspace.', ru: 'Не участник этого пространства.' },
  notYourAccount: {
    en: 'Managers change opportunities and whitespace only of the accounts they own or are on the team of.',
    ru: 'Менеджер может менять сделки и карту возможностей только своих аккаунтов и аккаунтов, в команде которых он состоит.',
  },
  closed: {
    en: 'This opportunity is already won or lost; it cannot change stage any more.',
    ru: 'Сделка уже выиграна или проиграна; её этап больше не меняется.',
  },
  lostReasonRequired: {
    en: 'Say why the opportunity was lost.',
    ru: 'Укажите причину проигрыша.',
  },
  percent: { en: 'Must be a whole percent from 0 to 100.', ru: 'Укажите целое число процентов от 0 до 100.' },
  amount: {
    en: 'Must be a whole number of minor units from 0 to 10¹³.',
    ru: 'Укажите целое число копеек (центов) от 0 до 10¹³.',
  },
  centreTaken: {
    en: 'This child account is already a buying centre of the account.',
    ru: 'Эта дочерняя компания уже есть среди центров закупок аккаунта.',
  },
  stageOrder: {
    en: 'List every open stage exactly once; won and lost always close the pipeline.',
    ru: 'Перечислите каждый открытый этап ровно один раз; «выиграна» и «проиграна» всегда в конце воронки.',
  },
  monthOutsidePeriod: { en: 'This month is outside the plan’s period.', ru: 'Этот месяц вне периода плана.' },
} satisfies Record<string, LocalizedText>;

export const opportunityTypes = ['new_business', 'upsell', 'cross_sell', 'renewal'] as const;
export type OpportunityType = (typeof opportunityTypes)[number];
export const stageOutcomes = ['open', 'won', 'lost'] as const;
export type StageOutcome = (typeof stageOutcomes)[number];
export const buyingCentreKinds = ['division', 'function', 'region'] as const;
export type BuyingCentreKind = (typeof buyingCentreKinds)[number];
export const offeringKinds = ['product', 'service'] as const;
export type OfferingKind = (typeof offeringKinds)[number];

/** The pipeline a workspace starts with, in both languages, with default probabilities. */
export const defaultStages: readonly {
  key: string;
  titleEn: string;
  titleRu: string;
  probability: number;
  outcome: StageOutcome;
}[] = [
  { key: 'qualify', titleEn: 'Qualify', titleRu: 'Квалификация', probability: 10, outcome: 'open' },
  { key: 'discover', titleEn: 'Needs analysis', titleRu: 'Анализ потребностей', probability: 25, outcome: 'open' },
  { key: 'propose', titleEn: 'Proposal', titleRu: 'Коммерческое предложение', probability: 50, outcome: 'open' },
  { key: 'negotiate', titleEn: 'Negotiation', titleRu: 'Переговоры', probability: 75, outcome: 'open' },
  { key: 'won', titleEn: 'Won', titleRu: 'Выиграна', probability: 100, outcome: 'won' },
  { key: 'lost', titleEn: 'Lost', titleRu: 'Проиграна', probability: 0, outcome: 'lost' },
];

/** How whitespace states read in the PDF and elsewhere on the server. */
export const whitespaceStateNames: Record<string, LocalizedText> = {
  buying: { en: 'buying', ru: 'покупает' },
  opportunity: { en: 'opportunity', ru: 'сделка' },
  whitespace: { en: 'whitespace', ru: 'не покупает' },
  competitor: { en: 'competitor', ru: 'у конкурента' },
  not_applicable: { en: 'n/a', ru: 'неприменимо' },
};

/** Words of the plan PDF that the plans module's Markdown export does not have. */
export const planPdfWords = {
  version: { en: 'Version', ru: 'Версия' },
  objective: { en: 'Objective', ru: 'Цель' },
  action: { en: 'Action', ru: 'Действие' },
  status: { en: 'Status', ru: 'Статус' },
  whitespace: { en: 'Whitespace: buying centres × offerings', ru: 'Карта возможностей: центры закупок × предложения' },
  asOf: {
    en: 'As of {today}, not part of the approved version.',
    ru: 'По состоянию на {today}, не входит в утверждённую версию.',
  },
  buyingCentre: { en: 'Buying centre', ru: 'Центр закупок' },
  potential: { en: 'Potential', ru: 'Потенциал' },
  revenue: { en: 'Revenue', ru: 'Выручка' },
  total: { en: 'Total', ru: 'Итого' },
} satisfies Record<string, LocalizedText>;
