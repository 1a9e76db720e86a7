import { z } from '@hono/zod-openapi';
import { accountStatuses } from '../accounts/schemas';
import { nominationWarnings } from './messages';
import { designationKinds, designationStatuses, quadrants } from './schemas';

// NOTE: the response bodies of the portfolio API, named in the OpenAPI document.

const Localized = z.object({ en: z.string(), ru: z.string() });
const Quadrant = z.enum(quadrants);
const AccountStatus = z.enum(accountStatuses);
const Person = z.object({ id: z.uuid(), name: z.string().nullable() });
const QuadrantCounts = z.object({
  strategic: z.number().int(),
  star: z.number().int(),
  status: z.number().int(),
  streamline: z.number().int(),
  unscored: z.number().int(),
});

const CriterionSchema = z
  .object({
    key: z.string(),
    label: Localized,
    description: Localized.nullable(),
    weight: z.number(),
    source: z.union([
      z.object({
        kind: z.literal('rating'),
        min: z.number().int(),
        max: z.number().int(),
        anchors: z.array(z.object({ value: z.number().int(), label: Localized })),
      }),
      z.object({ kind: z.literal('fact'), fact: z.string(), low: z.number(), high: z.number() }),
    ]),
  })
  .meta({ id: 'PortfolioCriterion' });

export const PortfolioModelSchema = z
  .object({
    version: z.number().int().meta({ description: '0 while the workspace uses the built-in default' }),
    note: z.string().nullable(),
    savedAt: z.string().nullable(),
    savedBy: Person.nullable(),
    attractiveness: z.array(CriterionSchema),
    strength: z.array(CriterionSchema),
    thresholds: z.object({ attractiveness: z.number(), strength: z.number() }),
    postures: z.object({ strategic: Localized, star: Localized, status: Localized, streamline: Localized }),
    keyAccountCap: z.number().int(),
    keyAccounts: z.number().int().meta({ description: 'How many accounts are key accounts now' }),
    unavailable: z.array(z.string()).meta({ description: 'Criteria whose fact no module offers now' }),
  })
  .meta({ id: 'PortfolioModel' });

export const ModelVersionSchema = z
  .object({
    version: z.number().int(),
    note: z.string().nullable(),
    savedAt: z.string().nullable(),
    savedBy: Person.nullable(),
  })
  .meta({ id: 'PortfolioModelVersion' });

export const FactSchema = z
  .object({
    key: z.string(),
    label: Localized,
    description: Localized,
    unit: z.enum(['score', 'money', 'percent', 'count', 'days', 'ratio']),
    higherIsBetter: z.boolean(),
  })
  .meta({ id: 'AccountFact' });

export const PortfolioSchema = z
  .object({
    modelVersion: z.number().int(),
    thresholds: z.object({ attractiveness: z.number(), strength: z.number() }),
    size: z.string().nullable(),
    total: z.number().int(),
    counts: QuadrantCounts,
    incomplete: z.number().int(),
    owners: z.array(z.object({ id: z.uuid(), name: z.string() })),
    items: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        ownerId: z.uuid(),
        status: AccountStatus,
        attractiveness: z.number().nullable(),
        strength: z.number().nullable(),
        quadrant: Quadrant.nullable(),
        complete: z.boolean(),
        missingCount: z.number().int().meta({ description: 'Criteria with weight it has no value for' }),
        size: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'Portfolio' });

const AxisScoreSchema = z
  .object({
    score: z.number().nullable(),
    complete: z.boolean(),
    missing: z.array(z.string()),
    contributions: z.array(
      z.object({
        key: z.string(),
        share: z.number(),
        input: z.number().nullable(),
        value: z.number().nullable(),
        points: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'AxisScore' });

export const DesignationSchema = z
  .object({
    id: z.uuid(),
    account: z.object({ id: z.uuid(), name: z.string(), status: AccountStatus }),
    kind: z.enum(designationKinds),
    status: z.enum(designationStatuses),
    justification: z.string(),
    requestedBy: Person,
    requestedAt: z.string(),
    decidedBy: Person.nullable(),
    decidedAt: z.string().nullable(),
    decisionComment: z.string().nullable(),
    attractiveness: z.number().nullable(),
    warnings: z.array(z.object({ code: z.enum(nominationWarnings), message: z.string() })),
    previousStatus: AccountStatus.nullable(),
    newStatus: AccountStatus.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Designation' });

const PositionSchema = z.object({
  attractiveness: z.number().nullable(),
  strength: z.number().nullable(),
  quadrant: Quadrant.nullable(),
});

export const AccountPortfolioSchema = z
  .object({
    account: z.object({
      id: z.uuid(),
      name: z.string(),
      status: AccountStatus,
      ownerId: z.uuid(),
      version: z.number().int(),
    }),
    modelVersion: z.number().int(),
    attractiveness: AxisScoreSchema,
    strength: AxisScoreSchema,
    quadrant: Quadrant.nullable(),
    complete: z.boolean(),
    posture: z.string().nullable().meta({ description: 'The guidance for its quadrant, in the request’s language' }),
    ratings: z.array(
      z.object({
        criterion: z.string(),
        value: z.number().int(),
        comment: z.string().nullable(),
        ratedBy: Person,
        ratedAt: z.string(),
        version: z.number().int(),
      }),
    ),
    sinceLastReview: z
      .object({
        review: z.object({ id: z.uuid(), name: z.string(), heldAt: z.string(), modelVersion: z.number().int() }),
        before: PositionSchema.extend({ complete: z.boolean() }),
        changes: z.array(
          z.object({ criterion: z.string(), before: z.number().nullable(), after: z.number().nullable() }),
        ),
      })
      .nullable(),
    designations: z.array(DesignationSchema),
    may: z.object({ rate: z.boolean(), nominate: z.boolean(), decide: z.boolean() }),
  })
  .meta({ id: 'AccountPortfolio' });

export const ReviewSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    notes: z.string().nullable(),
    heldAt: z.string(),
    heldBy: Person.nullable(),
    modelVersion: z.number().int(),
    accountCount: z.number().int(),
    counts: QuadrantCounts,
  })
  .meta({ id: 'PortfolioReview' });

const TransitionEnd = z.enum([...quadrants, 'unscored', 'absent']);

export const ReviewComparisonSchema = z
  .object({
    from: ReviewSchema,
    to: ReviewSchema.nullable().meta({ description: 'Null: compared with today’s scores' }),
    transitions: z.array(z.object({ from: TransitionEnd, to: TransitionEnd, count: z.number().int() })),
    moves: z.array(
      z.object({
        accountId: z.uuid(),
        name: z.string(),
        ownerId: z.uuid(),
        from: PositionSchema.nullable(),
        to: PositionSchema.nullable(),
        quadrantChanged: z.boolean(),
        distance: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'PortfolioReviewComparison' });
