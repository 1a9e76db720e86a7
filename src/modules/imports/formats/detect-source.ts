import type { ImportKind, ImportSource } from './fields';
import { normalizeHeader } from './suggest';
import type { Table } from './table';

const signatures: Record<Exclude<ImportSource, 'generic' | 'dynamics' | 'accord'>, string[]> = {
  salesforce: [
    'accountid',
    'reportstoid',
    'parentid',
    'billingcity',
    'billingstreet',
    'numberofemployees',
    'annualrevenue',
    'stagename',
    'ownerid',
    'mailingcity',
  ],
  hubspot: [
    'recordid',
    'companydomainname',
    'associatedcompany',
    'associatedcompanyid',
    'lifecyclestage',
    'contactowner',
    'companyowner',
    'leadstatus',
    'createdate',
    'dealstage',
    'dealowner',
    'dealname',
    'associatedcompanyids',
  ],
  bitrix24: [
    'названиекомпании',
    'ответственный',
    'стадиясделки',
    'рабочийemail',
    'типкомпании',
    'обращение',
    'кемсоздана',
    'кемсоздан',
    'датасоздания',
    'источник',
    'предполагаемаядатазакрытия',
  ],
  amocrm: [
    'полноеимя',
    'рабочийemail',
    'кемсоздан',
    'датасоздания',
    'теги',
    'ответственный',
    'основнойконтакт',
    'названиесделки',
    'бюджет',
    'этапсделки',
    'воронка',
  ],
};

/** Guesses the system a file was exported from by its headers (and Salesforce's `@AccountRef` values). */
export function detectSource(table: Table): ImportSource {
  const headers = table.columns.map((column) => normalizeHeader(column.header));
  if (table.columns.some((column) => column.header.startsWith('(Do Not Modify)'))) return 'dynamics';
  if (headers.includes('accordid')) return 'accord';
  // NOTE: amoCRM writes «Рабочий email», Bitrix24 «Рабочий e-mail»; both normalize alike, so the raw header decides.
  const raw = table.columns.map((column) => column.header.toLowerCase());
  const scores = Object.entries(signatures).map(([source, names]) => {
    let score = headers.filter((header) => names.includes(header)).length;
    if (source === 'amocrm' && raw.some((header) => /\bemail\b/.test(header) && /[а-я]/.test(header))) score += 2;
    if (source === 'bitrix24' && raw.some((header) => header.includes('e-mail') && /[а-я]/.test(header))) score += 2;
    if (source === 'amocrm' && new Set(raw).size < raw.length) score += 1;
    return { source: source as ImportSource, score };
  });
  const sample = table.rows.slice(0, 20);
  if (sample.some((row) => row.some((cell) => /^@\w+Ref\d+$/.test(cell)))) return 'salesforce';
  // NOTE: Salesforce record ids: 15 or 18 letters and digits, starting with a 3-character key prefix (001, 003…).
  const idColumns = table.columns.filter((column) => /id$/.test(normalizeHeader(column.header)));
  const salesforceIds = idColumns.some((column) =>
    sample.some((row) => /^0[0-9a-zA-Z]{14}(?:[0-9a-zA-Z]{3})?$/.test(row[column.index] ?? '')),
  );
  if (salesforceIds) return 'salesforce';
  const best = scores.sort((left, right) => right.score - left.score)[0];
  return best && best.score >= 2 ? best.source : 'generic';
}

/**
 * Guesses whether a file holds KPI points (a metric and a value column), activities (Salesforce's
 * WhoId, a subject or activity type), deals (a stage or deal name column), companies or people:
 * name parts mean people, so does an e-mail without a company name.
 */
export function detectKind(table: Table): ImportKind {
  const headers = table.columns.map((column) => normalizeHeader(column.header));
  const has = (names: string[]) => headers.some((header) => names.includes(header));
  if (has(['metric', 'metrickey', 'metriccode', 'kpi', 'метрика', 'показатель']) && has(['value', 'значение', 'факт']))
    return 'kpiPoints';
  // NOTE: before deals: an activity export often names the deal it belongs to («Сделка»).
  const activityColumns = [
    'whoid',
    'whatid',
    'activitydate',
    'activitydatetime',
    'activitytype',
    'engagementtype',
    'subject',
    'тема',
    'типдела',
    'типсобытия',
  ];
  if (has(activityColumns)) return 'interactions';
  const dealColumns = [
    'stagename',
    'dealstage',
    'dealname',
    'opportunity',
    'opportunityname',
    'стадиясделки',
    'этапсделки',
    'названиесделки',
    'сделка',
  ];
  if (headers.some((header) => dealColumns.includes(header))) return 'opportunities';
  const personName = ['firstname', 'lastname', 'fullname', 'фамилия', 'имя', 'отчество', 'фио', 'полноеимя'];
  if (headers.some((header) => personName.includes(header))) return 'contacts';
  const companyName = ['name', 'accountname', 'companyname', 'названиекомпании', 'наименование'];
  const hasEmail = headers.some((header) => header.includes('email'));
  return hasEmail && !headers.some((header) => companyName.includes(header)) ? 'contacts' : 'accounts';
}
