import type { LocalizedText } from '../../platform/i18n/text';

/** How plan statuses read in messages and in the Markdown export. */
export const statusNames: Record<string, LocalizedText> = {
  draft: { en: 'draft', ru: 'черновик' },
  in_review: { en: 'in review', ru: 'на согласовании' },
  approved: { en: 'approved', ru: 'утверждён' },
};

/** How workflow actions read inside «A plan that is {from} cannot be {action}». */
export const actionWords: Record<string, LocalizedText> = {
  edit: { en: 'changed (only a draft can)', ru: 'изменить (можно только черновик)' },
  submit: { en: 'submitted for review (only a draft can)', ru: 'отправить на согласование (можно только черновик)' },
  approve: { en: 'approved (only one in review can)', ru: 'утвердить (можно только план на согласовании)' },
  return: { en: 'returned (only one in review can)', ru: 'вернуть на доработку (можно только план на согласовании)' },
  reopen: { en: 'reopened (only an approved one can)', ru: 'открыть для изменений (можно только утверждённый)' },
};

function wordOf(words: Record<string, LocalizedText>, key: string | number | undefined, locale: 'en' | 'ru'): string {
  const template = words[String(key)]?.[locale];
  return typeof template === 'string' ? template : String(key);
}

export const planMessages = {
  plan: { en: 'account plan', ru: 'план по аккаунту' },
  account: { en: 'account', ru: 'аккаунт' },
  section: { en: 'plan section', ru: 'раздел плана' },
  version: { en: 'plan version', ru: 'версия плана' },
  accountNotFound: { en: 'No such account.', ru: 'Такого аккаунта нет.' },
  periodOrder: { en: 'The end must not be before the start.', ru: 'Окончание не может быть раньше начала.' },
  periodTaken: {
    en: 'This account already has a plan starting on this date.',
    ru: 'У этого аккаунта уже есть план, начинающийся с этой даты.',
  },
  nextPeriodTaken: {
    en: 'The next period’s plan already exists.',
    ru: 'План на следующий период уже есть.',
  },
  transitionRefused: {
    en: (p) => `A plan that is ${wordOf(statusNames, p.from, 'en')} cannot be ${wordOf(actionWords, p.action, 'en')}.`,
    ru: (p) => `План в статусе «${wordOf(statusNames, p.from, 'ru')}» нельзя ${wordOf(actionWords, p.action, 'ru')}.`,
  },
  notYourAccount: {
    en: 'Managers change plans only of the accounts they own or are on the team of.',
    ru: 'Менеджер может менять планы только своих аккаунтов и аккаунтов, в команде которых он состоит.',
  },
  sectionNotOnPlan: { en: 'This section is not on the plan.', ru: 'Этого раздела нет в плане.' },
  unknownId: {
    en: 'No such item on this plan; leave the id out to add a new one.',
    ru: 'Такого элемента в плане нет; чтобы добавить новый, не указывайте id.',
  },
  duplicateId: { en: 'Each id only once.', ru: 'Каждый id — только один раз.' },
  unknownMetric: { en: 'No such metric in the KPI catalogue.', ru: 'Такой метрики нет в каталоге KPI.' },
  notAMember: { en: 'Not a member of this workspace.', ru: 'Не участник этого пространства.' },
  sectionOrder: {
    en: 'List every section of the template exactly once.',
    ru: 'Перечислите каждый раздел шаблона ровно один раз.',
  },
  neverApproved: {
    en: 'This plan has no approved version to export yet.',
    ru: 'У этого плана ещё нет утверждённой версии для выгрузки.',
  },
  shareOfWallet: { en: 'Must be a whole percent from 0 to 100.', ru: 'Укажите целое число процентов от 0 до 100.' },
  progress: { en: 'Must be a whole percent from 0 to 100.', ru: 'Укажите целое число процентов от 0 до 100.' },
  targetCurrency: {
    en: 'A money target needs its currency, and a currency its amount.',
    ru: 'Для денежной цели укажите и сумму, и валюту.',
  },
} satisfies Record<string, LocalizedText>;

/** Why a plan is not complete, as the plan page lists it. */
export const reasonTexts = {
  section_empty: { en: 'Section «{subject}» is empty.', ru: 'Раздел «{subject}» не заполнен.' },
  no_objectives: { en: 'The plan has no objectives.', ru: 'В плане нет ни одной цели.' },
  objective_unmeasurable: {
    en: 'Objective «{subject}» is free text: name a metric and a target to make it measurable.',
    ru: 'Цель «{subject}» — свободный текст: укажите метрику и целевое значение, чтобы её можно было измерить.',
  },
  objective_without_target: {
    en: 'Objective «{subject}» has no target.',
    ru: 'У цели «{subject}» нет целевого значения.',
  },
  objective_without_actions: {
    en: 'Objective «{subject}» has no actions.',
    ru: 'У цели «{subject}» нет ни одного действия.',
  },
  action_overdue: {
    en: 'Action «{subject}» was due on {dueOn}.',
    ru: 'Срок действия «{subject}» истёк {dueOn}.',
  },
} satisfies Record<string, LocalizedText>;

/** The default template's sections, in both languages (the customer-insight framework, DOMAIN §3). */
export const defaultSections: readonly { key: string; titleEn: string; titleRu: string }[] = [
  { key: 'marketplace', titleEn: 'Their marketplace', titleRu: 'Рынок клиента' },
  { key: 'strategies', titleEn: 'Their strategies', titleRu: 'Стратегии клиента' },
  { key: 'customer_wants', titleEn: 'What their customers want', titleRu: 'Чего хотят их клиенты' },
  { key: 'value_added', titleEn: 'How they add value', titleRu: 'Как они создают ценность' },
  { key: 'profit_pools', titleEn: 'Where they make money', titleRu: 'На чём они зарабатывают' },
  { key: 'share_of_wallet', titleEn: 'Our share of wallet', titleRu: 'Наша доля кошелька' },
  { key: 'competitors', titleEn: 'Competitors on the account', titleRu: 'Конкуренты в аккаунте' },
  { key: 'swot', titleEn: 'SWOT', titleRu: 'SWOT-анализ' },
  { key: 'objectives', titleEn: 'Objectives and actions: the story', titleRu: 'Цели и действия: замысел' },
];

/** Headings of the Markdown export. */
export const exportHeadings = {
  plan: { en: 'Account plan', ru: 'План по аккаунту' },
  period: { en: 'Period', ru: 'Период' },
  status: { en: 'Status', ru: 'Статус' },
  approvedOn: { en: 'Approved', ru: 'Утверждён' },
  competitors: { en: 'Competitors', ru: 'Конкуренты' },
  objectives: { en: 'Objectives and actions', ru: 'Цели и действия' },
  name: { en: 'Name', ru: 'Название' },
  share: { en: 'Share of wallet', ru: 'Доля кошелька' },
  strengths: { en: 'Strengths', ru: 'Сильные стороны' },
  weaknesses: { en: 'Weaknesses', ru: 'Слабые стороны' },
  threat: { en: 'Threat', ru: 'Угроза' },
  metric: { en: 'Metric', ru: 'Метрика' },
  baseline: { en: 'Baseline', ru: 'Исходное значение' },
  target: { en: 'Target', ru: 'Цель' },
  due: { en: 'Due', ru: 'Срок' },
  unmeasurable: { en: 'not measurable', ru: 'не измерима' },
  owner: { en: 'Owner', ru: 'Ответственный' },
  progress: { en: 'Progress', ru: 'Прогресс' },
  empty: { en: '(not written)', ru: '(не заполнено)' },
  none: { en: 'None.', ru: 'Нет.' },
} satisfies Record<string, LocalizedText>;

export const threatNames: Record<string, LocalizedText> = {
  low: { en: 'low', ru: 'низкая' },
  medium: { en: 'medium', ru: 'средняя' },
  high: { en: 'high', ru: 'высокая' },
};

export const actionStatusNames: Record<string, LocalizedText> = {
  planned: { en: 'planned', ru: 'запланировано' },
  in_progress: { en: 'in progress', ru: 'в работе' },
  done: { en: 'done', ru: 'выполнено' },
  dropped: { en: 'dropped', ru: 'отменено' },
};
