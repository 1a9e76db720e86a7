import type { ImportField, ImportKind } from './fields';

/** A column of an export: its header in each language and the import field it maps back to. */
export type ExportColumn = { key: string; en: string; ru: string; field: ImportField | null };

// NOTE: an export is a valid import of source `accord`: these headers are among the mapping
// suggestions, so re-importing an export maps every column back without help.
export const exportColumns: Record<ImportKind, ExportColumn[]> = {
  // NOTE: deals are not exported yet; their columns are suggested from the CRMs' names alone.
  opportunities: [],
  // NOTE: KPI points have no list export yet (a series' points are read through the API).
  kpiPoints: [],
  interactions: [
    { key: 'id', en: 'Accord ID', ru: 'Accord ID', field: 'externalId' },
    { key: 'accountId', en: 'Account Accord ID', ru: 'Accord ID компании', field: 'accountExternalId' },
    { key: 'kind', en: 'Type', ru: 'Тип', field: 'interactionType' },
    { key: 'status', en: 'Status', ru: 'Статус', field: null },
    { key: 'occurredAt', en: 'Date', ru: 'Дата', field: 'interactionDate' },
    { key: 'subject', en: 'Subject', ru: 'Тема', field: 'subject' },
    { key: 'summary', en: 'Description', ru: 'Описание', field: 'summary' },
    { key: 'outcome', en: 'Outcome', ru: 'Результат', field: null },
    { key: 'nextStep', en: 'Next step', ru: 'Следующий шаг', field: null },
    { key: 'contactIds', en: 'Contact Accord IDs', ru: 'Accord ID контактов', field: 'contactExternalId' },
    { key: 'participants', en: 'Participants', ru: 'Участники', field: null },
  ],
  accounts: [
    { key: 'id', en: 'Accord ID', ru: 'Accord ID', field: 'externalId' },
    { key: 'name', en: 'Name', ru: 'Название', field: 'name' },
    { key: 'legalName', en: 'Legal name', ru: 'Юридическое название', field: 'legalName' },
    { key: 'taxId', en: 'INN', ru: 'ИНН', field: 'taxId' },
    { key: 'website', en: 'Website', ru: 'Сайт', field: 'website' },
    { key: 'industry', en: 'Industry', ru: 'Отрасль', field: 'industry' },
    { key: 'segment', en: 'Segment', ru: 'Сегмент', field: 'segment' },
    { key: 'tags', en: 'Tags', ru: 'Метки', field: 'tags' },
    { key: 'parentId', en: 'Parent Accord ID', ru: 'Accord ID родителя', field: 'parentExternalId' },
    { key: 'status', en: 'Status', ru: 'Статус', field: null },
    { key: 'owner', en: 'Owner', ru: 'Ответственный', field: 'owner' },
  ],
  contacts: [
    { key: 'id', en: 'Accord ID', ru: 'Accord ID', field: 'externalId' },
    { key: 'lastName', en: 'Last name', ru: 'Фамилия', field: 'lastName' },
    { key: 'firstName', en: 'First name', ru: 'Имя', field: 'firstName' },
    { key: 'patronymic', en: 'Patronymic', ru: 'Отчество', field: 'patronymic' },
    { key: 'title', en: 'Title', ru: 'Должность', field: 'title' },
    { key: 'department', en: 'Department', ru: 'Отдел', field: 'department' },
    { key: 'emails', en: 'E-mails', ru: 'E-mail', field: 'email' },
    { key: 'phones', en: 'Phones', ru: 'Телефоны', field: 'phone' },
    { key: 'accountId', en: 'Account Accord ID', ru: 'Accord ID компании', field: 'accountExternalId' },
    { key: 'account', en: 'Account', ru: 'Компания', field: null },
    { key: 'reportsToId', en: 'Reports to Accord ID', ru: 'Accord ID руководителя', field: 'reportsToExternalId' },
  ],
};
