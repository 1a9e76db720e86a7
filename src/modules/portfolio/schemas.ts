import { z } from 'zod';
import { axes, modelProblems, type Quadrant, quadrants, type ScoringModel } from '../../analytics/scoring';
import { commaList, listQuerySchema, totalFlag } from '../../platform/list-query';
import { optionalText } from '../../platform/schemas';
import { accountStatuses } from '../accounts/schemas';
import { modelProblemMessages, portfolioMessages } from './messages';

// NOTE: pure zod, shared with the web app (decision 0004); the model's rules come from the pure
// scoring engine, so the settings form, the API and the engine refuse the same models.

export { type Axis, axes, type Quadrant, quadrants } from '../../analytics/scoring';

export type QuadrantCounts = Record<Quadrant | 'unscored', number>;

const localizedText = (maximum: number) =>
  z.strictObject({ en: z.string().trim().min(1).max(maximum), ru: z.string().trim().min(1).max(maximum) });
export type LocalizedString = { en: string; ru: string };

export const criterionKeySchema = z
  .string()
  .trim()
  .max(40)
  .refine((key) => /^[a-z][a-z0-9_]*$/.test(key), { params: { text: portfolioMessages.criterionKey } });

/** A fact key as the registry names them: `<module>.<fact>`. */
const factKeySchema = z.string().trim().min(1).max(100);

const anchorSchema = z.strictObject({ value: z.number().int(), label: localizedText(300) });

const ratingSourceSchema = z.strictObject({
  kind: z.literal('rating'),
  min: z.number().int().min(-100).max(100),
  max: z.number().int().min(-100).max(100),
  anchors: z.array(anchorSchema).max(201).default([]),
});

const factSourceSchema = z.strictObject({
  kind: z.literal('fact'),
  fact: factKeySchema,
  /** Where the fact's value maps to 0 and to 100 (reversed when less is better). */
  low: z.number(),
  high: z.number(),
});

const criterionSchema = z.strictObject({
  key: criterionKeySchema,
  label: localizedText(100),
  description: localizedText(1000)
    .nullish()
    .transform((value) => value ?? null),
  weight: z.number(),
  source: z.discriminatedUnion('kind', [ratingSourceSchema, factSourceSchema]),
});
export type CriterionInput = z.input<typeof criterionSchema>;
export type Criterion = z.output<typeof criterionSchema>;

/** The model as the pure engine scores with it (fact directions come from the registry). */
export function scoringModelOf(
  definition: Pick<PortfolioModelDefinition, 'attractiveness' | 'strength' | 'thresholds'>,
  higherIsBetter: (fact: string) => boolean = () => true,
): ScoringModel {
  const criteriaOf = (criteria: readonly Criterion[]) =>
    criteria.map((criterion) => ({
      key: criterion.key,
      weight: criterion.weight,
      source:
        criterion.source.kind === 'rating'
          ? { kind: 'rating' as const, min: criterion.source.min, max: criterion.source.max }
          : { ...criterion.source, higherIsBetter: higherIsBetter(criterion.source.fact) },
    }));
  return {
    attractiveness: criteriaOf(definition.attractiveness),
    strength: criteriaOf(definition.strength),
    thresholds: definition.thresholds,
  };
}

export const portfolioModelDefinitionSchema = z
  .strictObject({
    attractiveness: z.array(criterionSchema).max(20),
    strength: z.array(criterionSchema).max(20),
    thresholds: z
      .strictObject({ attractiveness: z.number(), strength: z.number() })
      .default({ attractiveness: 50, strength: 50 }),
    postures: z.strictObject({
      strategic: localizedText(2000),
      star: localizedText(2000),
      status: localizedText(2000),
      streamline: localizedText(2000),
    }),
    keyAccountCap: z.number().int().min(1).max(100_000).default(100),
  })
  .superRefine((definition, context) => {
    for (const problem of modelProblems(scoringModelOf(definition))) {
      context.addIssue({ code: 'custom', path: problem.path, params: { text: modelProblemMessages[problem.code] } });
    }
    for (const axis of axes) {
      definition[axis].forEach((criterion, index) => {
        const { source } = criterion;
        if (source.kind !== 'rating') return;
        const levels = new Set<number>();
        source.anchors.forEach((anchor, anchorIndex) => {
          const path = [axis, index, 'source', 'anchors', anchorIndex, 'value'];
          if (anchor.value < source.min || anchor.value > source.max) {
            context.addIssue({ code: 'custom', path, params: { text: portfolioMessages.anchorOffScale } });
          } else if (levels.has(anchor.value)) {
            context.addIssue({ code: 'custom', path, params: { text: portfolioMessages.anchorDuplicate } });
          }
          levels.add(anchor.value);
        });
      });
    }
  });
export type PortfolioModelDefinition = z.output<typeof portfolioModelDefinitionSchema>;

/** A new version of the model: the whole definition, and a note on what changed. */
export const savePortfolioModelInput = portfolioModelDefinitionSchema.safeExtend({ note: optionalText(500) });
export type SavePortfolioModelInput = z.input<typeof savePortfolioModelInput>;

export const rateAccountInput = z.strictObject({
  ratings: z
    .array(
      z.strictObject({
        criterion: criterionKeySchema,
        /** The rating on the criterion's scale; null takes a rating back. */
        value: z.number().int().nullable(),
        comment: optionalText(2000),
        /** The version of the rating this change was made to (0 when it was not rated yet); stale answers 412. */
        version: z.number().int().min(0).optional(),
      }),
    )
    .min(1)
    .max(40)
    .refine((ratings) => new Set(ratings.map((rating) => rating.criterion)).size === ratings.length, {
      params: { text: portfolioMessages.ratingsDuplicate },
    }),
});
export type RateAccountInput = z.input<typeof rateAccountInput>;

export const designationKinds = ['nomination', 'demotion'] as const;
export type DesignationKind = (typeof designationKinds)[number];
export const designationStatuses = ['pending', 'approved', 'rejected'] as const;
export type DesignationStatus = (typeof designationStatuses)[number];

export const nominateAccountInput = z.strictObject({
  accountId: z.uuid(),
  justification: z.string().trim().min(10).max(4000),
});
export type NominateAccountInput = z.input<typeof nominateAccountInput>;

export const approveDesignationInput = z.strictObject({ comment: optionalText(2000) });
export type ApproveDesignationInput = z.input<typeof approveDesignationInput>;

export const rejectDesignationInput = z.strictObject({ comment: z.string().trim().min(1).max(2000) });
export type RejectDesignationInput = z.input<typeof rejectDesignationInput>;

/** The statuses a demoted key account may go back to. */
export const demotionStatuses = accountStatuses.filter((status) => status !== 'key') as [
  'prospect',
  'active',
  'at_risk',
  'lost',
];

export const demoteAccountInput = z.strictObject({
  reason: z.string().trim().min(10).max(4000),
  status: z.enum(demotionStatuses).default('active'),
});
export type DemoteAccountInput = z.input<typeof demoteAccountInput>;

export const listDesignationsQuery = listQuerySchema(['createdAt'], '-createdAt')
  .omit({ q: true })
  .extend({
    status: commaList(z.enum(designationStatuses)),
    kind: commaList(z.enum(designationKinds)),
    accountId: z.uuid().optional(),
  });
export type ListDesignationsQuery = z.input<typeof listDesignationsQuery>;

export const runReviewInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  notes: optionalText(4000),
});
export type RunReviewInput = z.input<typeof runReviewInput>;

export const listModelVersionsQuery = listQuerySchema(['createdAt'], '-createdAt').omit({ q: true });
export type ListModelVersionsQuery = z.input<typeof listModelVersionsQuery>;

export const listReviewsQuery = listQuerySchema(['heldAt'], '-heldAt').omit({ q: true });
export type ListReviewsQuery = z.input<typeof listReviewsQuery>;

/** What narrows the portfolio chart, its table and the export. */
export const portfolioFilters = z.object({
  ownerId: commaList(z.uuid()),
  industry: commaList(z.string().max(100)),
  status: commaList(z.enum(accountStatuses)),
  keyOnly: totalFlag,
  /** What sizes the bubbles: `fact:<key>` (e.g. revenue) or `criterion:<key>` (e.g. volume potential). */
  size: z
    .string()
    .trim()
    .max(150)
    .refine((value) => /^(fact|criterion):.+$/.test(value), { params: { text: portfolioMessages.unknownSize } })
    .optional(),
});
export type PortfolioFilters = z.input<typeof portfolioFilters>;

export const compareReviewsQuery = z
  .object({
    from: z.uuid(),
    /** The later review; without it, the review is compared with today's scores. */
    to: z.uuid().optional(),
  })
  .refine((query) => query.from !== query.to, { path: ['to'], params: { text: portfolioMessages.compareSameReview } });
export type CompareReviewsQuery = z.input<typeof compareReviewsQuery>;

export const quadrantSchema = z.enum(quadrants);
export const modelVersionParams = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) });
