/** What an import brings in. */
export const importKinds = ['accounts', 'contacts'] as const;
export type ImportKind = (typeof importKinds)[number];

/** Where a file came from; decides the external-id column and how references are written. */
export const importSources = ['accord', 'salesforce', 'dynamics', 'hubspot', 'bitrix24', 'amocrm', 'generic'] as const;
export type ImportSource = (typeof importSources)[number];

export const accountFields = [
  'externalId',
  'name',
  'legalName',
  'taxId',
  'website',
  'industry',
  'segment',
  'parentExternalId',
  'parentName',
  'tags',
  'notes',
] as const;

export const contactFields = [
  'externalId',
  'fullName',
  'lastName',
  'firstName',
  'patronymic',
  'title',
  'department',
  'email',
  'phone',
  'accountExternalId',
  'accountName',
  'reportsToExternalId',
  'notes',
] as const;

export type AccountField = (typeof accountFields)[number];
export type ContactField = (typeof contactFields)[number];
export type ImportField = AccountField | ContactField;
export const importFields = [...new Set<ImportField>([...accountFields, ...contactFields])];

export function fieldsOf(kind: ImportKind): readonly ImportField[] {
  return kind === 'accounts' ? accountFields : contactFields;
}

/** Column key → Accord field; columns left out are not imported. */
export type ColumnMapping = Record<string, ImportField>;
