/** What an import brings in. */
export const importKinds = ['accounts', 'contacts', 'opportunities', 'interactions', 'kpiPoints'] as const;
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
  'owner',
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

export const opportunityFields = [
  'externalId',
  'dealName',
  'accountExternalId',
  'accountName',
  'taxId',
  'stage',
  'amount',
  'currency',
  'closeDate',
  'probability',
  'owner',
  'nextStep',
  'lostReason',
] as const;

export const interactionFields = [
  'externalId',
  'subject',
  'interactionType',
  'interactionDate',
  'summary',
  'accountExternalId',
  'accountName',
  'taxId',
  'relatedExternalId',
  'contactExternalId',
  'contactEmail',
  'contactName',
  'owner',
] as const;

export const kpiPointFields = [
  'accountExternalId',
  'accountName',
  'taxId',
  'metric',
  'dimension',
  'pointDate',
  'value',
  'unit',
] as const;

export type AccountField = (typeof accountFields)[number];
export type ContactField = (typeof contactFields)[number];
export type OpportunityField = (typeof opportunityFields)[number];
export type InteractionField = (typeof interactionFields)[number];
export type KpiPointField = (typeof kpiPointFields)[number];
export type ImportField = AccountField | ContactField | OpportunityField | InteractionField | KpiPointField;
export const importFields = [
  ...new Set<ImportField>([
    ...accountFields,
    ...contactFields,
    ...opportunityFields,
    ...interactionFields,
    ...kpiPointFields,
  ]),
];

const fieldsByKind: Record<ImportKind, readonly ImportField[]> = {
  accounts: accountFields,
  contacts: contactFields,
  opportunities: opportunityFields,
  interactions: interactionFields,
  kpiPoints: kpiPointFields,
};

export function fieldsOf(kind: ImportKind): readonly ImportField[] {
  return fieldsByKind[kind];
}

/**
 * Fields whose values the user may map one by one to Accord's own: a CRM's stage names to the
 * pipeline's stages, its people («Ответственный») to the workspace's members.
 */
export const valueMappedFields = ['stage', 'owner'] as const;
export type ValueMappedField = (typeof valueMappedFields)[number];
/** Field → value as written in the file → what Accord stores (a stage id, a user id). */
export type ValueMappings = Partial<Record<ValueMappedField, Record<string, string>>>;

/** Column key → Accord field; columns left out are not imported. */
export type ColumnMapping = Record<string, ImportField>;
