// NOTE: the one door from the web app into the server's source: pure zod input schemas, the
// permission names and the field-message translator, so browser and API validate alike.

export {
  type AgeingBucket,
  ageingBuckets,
} from '../../../src/analytics/money/ageing';
export { formatMoney, minorToDecimal, parseMoney } from '../../../src/analytics/money/money';
export { formatQuantity, formatRate, lineAmounts, parseQuantity, parseVatRate } from '../../../src/analytics/money/vat';
export type { StrengthFactor } from '../../../src/analytics/relationships/strength';
export {
  type AccountStatus,
  accountStatuses,
  type CreateAccountInput,
  createAccountInput,
  type TeamRole,
  teamRoles,
  updateAccountInput,
} from '../../../src/modules/accounts/schemas';
export { changePasswordInput, createApiTokenInput, loginInput } from '../../../src/modules/auth/schemas';
export {
  type CreateFeedbackInput,
  type CreateSurveyResultInput,
  createFeedbackInput,
  createSurveyResultInput,
  type FeedbackKind,
  type FeedbackSeverity,
  type FeedbackSource,
  type FeedbackStatus,
  feedbackKinds,
  feedbackSeverities,
  feedbackSources,
  feedbackStatuses,
  type LossReason,
  lossReasons,
  markLostInput,
  type RootCause,
  rootCauses,
  type UpdateSurveyResultInput,
  updateFeedbackInput,
} from '../../../src/modules/client-care/schemas';
export {
  type CreateContactInput,
  createContactInput,
  type MessengerKind,
  messengerKinds,
  updateContactInput,
} from '../../../src/modules/contacts/schemas';
export {
  type CustomFieldEntity,
  type CustomFieldType,
  createCustomFieldInput,
  customFieldEntities,
  customFieldTypes,
  updateCustomFieldInput,
} from '../../../src/modules/custom-fields/schemas';
export {
  type BriefField,
  type BriefFieldType,
  briefFieldTypes,
  createBriefTemplateInput,
  type MoneyAnswer,
  nextRequestStatuses,
  type ReportCheck,
  type ReportStatus,
  type RequestSource,
  type RequestStatus,
  reportChecks,
  requestSources,
  requestStatuses,
} from '../../../src/modules/delivery/client-work-schemas';
export {
  type AcceptanceState,
  acceptanceStates,
  type EstimateStatus,
  estimateStatuses,
  type TaskPriority,
  type TaskStatus,
  taskPriorities,
  taskStatuses,
  type WorkloadGrouping,
  workloadGroupings,
} from '../../../src/modules/delivery/schemas';
export {
  type ContractKind,
  type ContractStatus,
  type Currency,
  contractKinds,
  contractStatuses,
  currencies,
  type InvoiceStatus,
  invoiceStatuses,
  invoiceStatusFilters,
  type VatMode,
  vatModes,
} from '../../../src/modules/finance/schemas';
export {
  accountFields,
  type ColumnMapping,
  contactFields,
  type Delimiter,
  delimiters,
  type FileFormat,
  fileFormats,
  type ImportField,
  type ImportKind,
  type ImportSource,
  importFields,
  importKinds,
  importSources,
  interactionFields,
  kpiPointFields,
  opportunityFields,
  type TableColumn,
  type TextEncoding,
  textEncodings,
} from '../../../src/modules/imports/schemas';
export {
  createMetricInput,
  createSeriesInput,
  createTargetInput,
  type FindingKindName,
  type FindingStatus,
  findingKinds,
  findingStatuses,
  followUpFindingInput,
  type HealthFactorKey,
  type HealthGrade,
  healthFactorKeys,
  healthGrades,
  type MetricAggregation,
  type MetricDirection,
  type MetricFrequency,
  type MetricUnit,
  maxPointsPerUpload,
  metricAggregations,
  metricDirections,
  metricFrequencies,
  metricUnits,
  pointTimeOf,
  updateMetricInput,
} from '../../../src/modules/kpis/schemas';
export {
  type OpportunityType,
  opportunityTypes,
  type WhitespaceState,
  whitespaceStates,
} from '../../../src/modules/opportunities/schemas';
export {
  type Axis,
  axes,
  type Criterion,
  type CriterionInput,
  type DesignationKind,
  type DesignationStatus,
  demoteAccountInput,
  demotionStatuses,
  nominateAccountInput,
  type PortfolioModelDefinition,
  type Quadrant,
  quadrants,
  rateAccountInput,
  rejectDesignationInput,
  runReviewInput,
  savePortfolioModelInput,
} from '../../../src/modules/portfolio/schemas';
export {
  type BuyingRole,
  buyingRoles,
  createCoverageInput,
  createInteractionInput,
  createLinkInput,
  type DecisionOrientation,
  decisionOrientations,
  type GapKind,
  gapKinds,
  type InfluenceLevel,
  type InteractionKind,
  type InteractionStatus,
  influenceLevels,
  interactionKinds,
  interactionStatuses,
  type LinkKind,
  linkKinds,
  maxStaleAfterDays,
  type RelationshipLevel,
  relationshipLevels,
  type SupportLevel,
  supportLevels,
  updateInteractionInput,
  updateRelationshipSettingsInput,
  updateStakeholderInput,
} from '../../../src/modules/relationships/schemas';
export { updateProfileInput } from '../../../src/modules/users/schemas';
export { addMemberInput, updateWorkspaceInput, workspaceSettingsInput } from '../../../src/modules/workspaces/schemas';
export { type Permission, type Role, roles } from '../../../src/platform/auth/permissions';
export { isLocale, type Locale, locales, negotiateLocale } from '../../../src/platform/i18n/locale';
export { translate } from '../../../src/platform/i18n/text';
export { fieldErrorsFromIssues } from '../../../src/platform/validation';
