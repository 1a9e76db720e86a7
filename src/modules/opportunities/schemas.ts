import { z } from 'zod';
import { maxMinorUnits } from '../../analytics/money/money';
import { whitespaceStates } from '../../analytics/plans/whitespace';
import { currencySchema, isoDateSchema, optionalText } from '../../platform/schemas';
import { buyingCentreKinds, offeringKinds, opportunityMessages, opportunityTypes } from './messages';

// NOTE: pure zod shared with the web app (decision 0004); amounts are whole minor units.

export { type WhitespaceState, whitespaceStates } from '../../analytics/plans/whitespace';
export {
  type BuyingCentreKind,
  buyingCentreKinds,
  type OfferingKind,
  type OpportunityType,
  offeringKinds,
  opportunityTypes,
  type StageOutcome,
  stageOutcomes,
} from './messages';

const name = z.string().trim().min(1).max(200);
const percent = z
  .number()
  .int()
  .refine((value) => value >= 0 && value <= 100, { params: { text: opportunityMessages.percent } });
const minor = z
  .number()
  .int()
  .refine((value) => value >= 0 && value <= maxMinorUnits, { params: { text: opportunityMessages.amount } });

export const createOfferingInput = z.strictObject({ name, family: name, kind: z.enum(offeringKinds) });
export type CreateOfferingInput = z.input<typeof createOfferingInput>;
export const updateOfferingInput = z.strictObject({
  name: name.optional(),
  family: name.optional(),
  kind: z.enum(offeringKinds).optional(),
  retired: z.boolean().optional(),
});
export type UpdateOfferingInput = z.input<typeof updateOfferingInput>;

export const createBuyingCentreInput = z.strictObject({ name, kind: z.enum(buyingCentreKinds) });
export type CreateBuyingCentreInput = z.input<typeof createBuyingCentreInput>;

export const updateStageInput = z.strictObject({
  titleEn: name.optional(),
  titleRu: name.optional(),
  probability: percent.optional(),
});
export type UpdateStageInput = z.input<typeof updateStageInput>;

export const createStageInput = z.strictObject({ titleEn: name, titleRu: name, probability: percent });
export type CreateStageInput = z.input<typeof createStageInput>;

/** The open stages in their new order; won and lost stay last. */
export const reorderStagesInput = z.strictObject({ stageIds: z.array(z.uuid()).min(1).max(50) });
export type ReorderStagesInput = z.input<typeof reorderStagesInput>;

export const createOpportunityInput = z.strictObject({
  accountId: z.uuid(),
  title: z.string().trim().min(1).max(300),
  type: z.enum(opportunityTypes),
  offeringId: z.uuid().nullable().default(null),
  buyingCentreId: z.uuid().nullable().default(null),
  /** Defaults to the first stage of the pipeline. */
  stageId: z.uuid().optional(),
  amountMinor: minor,
  currency: currencySchema,
  /** Defaults to the stage's probability. */
  probability: percent.optional(),
  expectedCloseOn: isoDateSchema,
  /** Defaults to the actor. */
  ownerId: z.uuid().optional(),
  nextStep: optionalText(500),
});
export type CreateOpportunityInput = z.input<typeof createOpportunityInput>;

export const updateOpportunityInput = z.strictObject({
  title: z.string().trim().min(1).max(300).optional(),
  type: z.enum(opportunityTypes).optional(),
  offeringId: z.uuid().nullable().optional(),
  buyingCentreId: z.uuid().nullable().optional(),
  /** Moving to another stage also takes its probability unless one is given. */
  stageId: z.uuid().optional(),
  amountMinor: minor.optional(),
  currency: currencySchema.optional(),
  probability: percent.optional(),
  expectedCloseOn: isoDateSchema.optional(),
  ownerId: z.uuid().optional(),
  nextStep: optionalText(500),
  /** Required when moving to a lost stage. */
  lostReason: optionalText(1000),
});
export type UpdateOpportunityInput = z.input<typeof updateOpportunityInput>;

export const listOpportunitiesQuery = z.object({
  accountId: z.uuid().optional(),
  stageId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  offeringId: z.uuid().optional(),
  type: z.enum(opportunityTypes).optional(),
  /** Open ones only (the default) or all, closed too. */
  status: z.enum(['open', 'all']).default('open'),
});
export type ListOpportunitiesQuery = z.input<typeof listOpportunitiesQuery>;

export const saveWhitespaceCellInput = z.strictObject({
  buyingCentreId: z.uuid(),
  offeringId: z.uuid(),
  state: z.enum(whitespaceStates),
  currency: currencySchema,
  currentRevenueMinor: minor.default(0),
  potentialMinor: minor.default(0),
  competitor: optionalText(200),
});
export type SaveWhitespaceCellInput = z.input<typeof saveWhitespaceCellInput>;

export const enterActualInput = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  currency: currencySchema,
  amountMinor: minor,
});
export type EnterActualInput = z.input<typeof enterActualInput>;
