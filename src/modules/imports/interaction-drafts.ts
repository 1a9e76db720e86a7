import { z } from 'zod';
import type { translate } from '../../platform/i18n/text';
import { fieldErrorsFromIssues } from '../../platform/validation';
import { createInteractionInput, type InteractionKind } from '../relationships';
import type { ColumnMapping, ImportField, ImportSource } from './formats/fields';
import { normalizeHeader } from './formats/suggest';
import type { TableColumn } from './formats/table';
import { type DateOrder, parseDate, splitMultiValue } from './formats/values';
import { importMessages } from './messages';
import { columnOf, companyTaxIdOf, problem, problemsOf, referenceOf, valuesOf } from './row-drafts';
import type { RowProblem } from './schema';

export type InteractionDraft = {
  kind: 'interactions';
  externalId: string;
  subject: string;
  interactionKind: InteractionKind;
  /** ISO date-time; planned or held is decided against the time of the run. */
  occurredAt: string;
  summary: string | null;
  accountExternalId: string | null;
  accountName: string | null;
  /** The company's INN, matched to the accounts' tax ids before the name. */
  accountTaxId: string | null;
  /** Salesforce's WhatId: the company when the file names no account (a deal's id is reported). */
  relatedExternalId: string | null;
  contactExternalIds: string[];
  contactEmails: string[];
  contactNames: string[];
  /** Our person responsible (name or e-mail as the file writes it), matched to a member when written. */
  owner: string | null;
};

// NOTE: the values CRMs write for an activity's type, compared after `normalizeHeader`:
// Salesforce's Type/TaskSubtype/EventSubtype, HubSpot's activity types, Bitrix24's «Тип» of «Дела».
const kindSynonyms: Record<InteractionKind, string[]> = {
  meeting: ['meeting', 'meetings', 'event', 'visit', 'встреча', 'встречи', 'визит', 'событие'],
  call: ['call', 'calls', 'phonecall', 'звонок', 'звонки', 'входящийзвонок', 'исходящийзвонок', 'телефонныйзвонок'],
  email: ['email', 'emails', 'mail', 'письмо', 'письма', 'почта', 'электронноеписьмо', 'incomingemail'],
  presentation: ['presentation', 'demo', 'demonstration', 'презентация', 'демонстрация', 'демо'],
  negotiation: ['negotiation', 'negotiations', 'переговоры'],
  messenger: [
    'messenger',
    'chat',
    'sms',
    'whatsapp',
    'telegram',
    'linkedinmessage',
    'чат',
    'сообщение',
    'открытаялиния',
  ],
  note: [
    'note',
    'notes',
    'task',
    'tasks',
    'todo',
    'other',
    'заметка',
    'примечание',
    'комментарий',
    'задача',
    'дело',
    'другое',
  ],
};
const kindOfValue = new Map(
  Object.entries(kindSynonyms).flatMap(([kind, values]) => values.map((value) => [value, kind as InteractionKind])),
);

/** What an activity type written in a file is in Accord, or undefined when no known type is named so. */
export function interactionKindOf(value: string): InteractionKind | undefined {
  return kindOfValue.get(normalizeHeader(value));
}

/** A type left empty or not known is stored as a note (the latter with a notice on the row). */
export const fallbackInteractionKind: InteractionKind = 'note';

const textCheck = z.object({
  subject: createInteractionInput.shape.subject,
  summary: createInteractionInput.shape.summary,
});
const textField: Record<string, ImportField> = { subject: 'subject', summary: 'summary' };

/** A notice: the row is imported, the user is told what was assumed. */
function notice(row: number, column: string | null, text: Parameters<typeof translate>[1]): RowProblem {
  return { ...problem(row, column, text), notice: true };
}

/**
 * Turns one activity row into what will be stored, or the reasons it cannot be. Without a
 * subject the first line of the description stands in; the company may come from the file, from
 * Salesforce's WhatId or, failing both, from the people named.
 */
export function draftInteraction(
  source: ImportSource,
  columns: TableColumn[],
  mapping: ColumnMapping,
  row: string[],
  rowNumber: number,
  dateOrder: DateOrder,
): { row: number; draft: InteractionDraft; notices: RowProblem[] } | { row: number; problems: RowProblem[] } {
  const values = valuesOf(row, columns, mapping, source);
  const one = (field: ImportField) => values.get(field)?.join('\n');
  const many = (field: ImportField) => (values.get(field) ?? []).flatMap(splitMultiValue);
  const problems: RowProblem[] = [];
  const notices: RowProblem[] = [];
  const report = (field: ImportField | null, text: Parameters<typeof translate>[1]) =>
    problems.push(problem(rowNumber, field ? columnOf(field, columns, mapping) : null, text));

  const summaryText = one('summary');
  const texts = { subject: one('subject') ?? summaryText?.split('\n')[0]?.slice(0, 300) ?? '', summary: summaryText };
  const checked = textCheck.safeParse(texts);
  if (!checked.success) {
    const errors = fieldErrorsFromIssues(checked.error.issues, texts);
    problems.push(...problemsOf(rowNumber, errors, (path) => textField[path], columns, mapping));
  }
  const dateText = one('interactionDate');
  const occurredAt = dateText ? parseDate(dateText, dateOrder) : undefined;
  if (!dateText) report('interactionDate', { text: importMessages.interactionDateRequired });
  else if (!occurredAt) report('interactionDate', { text: importMessages.badDate, params: { value: dateText } });

  // NOTE: Salesforce fills Type or TaskSubtype, so both are mapped and the first value written counts.
  const typeText = values.get('interactionType')?.[0]?.trim();
  const known = typeText ? interactionKindOf(typeText) : undefined;
  if (typeText && !known) {
    const column = columnOf('interactionType', columns, mapping);
    notices.push(
      notice(rowNumber, column, { text: importMessages.unknownInteractionType, params: { value: typeText } }),
    );
  }
  const accountExternalId = referenceOf(one('accountExternalId'));
  const accountName = one('accountName') ?? null;
  const tax = companyTaxIdOf(one('taxId'), rowNumber, columns, mapping);
  problems.push(...tax.problems);
  const accountTaxId = tax.taxId;
  const relatedExternalId = referenceOf(one('relatedExternalId'));
  const contactExternalIds = many('contactExternalId').map((id) => referenceOf(id) ?? id);
  const contactEmails = many('contactEmail').map((email) => email.toLowerCase());
  // NOTE: names are not split on commas: «Иванов Иван, Петров Пётр» is two people only when a list.
  const contactNames = (values.get('contactName') ?? []).flatMap((cell) => cell.split(/[;\n]\s*/)).filter(Boolean);
  const namesSomeone = contactExternalIds.length + contactEmails.length + contactNames.length > 0;
  if (
    !accountExternalId &&
    !accountName &&
    !accountTaxId &&
    !relatedExternalId &&
    !namesSomeone &&
    !tax.problems.length
  ) {
    report(null, { text: importMessages.interactionAccountRequired });
  }
  if (problems.length > 0 || !checked.success || !occurredAt) return { row: rowNumber, problems };

  const { subject, summary } = checked.data;
  const interactionKind = known ?? fallbackInteractionKind;
  const at = occurredAt.toISOString();
  // NOTE: without an id column, the company, time, type and subject stand in, so a re-import still updates.
  // NOTE: the INN comes last, so the ids of files read before INN counted stay the same.
  const company =
    accountExternalId ??
    accountName ??
    relatedExternalId ??
    contactExternalIds[0] ??
    contactEmails[0] ??
    (accountTaxId ? `inn:${accountTaxId}` : undefined);
  const fallbackId = `key:${[company ?? contactNames[0], at, interactionKind, subject].join('|').toLowerCase()}`;
  return {
    row: rowNumber,
    notices,
    draft: {
      kind: 'interactions',
      externalId: one('externalId') || fallbackId,
      subject,
      interactionKind,
      occurredAt: at,
      summary,
      accountExternalId,
      accountName,
      accountTaxId,
      relatedExternalId,
      contactExternalIds: [...new Set(contactExternalIds)],
      contactEmails: [...new Set(contactEmails)],
      contactNames: [...new Set(contactNames)],
      owner: one('owner')?.trim() || null,
    },
  };
}
