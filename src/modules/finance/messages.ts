import type { LocalizedText } from '../../platform/i18n/text';
import type { ChaseAction } from './chase-list';

/** Status names as lists and exports show them. */
export const statusNames: Record<string, LocalizedText> = {
  draft: { en: 'Draft', ru: 'Черновик' },
  issued: { en: 'Issued', ru: 'Выставлен' },
  sent: { en: 'Sent', ru: 'Отправлен' },
  partly_paid: { en: 'Partly paid', ru: 'Частично оплачен' },
  paid: { en: 'Paid', ru: 'Оплачен' },
  credited: { en: 'Credited', ru: 'Скорректирован' },
  cancelled: { en: 'Cancelled', ru: 'Отменён' },
};

/** How statuses and actions read inside «An invoice that is {from} cannot be {action}». */
export const statusWords: Record<string, LocalizedText> = {
  draft: { en: 'a draft', ru: 'черновик' },
  issued: { en: 'issued', ru: 'выставлен' },
  sent: { en: 'sent', ru: 'отправлен' },
  partly_paid: { en: 'partly paid', ru: 'частично оплачен' },
  paid: { en: 'paid', ru: 'оплачен' },
  credited: { en: 'fully credited', ru: 'скорректирован полностью' },
  cancelled: { en: 'cancelled', ru: 'отменён' },
};
export const actionWords: Record<string, LocalizedText> = {
  issue: { en: 'issued', ru: 'выставить' },
  send: { en: 'marked as sent', ru: 'отметить отправленным' },
  cancel: { en: 'cancelled', ru: 'отменить' },
  reissue: { en: 're-issued (only a cancelled one can)', ru: 'перевыставить (можно только отменённый)' },
  delete: { en: 'deleted (only a draft can)', ru: 'удалить (можно только черновик)' },
};

function wordOf(words: Record<string, LocalizedText>, key: string | number | undefined, locale: 'en' | 'ru'): string {
  const template = words[String(key)]?.[locale];
  return typeof template === 'string' ? template : String(key);
}

export const financeMessages = {
  account: { en: 'account', ru: 'аккаунт' },
  contract: { en: 'contract', ru: 'договор' },
  invoice: { en: 'invoice', ru: 'счёт' },
  payment: { en: 'payment', ru: 'платёж' },
  act: { en: 'act', ru: 'акт' },
  exchangeRate: { en: 'exchange rate', ru: 'курс валюты' },
  rateFormat: {
    en: 'A positive decimal with up to 8 places, such as 92.5034.',
    ru: 'Укажите положительное число, не более 8 знаков после запятой, например 92,5034.',
  },
  samePair: { en: 'The two currencies must differ.', ru: 'Валюты должны различаться.' },
  currencyUnsupported: {
    en: 'Accord keeps money in RUB, USD, EUR, CNY, KZT, BYN, GBP, CHF, AED, TRY or JPY.',
    ru: 'Accord ведёт деньги в RUB, USD, EUR, CNY, KZT, BYN, GBP, CHF, AED, TRY или JPY.',
  },
  amountRange: {
    en: 'Must be a whole number of minor units (kopecks, cents) up to 10^13.',
    ru: 'Укажите целое число копеек (центов) не больше 10^13.',
  },
  periodOrder: { en: 'The end must not be before the start.', ru: 'Окончание не может быть раньше начала.' },
  vatRateNotOffered: {
    en: 'This VAT rate is not among the workspace’s rates: {rates}.',
    ru: 'Этой ставки НДС нет среди ставок пространства: {rates}.',
  },
  duplicateRate: { en: 'Each rate only once.', ru: 'Каждую ставку — только один раз.' },
  defaultRateNotOffered: {
    en: 'The default rate must be one of the rates offered (or «no VAT», when it is offered).',
    ru: 'Ставка по умолчанию должна быть среди предлагаемых (или «без НДС», если он разрешён).',
  },
  contractNumberTaken: {
    en: 'This account already has a contract with this number.',
    ru: 'У этого аккаунта уже есть договор с таким номером.',
  },
  contractOtherAccount: {
    en: 'The contract belongs to another account.',
    ru: 'Договор заключён с другим аккаунтом.',
  },
  accountNotFound: { en: 'No such account.', ru: 'Такого аккаунта нет.' },
  invoiceNotDraft: {
    en: 'An invoice that has been issued cannot be changed: cancel it and issue a new one.',
    ru: 'Выставленный счёт изменить нельзя: отмените его и выставьте новый.',
  },
  transitionRefused: {
    en: (p) =>
      `An invoice that is ${wordOf(statusWords, p.from, 'en')} cannot be ${wordOf(actionWords, p.action, 'en')}.`,
    ru: (p) => `Счёт в статусе «${wordOf(statusWords, p.from, 'ru')}» нельзя ${wordOf(actionWords, p.action, 'ru')}.`,
  },
  invoiceEmpty: {
    en: 'An invoice needs at least one line to be issued.',
    ru: 'Чтобы выставить счёт, добавьте хотя бы одну строку.',
  },
  cancelPaid: {
    en: 'Money has been allocated to this invoice; move the payment elsewhere before cancelling.',
    ru: 'По этому счёту уже есть оплата; перенесите её, прежде чем отменять счёт.',
  },
  allocationOverOpen: {
    en: 'Only {open} is still open on this invoice.',
    ru: 'По этому счёту к оплате осталось только {open}.',
  },
  allocationOverPayment: {
    en: 'The allocations add up to more than the {available} left of this payment.',
    ru: 'Распределено больше, чем осталось от платежа: {available}.',
  },
  allocationCurrency: {
    en: 'The invoice is in {invoice}, the payment in {payment}.',
    ru: 'Счёт выставлен в {invoice}, а платёж в {payment}.',
  },
  allocationAccount: { en: 'The invoice is for another account.', ru: 'Счёт выставлен другому аккаунту.' },
  allocationNotOpen: {
    en: 'Only issued, sent or partly paid invoices take payments.',
    ru: 'Оплату можно разнести только на выставленный, отправленный или частично оплаченный счёт.',
  },
  allocationDuplicate: { en: 'Each invoice only once.', ru: 'Каждый счёт — только один раз.' },
  actNumberTaken: { en: 'There is already an act with this number.', ru: 'Акт с таким номером уже есть.' },
  actInvoiceAccount: {
    en: 'The invoice is for another account or is cancelled.',
    ru: 'Счёт выставлен другому аккаунту или отменён.',
  },
  creditNote: { en: 'credit note', ru: 'корректировочный счёт-фактура' },
  creditNoteInvoiceStatus: {
    en: 'Only an issued, sent or (partly) paid invoice takes a credit note.',
    ru: 'Корректировка возможна только по выставленному, отправленному или оплаченному счёту.',
  },
  creditNoteOverInvoice: {
    en: 'A credit note of {amount} is more than the {left} of the invoice not yet credited.',
    ru: 'Корректировка на {amount} больше, чем осталось нескорректированным по счёту: {left}.',
  },
  creditNoteBeforeInvoice: {
    en: 'A credit note cannot be dated before its invoice.',
    ru: 'Корректировка не может быть раньше счёта.',
  },
  cancelCredited: {
    en: 'This invoice has credit notes; it can no longer be cancelled.',
    ru: 'По этому счёту есть корректировки; отменить его уже нельзя.',
  },
  signedBeforeAct: { en: 'An act cannot be signed before its date.', ru: 'Акт нельзя подписать раньше его даты.' },
} satisfies Record<string, LocalizedText>;

export const csvHeaders = {
  number: { en: 'Number', ru: 'Номер' },
  account: { en: 'Account', ru: 'Аккаунт' },
  status: { en: 'Status', ru: 'Статус' },
  issuedOn: { en: 'Issued', ru: 'Дата счёта' },
  dueOn: { en: 'Due', ru: 'Срок оплаты' },
  currency: { en: 'Currency', ru: 'Валюта' },
  net: { en: 'Net', ru: 'Без НДС' },
  vat: { en: 'VAT', ru: 'НДС' },
  gross: { en: 'Total', ru: 'Итого' },
  paid: { en: 'Paid', ru: 'Оплачено' },
  credited: { en: 'Credited', ru: 'Скорректировано' },
  open: { en: 'Open', ru: 'К оплате' },
  daysOverdue: { en: 'Days overdue', ru: 'Дней просрочки' },
  sheet: { en: 'Invoices', ru: 'Счета' },
  receivedOn: { en: 'Received', ru: 'Дата поступления' },
  amount: { en: 'Amount', ru: 'Сумма' },
  allocated: { en: 'Allocated', ru: 'Разнесено' },
  unallocated: { en: 'Credit (not allocated)', ru: 'Аванс (не разнесено)' },
  reference: { en: 'Reference', ru: 'Номер документа' },
  note: { en: 'Note', ru: 'Примечание' },
  paymentsSheet: { en: 'Payments', ru: 'Платежи' },
  owner: { en: 'Owner', ru: 'Ответственный' },
  nextAction: { en: 'Next action', ru: 'Следующий шаг' },
  chaseSheet: { en: 'Chase list', ru: 'Взыскание' },
  contractKind: { en: 'Type', ru: 'Вид' },
  signedOn: { en: 'Signed', ru: 'Дата подписания' },
  startsOn: { en: 'Starts', ru: 'Начало' },
  endsOn: { en: 'Ends', ru: 'Окончание' },
  value: { en: 'Value', ru: 'Сумма договора' },
  autoRenewal: { en: 'Auto-renewal', ru: 'Автопролонгация' },
  paymentTermsDays: { en: 'Payment terms, days', ru: 'Отсрочка, дней' },
  reminderOn: { en: 'Renewal reminder', ru: 'Напомнить о продлении' },
  contractsSheet: { en: 'Contracts', ru: 'Договоры' },
  actDate: { en: 'Act date', ru: 'Дата акта' },
  invoice: { en: 'Invoice', ru: 'Счёт' },
  actsSheet: { en: 'Acts', ru: 'Акты' },
  yes: { en: 'Yes', ru: 'Да' },
  no: { en: 'No', ru: 'Нет' },
} satisfies Record<string, LocalizedText>;

/** Contract types and statuses as exports name them. */
export const contractWords: Record<string, LocalizedText> = {
  services: { en: 'Services', ru: 'Услуги' },
  supply: { en: 'Supply', ru: 'Поставка' },
  license: { en: 'License', ru: 'Лицензия' },
  framework: { en: 'Framework', ru: 'Рамочный' },
  other: { en: 'Other', ru: 'Другое' },
  draft: { en: 'Draft', ru: 'Черновик' },
  active: { en: 'Active', ru: 'Действует' },
  expired: { en: 'Expired', ru: 'Истёк' },
  terminated: { en: 'Terminated', ru: 'Расторгнут' },
};

/** The next steps of collection as the chase list's export names them. */
export const chaseActionNames = {
  remind: { en: 'Send a reminder', ru: 'Напомнить письмом' },
  call: { en: 'Call their accountant', ru: 'Позвонить в бухгалтерию' },
  escalate: { en: 'Escalate to their management', ru: 'Подключить руководство клиента' },
  claim: { en: 'Send a formal claim', ru: 'Направить претензию' },
} satisfies Record<ChaseAction, LocalizedText>;

/** The money reminders in an owner's calendar feed. */
export const calendarWords = {
  renewal: { en: 'Contract renewal: No. {number} · {account}', ru: 'Продление договора № {number} · {account}' },
  renewsByItself: {
    en: 'The contract runs until {endsOn} and renews by itself: confirm the client wants it to.',
    ru: 'Договор действует до {endsOn} и продлится автоматически: подтвердите, что клиент согласен.',
  },
  agreeRenewal: {
    en: 'The contract runs until {endsOn}: agree its renewal with the client.',
    ru: 'Договор действует до {endsOn}: согласуйте продление с клиентом.',
  },
  invoiceDue: { en: 'Invoice No. {number} due · {account}', ru: 'Срок оплаты счёта № {number} · {account}' },
  invoiceShort: { en: 'invoice No. {number} · {account}', ru: 'счёт № {number} · {account}' },
  invoiceOpen: {
    en: 'Open: {amount}, due {dueOn}. The reminder disappears once the invoice is paid.',
    ru: 'К оплате: {amount}, срок {dueOn}. Напоминание исчезнет, когда счёт будет оплачен.',
  },
} satisfies Record<string, LocalizedText>;

/** Words printed on the invoice and act PDFs. */
export const pdfWords = {
  invoiceTitle: { en: 'Invoice', ru: 'Счёт на оплату' },
  actTitle: { en: 'Act of completed work', ru: 'Акт выполненных работ' },
  dated: { en: 'of', ru: 'от' },
  draft: { en: '(draft)', ru: '(черновик)' },
  supplier: { en: 'Supplier', ru: 'Исполнитель' },
  customer: { en: 'Customer', ru: 'Заказчик' },
  contract: { en: 'Contract', ru: 'Договор' },
  dueOn: { en: 'Due', ru: 'Оплатить до' },
  status: { en: 'Status', ru: 'Статус' },
  description: { en: 'Description', ru: 'Наименование' },
  quantity: { en: 'Qty', ru: 'Кол-во' },
  price: { en: 'Price', ru: 'Цена' },
  vatRate: { en: 'VAT rate', ru: 'Ставка НДС' },
  vat: { en: 'VAT', ru: 'НДС' },
  total: { en: 'Amount', ru: 'Сумма' },
  noVat: { en: 'no VAT', ru: 'без НДС' },
  net: { en: 'Net', ru: 'Итого без НДС' },
  vatIncluded: { en: 'including VAT', ru: 'В том числе НДС' },
  vatExcluded: { en: 'VAT', ru: 'НДС' },
  grandTotal: { en: 'Total', ru: 'Всего к оплате' },
  paid: { en: 'Paid', ru: 'Оплачено' },
  forInvoice: { en: 'For invoice', ru: 'По счёту' },
  actAmount: { en: 'Amount of the work', ru: 'Стоимость работ' },
  actStatement: {
    en: 'The work above has been done in full and on time. The customer has no claims as to its scope, quality or timing.',
    ru: 'Вышеперечисленные работы (услуги) выполнены полностью и в срок. Заказчик претензий по объёму, качеству и срокам оказания услуг не имеет.',
  },
  signedOn: { en: 'Signed on', ru: 'Подписан' },
  creditNoteTitle: { en: 'Credit note', ru: 'Корректировочный счёт-фактура' },
  reason: { en: 'Reason', ru: 'Основание' },
  credited: { en: 'Credited', ru: 'Скорректировано' },
  creditTotal: { en: 'Total credited', ru: 'Всего к уменьшению' },
} satisfies Record<string, LocalizedText>;

export const bankMessages = {
  bankTransaction: { en: 'bank statement line', ru: 'строка выписки' },
  dateColumnMissing: {
    en: 'The statement has no date column Accord knows; name the column that holds the date.',
    ru: 'В выписке не найдена колонка с датой; укажите, в какой колонке дата.',
  },
  amountColumnMissing: {
    en: 'The statement has no amount column Accord knows; name the column that holds the incoming amount.',
    ru: 'В выписке не найдена колонка с суммой; укажите, в какой колонке сумма поступления.',
  },
  emptyStatement: { en: 'The statement has no lines.', ru: 'В выписке нет строк.' },
  alreadyMatched: {
    en: 'This line has already become a payment.',
    ru: 'Эта строка выписки уже разнесена как платёж.',
  },
  invoiceNotFound: { en: 'No such invoice.', ru: 'Такого счёта нет.' },
  giveInvoiceOrAccount: { en: 'Give an invoice or an account.', ru: 'Укажите счёт или аккаунт.' },
} satisfies Record<string, LocalizedText>;
