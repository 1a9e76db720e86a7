import { z } from 'zod';
import {
  buyingRoles,
  decisionOrientations,
  gapKinds,
  influenceLevels,
  interactionKinds,
  interactionStatuses,
  linkKinds,
  maxStaleAfterDays,
  relationshipLevels,
  supportLevels,
} from '../../analytics/relationships/terms';
import { commaList, defaultPageSize, listQuerySchema, maxPageSize } from '../../platform/list-query';
import { isoDateSchema, isoDateTimeSchema, optionalText } from '../../platform/schemas';
import { relationshipMessages } from './messages';

export {
  type BuyingRole,
  buyingRoles,
  type DecisionOrientation,
  decisionOrientations,
  defaultStaleAfterDays,
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
} from '../../analytics/relationships/terms';

export const updateStakeholderInput = z
  .strictObject({
    buyingRole: z.enum(buyingRoles).nullable(),
    support: z.enum(supportLevels).nullable(),
    influence: z.enum(influenceLevels).nullable(),
    decisionOrientation: z.enum(decisionOrientations).nullable(),
    keyPlayer: z.boolean(),
    notes: optionalText(10_000),
  })
  .partial();
export type UpdateStakeholderInput = z.input<typeof updateStakeholderInput>;

export const createCoverageInput = z.strictObject({
  userId: z.uuid(),
  currentLevel: z.enum(relationshipLevels),
  /** Where we want the relationship to be; the current level when omitted. */
  targetLevel: z.enum(relationshipLevels).optional(),
});
export type CreateCoverageInput = z.input<typeof createCoverageInput>;

export const updateCoverageInput = z
  .strictObject({ currentLevel: z.enum(relationshipLevels), targetLevel: z.enum(relationshipLevels) })
  .partial();
export type UpdateCoverageInput = z.input<typeof updateCoverageInput>;

export const createLinkInput = z.strictObject({
  fromContactId: z.uuid(),
  toContactId: z.uuid(),
  kind: z.enum(linkKinds),
  note: optionalText(1000),
});
export type CreateLinkInput = z.input<typeof createLinkInput>;

export const updateLinkInput = z.strictObject({ note: optionalText(1000) });
export type UpdateLinkInput = z.input<typeof updateLinkInput>;

// NOTE: PostgreSQL has no year 0, which the ISO patterns allow; business dates live well inside these years.

const interactionFields = {
  kind: z.enum(interactionKinds),
  status: z.enum(interactionStatuses),
  occurredAt: isoDateTimeSchema,
  durationMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .nullable(),
  location: optionalText(300),
  subject: z.string().trim().min(1).max(300),
  summary: optionalText(10_000),
  outcome: optionalText(5_000),
  nextStep: optionalText(1_000),
  nextStepOwnerId: z.uuid().nullable(),
  nextStepDueOn: isoDateSchema.nullable(),
  nextStepDone: z.boolean(),
  /** The customer's people who took (or will take) part: contacts of the account. */
  contactIds: z
    .array(z.uuid())
    .max(100)
    .transform((ids) => [...new Set(ids)]),
  /** Our people who took (or will take) part: members of the workspace. */
  userIds: z
    .array(z.uuid())
    .max(50)
    .transform((ids) => [...new Set(ids)]),
};

type NextStepFields = { nextStep?: string | null; nextStepOwnerId?: string | null; nextStepDueOn?: string | null };

/** An owner or due date needs a next step to belong to (checked again against stored values on a patch). */
function nextStepIsDescribed(value: NextStepFields, context: z.RefinementCtx) {
  const described = value.nextStep !== null;
  if (!described && (value.nextStepOwnerId || value.nextStepDueOn)) {
    context.addIssue({ code: 'custom', path: ['nextStep'], params: { text: relationshipMessages.nextStepNeedsText } });
  }
}

export const createInteractionInput = z
  .strictObject({
    accountId: z.uuid(),
    ...interactionFields,
    durationMinutes: interactionFields.durationMinutes.optional(),
    nextStepOwnerId: interactionFields.nextStepOwnerId.optional(),
    nextStepDueOn: interactionFields.nextStepDueOn.optional(),
    nextStepDone: interactionFields.nextStepDone.default(false),
    contactIds: interactionFields.contactIds.default([]),
    userIds: interactionFields.userIds.default([]),
  })
  .superRefine((value, context) => nextStepIsDescribed({ ...value, nextStep: value.nextStep ?? null }, context));
export type CreateInteractionInput = z.input<typeof createInteractionInput>;

export const updateInteractionInput = z.strictObject(interactionFields).partial();
export type UpdateInteractionInput = z.input<typeof updateInteractionInput>;

export const listInteractionsQuery = listQuerySchema(['occurredAt'], '-occurredAt').extend({
  kind: commaList(z.enum(interactionKinds)),
  status: commaList(z.enum(interactionStatuses)),
  contactId: z.uuid().optional(),
  userId: z.uuid().optional(),
});
export type ListInteractionsQuery = z.input<typeof listInteractionsQuery>;

export const listGapsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(maxPageSize).default(defaultPageSize),
  cursor: z.string().max(1000).optional(),
  kind: commaList(z.enum(gapKinds)),
  /** Owners of the accounts. */
  ownerId: commaList(z.uuid()),
});
export type ListGapsQuery = z.input<typeof listGapsQuery>;

export const updateRelationshipSettingsInput = z.strictObject({
  staleAfterDays: z.number().int().min(1).max(maxStaleAfterDays),
});
export type UpdateRelationshipSettingsInput = z.input<typeof updateRelationshipSettingsInput>;
