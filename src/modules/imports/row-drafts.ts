import { z } from 'zod';
import type { FieldError } from '../../platform/errors';
import { translate } from '../../platform/i18n/text';
import { fieldErrorsFromIssues } from '../../platform/validation';
import { createAccountInput, taxIdSchema, websiteSchema } from '../accounts';
import { createContactInput } from '../contacts';
import type {
  AccountField,
  ColumnMapping,
  ContactField,
  ImportField,
  ImportKind,
  ImportSource,
} from './formats/fields';
import type { TableColumn } from './formats/table';
import { splitMultiValue } from './formats/values';
import type { InteractionDraft } from './interaction-drafts';
import type { KpiPointDraft } from './kpi-point-drafts';
import { importMessages } from './messages';
import type { OpportunityDraft } from './opportunity-drafts';
import type { RowProblem } from './schema';

export type AccountDraft = {
  kind: 'accounts';
  externalId: string;
  name: string;
  legalName: string | null;
  taxId: string | null;
  website: string | null;
  industry: string | null;
  segment: string | null;
  tags: string[];
  notes: string | null;
  parentExternalId: string | null;
  parentName: string | null;
  /** The owner as the file names them (a person's name or e-mail), matched to a member when written. */
  owner: string | null;
};

export type ContactDraft = {
  kind: 'contacts';
  externalId: string;
  firstName: string;
  lastName: string;
  patronymic: string | null;
  title: string | null;
  department: string | null;
  emails: string[];
  phones: string[];
  notes: string | null;
  accountExternalId: string | null;
  accountName: string | null;
  reportsToExternalId: string | null;
};

export type RowDraft = AccountDraft | ContactDraft | OpportunityDraft | InteractionDraft | KpiPointDraft;
/** A row drafted (with notices about what was assumed), or the reasons it cannot be. */
export type DraftResult =
  | { row: number; draft: RowDraft; notices?: RowProblem[] }
  | { row: number; problems: RowProblem[] };

const multiValued = new Set<ImportField>(['email', 'phone', 'tags']);

/**
 * Accord's own exports write a text that a spreadsheet would run as a formula with a leading `'`
 * (`'=HYPERLINK(…)`, see platform/table-file); reading such a file back takes the mark off again.
 */
function unguarded(cell: string, source: ImportSource): string {
  return source === 'accord' && /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** The values of each mapped field in one row; several columns of one field are joined. */
export function valuesOf(row: string[], columns: TableColumn[], mapping: ColumnMapping, source: ImportSource) {
  const values = new Map<ImportField, string[]>();
  for (const column of columns) {
    const field = mapping[column.key];
    const cell = unguarded((row[column.index] ?? '').trim(), source);
    if (!field || cell === '') continue;
    const parts = multiValued.has(field) ? splitMultiValue(cell) : [cell];
    values.set(field, [...(values.get(field) ?? []), ...parts]);
  }
  return values;
}

/** A reference as the source writes it: Salesforce's tree format prefixes `@` (`@AccountRef10`). */
export function referenceOf(value: string | undefined): string | null {
  if (!value) return null;
  return value.startsWith('@') ? value.slice(1) : value;
}

export function problem(row: number, column: string | null, text: Parameters<typeof translate>[1]): RowProblem {
  return { row, column, message: { en: translate('en', text), ru: translate('ru', text) } };
}

/** The columns mapped to a field, named in a problem about that field. */
export function columnOf(field: ImportField, columns: TableColumn[], mapping: ColumnMapping): string | null {
  return columns.find((column) => mapping[column.key] === field)?.header ?? null;
}

const companyTaxIdCheck = z.object({ taxId: taxIdSchema });

/**
 * The INN (or another tax id) a deal, activity or KPI value gives for its company, checked as an
 * account's is (a 10- or 12-digit INN by its checksum): the value, or the row's problems with it.
 */
export function companyTaxIdOf(
  text: string | undefined,
  row: number,
  columns: TableColumn[],
  mapping: ColumnMapping,
): { taxId: string | null; problems: RowProblem[] } {
  const input = { taxId: text };
  const parsed = companyTaxIdCheck.safeParse(input);
  if (parsed.success) return { taxId: parsed.data.taxId, problems: [] };
  const errors = fieldErrorsFromIssues(parsed.error.issues, input);
  return { taxId: null, problems: problemsOf(row, errors, () => 'taxId', columns, mapping) };
}

export function problemsOf(
  row: number,
  errors: FieldError[],
  fieldOf: (path: string) => ImportField | undefined,
  columns: TableColumn[],
  mapping: ColumnMapping,
) {
  return errors.map((error) => {
    const field = fieldOf(error.path.split('.')[0] ?? '');
    return problem(row, field ? columnOf(field, columns, mapping) : null, error.message);
  });
}

/** Splits «Иванов Иван Иванович» (Cyrillic: last name first) or “Ada Lovelace” (first name first). */
export function splitFullName(fullName: string): { firstName: string; lastName: string; patronymic: string | null } {
  const parts = fullName.trim().split(/\s+/);
  if (parts.length === 1) return { firstName: '', lastName: parts[0] ?? '', patronymic: null };
  if (/[а-яё]/i.test(fullName)) {
    const [lastName = '', firstName = '', ...rest] = parts;
    return { firstName, lastName, patronymic: rest.length > 0 ? rest.join(' ') : null };
  }
  const lastName = parts.pop() ?? '';
  return { firstName: parts.join(' '), lastName, patronymic: null };
}

const accountCheck = z.object({
  name: createAccountInput.shape.name,
  legalName: createAccountInput.shape.legalName,
  taxId: taxIdSchema,
  website: websiteSchema,
  industry: createAccountInput.shape.industry,
  segment: createAccountInput.shape.segment,
  tags: createAccountInput.shape.tags,
  notes: createAccountInput.shape.notes,
});

const contactCheck = z.object({
  firstName: createContactInput.shape.firstName,
  lastName: createContactInput.shape.lastName,
  patronymic: createContactInput.shape.patronymic,
  title: createContactInput.shape.title,
  department: createContactInput.shape.department,
  emails: createContactInput.shape.emails,
  phones: createContactInput.shape.phones,
  notes: createContactInput.shape.notes,
});

const accountPathField: Record<string, AccountField> = {
  name: 'name',
  legalName: 'legalName',
  taxId: 'taxId',
  website: 'website',
  industry: 'industry',
  segment: 'segment',
  tags: 'tags',
  notes: 'notes',
};
const contactPathField: Record<string, ContactField> = {
  firstName: 'firstName',
  lastName: 'lastName',
  patronymic: 'patronymic',
  title: 'title',
  department: 'department',
  emails: 'email',
  phones: 'phone',
  notes: 'notes',
};

/**
 * The key a row is matched by on re-import: the source's own id; Salesforce's tree format numbers
 * its rows (`AccountRef1`…); failing both, the INN, e-mail or name, so a file without ids is
 * still idempotent.
 */
function externalIdOf(
  kind: ImportKind,
  source: ImportSource,
  index: number,
  id: string | undefined,
  fallback: string,
): string {
  if (id) return id;
  if (source === 'salesforce') return `${kind === 'accounts' ? 'Account' : 'Contact'}Ref${index + 1}`;
  return fallback;
}

/** Turns one row into what will be stored, or the reasons it cannot be. `index` counts data rows from 0. */
export function draftRow(
  kind: ImportKind,
  source: ImportSource,
  columns: TableColumn[],
  mapping: ColumnMapping,
  row: string[],
  index: number,
  rowNumber: number,
): DraftResult {
  const values = valuesOf(row, columns, mapping, source);
  const one = (field: ImportField) => values.get(field)?.join('\n');
  if (kind === 'accounts') {
    const input = {
      name: one('name') ?? '',
      legalName: one('legalName'),
      taxId: one('taxId'),
      website: one('website'),
      industry: one('industry'),
      segment: one('segment'),
      tags: values.get('tags') ?? [],
      notes: one('notes'),
    };
    const parsed = accountCheck.safeParse(input);
    if (!parsed.success) {
      const errors = fieldErrorsFromIssues(parsed.error.issues, input);
      return {
        row: rowNumber,
        problems: problemsOf(rowNumber, errors, (path) => accountPathField[path], columns, mapping),
      };
    }
    const data = parsed.data;
    const fallback = data.taxId ? `inn:${data.taxId}` : `name:${data.name.toLowerCase()}`;
    return {
      row: rowNumber,
      draft: {
        kind,
        ...data,
        externalId: externalIdOf(kind, source, index, one('externalId'), fallback),
        parentExternalId: referenceOf(one('parentExternalId')),
        parentName: one('parentName') ?? null,
        owner: one('owner') ?? null,
      },
    };
  }
  const fullName = one('fullName');
  const split = fullName ? splitFullName(fullName) : undefined;
  const input = {
    firstName: one('firstName') ?? split?.firstName ?? '',
    lastName: one('lastName') ?? split?.lastName ?? '',
    patronymic: one('patronymic') ?? split?.patronymic,
    title: one('title'),
    department: one('department'),
    emails: values.get('email') ?? [],
    phones: values.get('phone') ?? [],
    notes: one('notes'),
  };
  const parsed = contactCheck.safeParse(input);
  const problems: RowProblem[] = [];
  if (!parsed.success) {
    const errors = fieldErrorsFromIssues(parsed.error.issues, input);
    const field = (path: string) =>
      path === 'lastName' && !Object.values(mapping).includes('lastName') && fullName
        ? 'fullName'
        : contactPathField[path];
    problems.push(...problemsOf(rowNumber, errors, field, columns, mapping));
  }
  const accountExternalId = referenceOf(one('accountExternalId'));
  const accountName = one('accountName') ?? null;
  if (!accountExternalId && !accountName)
    problems.push(problem(rowNumber, null, { text: importMessages.accountRequired }));
  if (!parsed.success || problems.length > 0) return { row: rowNumber, problems };
  const data = parsed.data;
  const fallback = data.emails[0]
    ? `email:${data.emails[0]}`
    : `name:${[accountExternalId ?? accountName, data.lastName, data.firstName, data.patronymic ?? ''].join('|').toLowerCase()}`;
  return {
    row: rowNumber,
    draft: {
      kind: 'contacts',
      ...data,
      externalId: externalIdOf(kind, source, index, one('externalId'), fallback),
      accountExternalId,
      accountName,
      reportsToExternalId: referenceOf(one('reportsToExternalId')),
    },
  };
}

/** The line a data row starts on, as a spreadsheet shows it (the header is row 1). */
export const rowNumberOf = (index: number) => index + 2;
