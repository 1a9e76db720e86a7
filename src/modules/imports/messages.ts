import type { LocalizedText } from '../../platform/i18n/text';

export const importMessages = {
  import: { en: 'import', ru: 'импорт' },
  preset: { en: 'mapping preset', ru: 'шаблон сопоставления' },
  emptyFile: {
    en: 'The file has no rows under its header.',
    ru: 'В файле нет строк под заголовком.',
  },
  unreadableFile: {
    en: 'The file could not be read as CSV, XLSX or an HTML table.',
    ru: 'Файл не удалось прочитать как CSV, XLSX или HTML-таблицу.',
  },
  tooManyRows: {
    en: 'A file may hold at most {limit} rows.',
    ru: 'В файле может быть не больше {limit} строк.',
  },
  unknownColumn: { en: 'The file has no column “{column}”.', ru: 'В файле нет столбца «{column}».' },
  mergeTargetMissing: {
    en: 'There is no record to merge the row “{externalId}” into.',
    ru: 'Записи, с которой нужно объединить строку «{externalId}», нет.',
  },
  fieldNotForKind: {
    en: 'The field “{field}” cannot be imported into {kind}.',
    ru: 'Поле «{field}» нельзя импортировать в этот раздел ({kind}).',
  },
  nameRequired: { en: 'A name is required.', ru: 'Нужно название.' },
  lastNameRequired: { en: 'A last name (or a full name) is required.', ru: 'Нужна фамилия (или ФИО).' },
  accountRequired: {
    en: 'A contact needs a company: map a company name or id column.',
    ru: 'Контакту нужна компания: сопоставьте столбец с названием или ID компании.',
  },
  accountNotFound: {
    en: 'No company “{reference}” in the file, in earlier imports or in Accord.',
    ru: 'Компания «{reference}» не найдена ни в файле, ни в прошлых импортах, ни в Accord.',
  },
  parentNotFound: {
    en: 'No parent “{reference}” in the file, in earlier imports or in Accord.',
    ru: 'Родитель «{reference}» не найден ни в файле, ни в прошлых импортах, ни в Accord.',
  },
  hierarchyCycle: {
    en: 'Linking to “{reference}” would close a loop in the hierarchy (a record above itself); this link is not set.',
    ru: 'Ссылка на «{reference}» замкнула бы иерархию в кольцо (запись оказалась бы выше самой себя); эта связь не установлена.',
  },
  selfReference: { en: 'A record cannot refer to itself.', ru: 'Запись не может ссылаться на саму себя.' },
  duplicateInFile: {
    en: 'The id “{reference}” appears again in row {row}; the later row wins.',
    ru: 'ID «{reference}» встречается ещё в строке {row}; берётся более поздняя строка.',
  },
  notDraft: {
    en: 'This import has already run; start a new one to change its file or mapping.',
    ru: 'Этот импорт уже выполнен; чтобы изменить файл или сопоставление, начните новый.',
  },
  alreadyRunning: { en: 'This import is already running.', ru: 'Этот импорт уже выполняется.' },
  notRunning: {
    en: 'This import has finished; undo it instead.',
    ru: 'Этот импорт уже завершён; его можно только отменить целиком.',
  },
  cannotUndo: {
    en: 'Only a finished or cancelled import can be undone, and only once.',
    ru: 'Отменить можно только завершённый или остановленный импорт, и только один раз.',
  },
  interrupted: {
    en: 'The import stopped unexpectedly after {processed} rows; run it again to finish (already imported rows are updated, not duplicated).',
    ru: 'Импорт неожиданно прервался после {processed} строк; запустите его снова, чтобы закончить (уже загруженные строки обновятся, а не задвоятся).',
  },
  dealNameRequired: { en: 'A deal name is required.', ru: 'Нужно название сделки.' },
  dealAccountRequired: {
    en: 'A deal needs a company: map a company name, INN or id column.',
    ru: 'Сделке нужна компания: сопоставьте столбец с названием, ИНН или ID компании.',
  },
  closeDateRequired: {
    en: 'A close date is required (26.11.2026, 2026-11-26 or 11/26/2026).',
    ru: 'Нужна дата закрытия (26.11.2026, 2026-11-26 или 11/26/2026).',
  },
  badDate: { en: '“{value}” is not a date.', ru: '«{value}» — не дата.' },
  badAmount: {
    en: '“{value}” is not an amount in {currency}.',
    ru: '«{value}» — не сумма в {currency}.',
  },
  badCurrency: {
    en: '“{value}” is not a currency Accord knows (RUB, USD, EUR…).',
    ru: '«{value}» — не валюта, известная Accord (RUB, USD, EUR…).',
  },
  badPercent: { en: '“{value}” is not a percentage from 0 to 100.', ru: '«{value}» — не процент от 0 до 100.' },
  stageNotInPipeline: {
    en: 'The stage “{value}” is not in the pipeline; map it to one of its stages.',
    ru: 'Этапа «{value}» нет в воронке; сопоставьте его с одним из её этапов.',
  },
  ownerNotMember: {
    en: 'The owner chosen for “{value}” is not a member of the workspace.',
    ru: 'Ответственный, выбранный для «{value}», не участник рабочего пространства.',
  },
  stageNotFound: {
    en: 'The stage chosen for “{value}” is not in the pipeline.',
    ru: 'Этап, выбранный для «{value}», в воронке не найден.',
  },
  interactionDateRequired: {
    en: 'A date is required (26.11.2026, 2026-11-26 14:30 or 11/26/2026).',
    ru: 'Нужна дата (26.11.2026, 2026-11-26 14:30 или 11/26/2026).',
  },
  interactionAccountRequired: {
    en: 'An activity needs a company or a person: map a company or contact column.',
    ru: 'Делу нужна компания или человек: сопоставьте столбец компании или контакта.',
  },
  unknownInteractionType: {
    en: 'The type “{value}” is not one Accord knows (meeting, call, e-mail, presentation, negotiation, messenger, note); stored as a note.',
    ru: 'Тип «{value}» Accord не знает (встреча, звонок, письмо, презентация, переговоры, мессенджер, заметка); сохранено как заметка.',
  },
  relatedNotAccount: {
    en: 'The record “{reference}” the activity is related to is not a company Accord knows; map its company.',
    ru: 'Запись «{reference}», к которой относится дело, — не известная Accord компания; сопоставьте столбец компании.',
  },
  contactNotFound: {
    en: 'No contact “{reference}” of this company in earlier imports or in Accord; imported without them.',
    ru: 'Контакт «{reference}» этой компании не найден ни в прошлых импортах, ни в Accord; дело загружено без него.',
  },
  heldInFuture: {
    en: 'The date is in the future: stored as planned.',
    ru: 'Дата в будущем: сохранено как запланированное.',
  },
  kpiAccountRequired: {
    en: 'A KPI value needs a company: map a company name, INN or id column.',
    ru: 'Значению KPI нужна компания: сопоставьте столбец с названием, ИНН или ID компании.',
  },
  metricRequired: { en: 'A metric is required (its code or name).', ru: 'Нужна метрика (её код или название).' },
  metricNotFound: {
    en: 'No metric “{value}” in the catalogue (by code or name).',
    ru: 'Метрики «{value}» нет в каталоге (ни по коду, ни по названию).',
  },
  derivedMetric: {
    en: 'The series “{value}” is filled by Accord itself and takes no imported values.',
    ru: 'Ряд «{value}» Accord заполняет сам, импортировать в него значения нельзя.',
  },
  unitMismatch: {
    en: 'The unit “{value}” does not fit the metric, which is measured in {unit}.',
    ru: 'Единица «{value}» не подходит метрике: она измеряется в {unit}.',
  },
  pointDateRequired: {
    en: 'A date or month is required (26.11.2026, 2026-11-26, 11.2026).',
    ru: 'Нужна дата или месяц (26.11.2026, 2026-11-26, 11.2026).',
  },
  valueRequired: { en: 'A value is required.', ru: 'Нужно значение.' },
  badNumber: { en: '“{value}” is not a number.', ru: '«{value}» — не число.' },
  tooLong: { en: 'At most {maximum} characters.', ru: 'Не больше {maximum} символов.' },
  presetNameTaken: { en: 'A preset with this name exists.', ru: 'Шаблон с таким названием уже есть.' },
} satisfies Record<string, LocalizedText>;
