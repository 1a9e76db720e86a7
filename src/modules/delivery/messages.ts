import type { LocalizedText } from '../../platform/i18n/text';

/** Status names as messages show them. */
export const taskStatusNames: Record<string, LocalizedText> = {
  todo: { en: 'to do', ru: 'к выполнению' },
  in_progress: { en: 'in progress', ru: 'в работе' },
  in_review: { en: 'in review', ru: 'на проверке' },
  done: { en: 'done', ru: 'готово' },
};
export const estimateStatusNames: Record<string, LocalizedText> = {
  draft: { en: 'a draft', ru: 'черновик' },
  sent: { en: 'sent', ru: 'отправлена' },
  approved: { en: 'approved', ru: 'согласована' },
  rejected: { en: 'rejected', ru: 'отклонена' },
  superseded: { en: 'superseded by a newer version', ru: 'заменена новой версией' },
};

function nameOf(names: Record<string, LocalizedText>, key: unknown, locale: 'en' | 'ru'): string {
  const text = names[String(key)]?.[locale];
  return typeof text === 'string' ? text : String(key);
}

export const deliveryMessages = {
  department: { en: 'department', ru: 'отдел' },
  member: { en: 'member', ru: 'участник' },
  project: { en: 'project', ru: 'проект' },
  projectType: { en: 'project type', ru: 'тип проекта' },
  task: { en: 'task', ru: 'задача' },
  estimate: { en: 'estimate', ru: 'смета' },
  priceListItem: { en: 'service', ru: 'услуга' },
  currencyUnsupported: {
    en: 'Accord keeps money in RUB, USD, EUR, CNY, KZT, BYN, GBP, CHF, AED, TRY or JPY.',
    ru: 'Accord ведёт деньги в RUB, USD, EUR, CNY, KZT, BYN, GBP, CHF, AED, TRY или JPY.',
  },
  amountRange: {
    en: 'Must be a whole number of minor units (kopecks, cents) up to 10^13.',
    ru: 'Укажите целое число копеек (центов) не больше 10^13.',
  },
  periodOrder: { en: 'The end must not be before the start.', ru: 'Окончание не может быть раньше начала.' },
  duplicateStage: { en: 'Each stage only once.', ru: 'Каждый этап — только один раз.' },
  assigneeRequired: {
    en: 'Hand the task to a specialist or a department.',
    ru: 'Назначьте задачу специалисту или отделу.',
  },
  departmentTaken: { en: 'There is already a department with this name.', ru: 'Отдел с таким названием уже есть.' },
  projectTypeTaken: {
    en: 'There is already a project type with this name.',
    ru: 'Тип проекта с таким названием уже есть.',
  },
  priceListItemTaken: {
    en: 'The price list already has a service with this name.',
    ru: 'В прайс-листе уже есть услуга с таким названием.',
  },
  noSuchDepartment: { en: 'No such department.', ru: 'Такого отдела нет.' },
  noSuchMember: { en: 'Not a member of this workspace.', ru: 'Такого участника в пространстве нет.' },
  noSuchAccount: { en: 'No such account.', ru: 'Такого аккаунта нет.' },
  noSuchProjectType: { en: 'No such project type.', ru: 'Такого типа проекта нет.' },
  noSuchProject: { en: 'No such project.', ru: 'Такого проекта нет.' },
  noSuchPriceListItem: { en: 'No such service in the price list.', ru: 'Такой услуги в прайс-листе нет.' },
  stageUnknown: {
    en: 'This project type has the stages: {stages}.',
    ru: 'У этого типа проекта такие этапы: {stages}.',
  },
  lineNeedsDescription: {
    en: 'Name the service, or pick one from the price list.',
    ru: 'Назовите услугу или выберите её из прайс-листа.',
  },
  lineNeedsPrice: {
    en: 'Give a price, or pick a service from the price list.',
    ru: 'Укажите цену или выберите услугу из прайс-листа.',
  },
  lineCurrency: {
    en: 'This service is priced in {item}, the estimate is in {estimate}.',
    ru: 'Цена услуги в {item}, а смета в {estimate}.',
  },
  notYourTask: {
    en: 'Only the assignee, their department or the project’s managers can do this.',
    ru: 'Это может сделать только исполнитель, его отдел или менеджеры проекта.',
  },
  alreadyAccepted: { en: 'The task was already accepted.', ru: 'Задача уже принята.' },
  alreadyDeclined: { en: 'The task was already declined.', ru: 'От задачи уже отказались.' },
  moveNotAccepted: {
    en: 'The assignee has not accepted this task yet.',
    ru: 'Исполнитель ещё не принял задачу.',
  },
  moveNotAllowed: {
    en: (p) => `A task ${nameOf(taskStatusNames, p.from, 'en')} cannot go to ${nameOf(taskStatusNames, p.to, 'en')}.`,
    ru: (p) =>
      `Задачу из статуса «${nameOf(taskStatusNames, p.from, 'ru')}» нельзя перевести в «${nameOf(taskStatusNames, p.to, 'ru')}».`,
  },
  estimateRefused: {
    en: (p) => `An estimate that is ${nameOf(estimateStatusNames, p.status, 'en')} cannot be ${p.action}.`,
    ru: (p) => `Смету в статусе «${nameOf(estimateStatusNames, p.status, 'ru')}» нельзя ${p.actionRu}.`,
  },
  estimateEmpty: {
    en: 'An estimate needs at least one line to be sent.',
    ru: 'Чтобы отправить смету, добавьте хотя бы одну строку.',
  },
  invoiceExists: {
    en: 'An invoice was already made from this estimate.',
    ru: 'Счёт по этой смете уже создан.',
  },
  request: { en: 'request', ru: 'заявка' },
  briefTemplate: { en: 'brief template', ru: 'шаблон брифа' },
  report: { en: 'report', ru: 'отчёт' },
  duplicateBriefKey: { en: 'Each field key only once.', ru: 'Каждый ключ поля — только один раз.' },
  briefTemplateTaken: {
    en: 'There is already a brief template with this name.',
    ru: 'Шаблон брифа с таким названием уже есть.',
  },
  noSuchBriefTemplate: { en: 'No such brief template.', ru: 'Такого шаблона брифа нет.' },
  retiredBriefTemplate: {
    en: 'This brief template is retired; choose another one.',
    ru: 'Этот шаблон брифа больше не используется; выберите другой.',
  },
  briefNeedsTemplate: { en: 'Choose a brief template.', ru: 'Выберите шаблон брифа.' },
  requestMove: {
    en: (p) =>
      `A request ${nameOf(requestStatusNames, p.from, 'en')} cannot become ${nameOf(requestStatusNames, p.to, 'en')}.`,
    ru: (p) =>
      `Заявку в статусе «${nameOf(requestStatusNames, p.from, 'ru')}» нельзя перевести в «${nameOf(requestStatusNames, p.to, 'ru')}».`,
  },
  declineNeedsComment: { en: 'Say why the request is declined.', ru: 'Укажите, почему заявка отклонена.' },
  projectOnlyOnAccept: {
    en: 'A project is started only when the request is accepted.',
    ru: 'Проект создаётся только при принятии заявки.',
  },
  briefUnknown: { en: 'The brief has no field “{label}”.', ru: 'В брифе нет поля «{label}».' },
  briefRequired: { en: '“{label}” must be answered.', ru: 'Заполните поле «{label}».' },
  briefText: { en: '“{label}” must be text.', ru: 'Поле «{label}» должно быть текстом.' },
  briefTooLong: { en: '“{label}” is too long.', ru: 'Поле «{label}» слишком длинное.' },
  briefMoney: {
    en: '“{label}” must be an amount in kopecks (cents) with a currency code.',
    ru: 'Поле «{label}» — сумма в копейках с кодом валюты.',
  },
  briefDate: { en: '“{label}” must be a date (YYYY-MM-DD).', ru: 'Поле «{label}» — дата (ГГГГ-ММ-ДД).' },
  briefLinks: {
    en: '“{label}” must be a list of http(s) links.',
    ru: 'Поле «{label}» — список ссылок http(s).',
  },
  reportRefused: {
    en: (p) => `A report that is ${nameOf(reportStatusNames, p.status, 'en')} cannot be ${p.action}.`,
    ru: (p) => `Отчёт в статусе «${nameOf(reportStatusNames, p.status, 'ru')}» нельзя ${p.actionRu}.`,
  },
  reportUnchecked: {
    en: (p) => `Before sending, check: ${p.checks}.`,
    ru: (p) => `Перед отправкой проверьте: ${p.checksRu}.`,
  },
  reportNeedsPeriod: {
    en: 'Give the period and due day, or set the account’s report schedule.',
    ru: 'Укажите период и срок или задайте график отчётов клиента.',
  },
  notYourReport: {
    en: 'Only the specialist preparing the report or a manager can change it.',
    ru: 'Изменить отчёт может только готовящий его специалист или менеджер.',
  },
} satisfies Record<string, LocalizedText>;

export const requestStatusNames: Record<string, LocalizedText> = {
  new: { en: 'new', ru: 'новая' },
  clarifying: { en: 'being clarified', ru: 'уточняется' },
  accepted: { en: 'accepted', ru: 'принята' },
  declined: { en: 'declined', ru: 'отклонена' },
  done: { en: 'done', ru: 'выполнена' },
};
export const reportStatusNames: Record<string, LocalizedText> = {
  draft: { en: 'a draft', ru: 'черновик' },
  in_review: { en: 'in review', ru: 'на проверке' },
  sent: { en: 'sent', ru: 'отправлен' },
};
export const reportCheckNames: Record<string, LocalizedText> = {
  typos: { en: 'typos', ru: 'опечатки' },
  figures: { en: 'figures match the sources', ru: 'цифры сходятся с источниками' },
  clientEyes: { en: 'read through the client’s eyes', ru: 'прочитан глазами клиента' },
  highlights: { en: 'highlights written', ru: 'выводы написаны' },
};
export const reportActions = {
  edit: { en: 'changed', ru: 'изменить' },
  submit: { en: 'submitted for review (only a draft can)', ru: 'отправить на проверку (только черновик)' },
  review: { en: 'reviewed (only one in review can)', ru: 'проверять (только на проверке)' },
  send: { en: 'sent (only one in review can)', ru: 'отправить клиенту (только проверенный)' },
} as const;

/** The actions refused on an estimate, in both languages. */
export const estimateActions = {
  edit: { en: 'changed', ru: 'изменить' },
  send: { en: 'sent (only a draft can)', ru: 'отправить (можно только черновик)' },
  decide: { en: 'approved or rejected (only a sent one can)', ru: 'согласовать или отклонить (только отправленную)' },
  invoice: { en: 'invoiced (only an approved one can)', ru: 'выставить в счёт (только согласованную)' },
} as const;
