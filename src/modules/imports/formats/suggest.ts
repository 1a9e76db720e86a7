import { exportColumns } from './export-columns';
import { type ColumnMapping, fieldsOf, type ImportField, type ImportKind, type ImportSource } from './fields';
import type { TableColumn } from './table';

/** Lower case, letters and digits only, `ё` as `е`: `E-mail` and `email`, `Ё` and `Е` compare equal. */
export function normalizeHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

type Synonyms = Partial<Record<ImportField, string[]>>;

// NOTE: header names seen in Salesforce, Dynamics 365, HubSpot, Bitrix24 and amoCRM exports and in
// hand-made Russian and English sheets; compared after `normalizeHeader`.
const accountSynonyms: Synonyms = {
  externalId: ['id', 'recordid', 'accountid', 'donotmodifyaccount', 'ид', 'идентификатор', 'externalid', 'внешнийid'],
  name: [
    'name',
    'accountname',
    'companyname',
    'company',
    'название',
    'названиекомпании',
    'компания',
    'наименование',
    'организация',
  ],
  legalName: ['legalname', 'юридическоеназвание', 'полноенаименование', 'юрлицо', 'названиеюрлица'],
  taxId: ['inn', 'taxid', 'vat', 'vatnumber', 'инн', 'иннкомпании', 'реквизитыинн'],
  website: [
    'website',
    'site',
    'web',
    'url',
    'companydomainname',
    'domain',
    'websiteurl',
    'сайт',
    'вебсайт',
    'корпоративныйсайт',
    'адрессайта',
  ],
  industry: ['industry', 'отрасль', 'сфередеятельности', 'сферадеятельности', 'индустрия'],
  segment: ['segment', 'type', 'accounttype', 'типкомпании', 'сегмент', 'тип'],
  parentExternalId: ['parentid', 'parentaccountid', 'parentcompanyid', 'idродительскойкомпании'],
  parentName: ['parentaccount', 'parentcompany', 'parent', 'родительскаякомпания', 'головнаякомпания'],
  owner: [
    'owner',
    'ownerid',
    'ownername',
    'owneremail',
    'accountowner',
    'companyowner',
    'hubspotowner',
    'ответственный',
    'ответственныйменеджер',
  ],
  tags: ['tags', 'теги', 'метки'],
  notes: ['description', 'notes', 'comments', 'comment', 'описание', 'комментарий', 'примечание', 'заметки'],
};

const contactSynonyms: Synonyms = {
  externalId: ['id', 'recordid', 'contactid', 'donotmodifycontact', 'ид', 'идентификатор', 'externalid'],
  fullName: ['fullname', 'name', 'contactname', 'фио', 'полноеимя', 'имяконтакта', 'контакт'],
  lastName: ['lastname', 'surname', 'familyname', 'фамилия'],
  firstName: ['firstname', 'givenname', 'имя'],
  patronymic: ['middlename', 'patronymic', 'отчество'],
  title: ['title', 'jobtitle', 'position', 'должность'],
  department: ['department', 'отдел', 'подразделение'],
  email: [
    'email',
    'emailaddress',
    'mail',
    'рабочийemail',
    'рабочийemail',
    'личныйemail',
    'почта',
    'электроннаяпочта',
    'емейл',
  ],
  phone: [
    'phone',
    'phonenumber',
    'mobilephone',
    'mobile',
    'businessphone',
    'телефон',
    'рабочийтелефон',
    'мобильныйтелефон',
  ],
  accountExternalId: ['accountid', 'companyid', 'associatedcompanyid', 'parentcustomerid', 'idкомпании'],
  accountName: [
    'company',
    'companyname',
    'account',
    'accountname',
    'associatedcompany',
    'компания',
    'названиекомпании',
    'организация',
  ],
  reportsToExternalId: ['reportstoid', 'managerid', 'idруководителя'],
  notes: ['description', 'notes', 'comments', 'comment', 'описание', 'комментарий', 'примечание'],
};

const opportunitySynonyms: Synonyms = {
  externalId: ['id', 'recordid', 'opportunityid', 'dealid', 'donotmodifyopportunity', 'ид', 'idсделки', 'externalid'],
  taxId: accountSynonyms.taxId ?? [],
  dealName: [
    'name',
    'opportunity',
    'opportunityname',
    'dealname',
    'topic',
    'названиесделки',
    'сделка',
    'название',
    'наименование',
  ],
  accountExternalId: [
    'accountid',
    'companyid',
    'associatedcompanyid',
    'associatedcompanyids',
    'associatedcompanyidsprimary',
    'idкомпании',
  ],
  accountName: [
    'account',
    'accountname',
    'аккаунт',
    'company',
    'companyname',
    'associatedcompany',
    'associatedcompanies',
    'potentialcustomer',
    'компания',
    'названиекомпании',
    'организация',
    'клиент',
  ],
  stage: ['stagename', 'stage', 'dealstage', 'pipelinestage', 'стадиясделки', 'стадия', 'этапсделки', 'этап', 'статус'],
  amount: ['amount', 'estrevenue', 'estimatedrevenue', 'value', 'dealamount', 'сумма', 'бюджет', 'суммасделки'],
  currency: ['currency', 'currencyisocode', 'currencycode', 'валюта'],
  closeDate: [
    'closedate',
    'estclosedate',
    'expectedclosedate',
    'estimatedclosedate',
    'датазакрытия',
    'ожидаемаядатазакрытия',
    'предполагаемаядатазакрытия',
    'планируемаядатазакрытия',
  ],
  probability: ['probability', 'probabilitypercent', 'dealprobability', 'вероятность'],
  owner: [
    'owner',
    'ownerid',
    'ownername',
    'owneremail',
    'opportunityowner',
    'dealowner',
    'hubspotowner',
    'ответственный',
    'ответственныйменеджер',
  ],
  nextStep: ['nextstep', 'следующийшаг'],
  lostReason: ['lostreason', 'closedlostreason', 'reasonlost', 'причинапроигрыша', 'причинаотказа'],
};

// NOTE: Salesforce Task/Event (WhoId is the person, WhatId what it is about), HubSpot's activity
// export, Bitrix24's «Дела» and amoCRM's events.
const interactionSynonyms: Synonyms = {
  externalId: ['id', 'recordid', 'activityid', 'engagementid', 'taskid', 'eventid', 'ид', 'idдела', 'externalid'],
  taxId: accountSynonyms.taxId ?? [],
  subject: [
    'subject',
    'title',
    'activitytitle',
    'calltitle',
    'meetingname',
    'meetingtitle',
    'emailsubject',
    'тема',
    'название',
    'наименование',
    'заголовок',
  ],
  interactionType: [
    'type',
    'activitytype',
    'engagementtype',
    'tasksubtype',
    'eventsubtype',
    'тип',
    'типдела',
    'типсобытия',
    'типактивности',
    'видвзаимодействия',
  ],
  interactionDate: [
    'activitydatetime',
    'startdatetime',
    'activitydate',
    'date',
    'datetime',
    'activitystartdate',
    'meetingstarttime',
    'timestamp',
    'дата',
    'датаивремя',
    'датаначала',
    'начало',
    'срок',
    'крайнийсрок',
    'датасобытия',
  ],
  summary: [
    'description',
    'body',
    'activitybody',
    'notes',
    'callnotes',
    'meetingdescription',
    'emailbody',
    'notebody',
    'summary',
    'описание',
    'комментарий',
    'содержание',
    'текст',
    'итог',
    'примечание',
  ],
  accountExternalId: ['accountid', 'companyid', 'associatedcompanyid', 'associatedcompanyids', 'idкомпании'],
  accountName: [
    'account',
    'accountname',
    'company',
    'companyname',
    'associatedcompany',
    'associatedcompanies',
    'компания',
    'названиекомпании',
    'организация',
    'клиент',
  ],
  owner: [
    'owner',
    'ownerid',
    'ownername',
    'assignedto',
    'activityassignedto',
    'activityowner',
    'ответственный',
    'исполнитель',
  ],
  relatedExternalId: ['whatid', 'relatedtoid', 'regardingobjectid', 'idсвязаннойзаписи'],
  contactExternalId: ['whoid', 'contactid', 'associatedcontactid', 'associatedcontactids', 'idконтакта'],
  contactEmail: ['contactemail', 'email', 'emailaddress', 'toemail', 'emailконтакта', 'почтаконтакта'],
  contactName: [
    'contact',
    'contactname',
    'name',
    'who',
    'associatedcontact',
    'associatedcontacts',
    'контакт',
    'контакты',
    'имяконтакта',
    'фиоконтакта',
  ],
};

const kpiPointSynonyms: Synonyms = {
  accountExternalId: ['accountid', 'companyid', 'idкомпании', 'accordid', 'accountaccordid', 'accordidкомпании'],
  accountName: [
    'account',
    'accountname',
    'company',
    'companyname',
    'клиент',
    'компания',
    'названиекомпании',
    'аккаунт',
  ],
  taxId: accountSynonyms.taxId ?? [],
  metric: [
    'metric',
    'metriccode',
    'metrickey',
    'metricname',
    'kpi',
    'indicator',
    'метрика',
    'показатель',
    'кодметрики',
    'kpiкод',
  ],
  dimension: ['dimension', 'channel', 'segment', 'region', 'разрез', 'канал', 'регион', 'измерение'],
  pointDate: ['date', 'period', 'month', 'at', 'day', 'дата', 'период', 'месяц', 'деньотчета', 'отчетнаядата'],
  value: ['value', 'amount', 'fact', 'actual', 'значение', 'факт', 'величина', 'сумма'],
  unit: ['unit', 'units', 'единица', 'едизм', 'единицаизмерения'],
};

const synonymsByKind: Record<ImportKind, Synonyms> = {
  accounts: accountSynonyms,
  contacts: contactSynonyms,
  opportunities: opportunitySynonyms,
  interactions: interactionSynonyms,
  kpiPoints: kpiPointSynonyms,
};

/** Fields that take several columns (amoCRM's two «Телефон» columns both hold phones; Salesforce's Type and TaskSubtype). */
const repeatable = new Set<ImportField>(['email', 'phone', 'tags', 'notes', 'interactionType', 'contactExternalId']);

/**
 * Suggests which Accord field each column holds, from its header in either language. A field is
 * given to its first matching column only, except those that collect several values.
 */
export function suggestMapping(kind: ImportKind, columns: TableColumn[], source: ImportSource): ColumnMapping {
  const synonyms = synonymsByKind[kind];
  const allowed = new Set(fieldsOf(kind));
  const mapping: ColumnMapping = {};
  const taken = new Set<ImportField>();
  for (const column of columns) {
    const normalized = normalizeHeader(column.header);
    const field = externalIdColumn(source, kind, column) ? 'externalId' : fieldBySynonym(synonyms, normalized, kind);
    if (!field || !allowed.has(field) || (taken.has(field) && !repeatable.has(field))) continue;
    if (column.hidden && field !== 'externalId') continue;
    mapping[column.key] = field;
    taken.add(field);
  }
  return mapping;
}

function fieldBySynonym(synonyms: Synonyms, normalized: string, kind: ImportKind): ImportField | undefined {
  const exported = exportColumns[kind].find(
    (column) => normalizeHeader(column.en) === normalized || normalizeHeader(column.ru) === normalized,
  );
  if (exported?.field) return exported.field;
  for (const [field, names] of Object.entries(synonyms) as [ImportField, string[]][]) {
    if (names.includes(normalized)) return field;
  }
  if (/^(email|емейл|email\d|рабочийemail|другойemail)/.test(normalized) && 'email' in synonyms) return 'email';
  if (/(телефон|phone)/.test(normalized) && 'phone' in synonyms) return 'phone';
  return undefined;
}

const dynamicsEntity: Record<ImportKind, string> = {
  accounts: 'account',
  contacts: 'contact',
  opportunities: 'opportunity',
  interactions: 'activity',
  kpiPoints: 'kpi',
};

/** The column a source keeps its own record id in, which becomes the external id. */
function externalIdColumn(source: ImportSource, kind: ImportKind, column: TableColumn): boolean {
  const normalized = normalizeHeader(column.header);
  switch (source) {
    case 'dynamics':
      return normalized === `donotmodify${dynamicsEntity[kind]}`;
    case 'hubspot':
      return normalized === 'recordid';
    case 'accord':
      return normalized === 'accordid';
    case 'salesforce':
    case 'bitrix24':
    case 'amocrm':
    case 'generic':
      return normalized === 'id';
  }
}
