import { z } from '@hono/zod-openapi';
import { type HealthFactorKey, healthFactorKeys, healthGrades } from '../../analytics/health';
import {
  findingKinds,
  findingStatuses,
  maxPointsPerUpload,
  metricAggregations,
  metricDirections,
  metricFrequencies,
  metricUnits,
} from './terms';

// NOTE: the response bodies of the KPI API, named in the OpenAPI document.

export const MetricSchema = z
  .object({
    id: z.uuid().nullable().meta({ description: 'null for built-in metrics' }),
    key: z.string(),
    nameEn: z.string(),
    nameRu: z.string(),
    unit: z.enum(metricUnits),
    direction: z.enum(metricDirections),
    aggregation: z.enum(metricAggregations),
    frequency: z.enum(metricFrequencies),
    builtIn: z.boolean(),
    version: z.number().int().nullable(),
  })
  .meta({ id: 'KpiMetric' });

const seriesFields = {
  id: z.uuid(),
  accountId: z.uuid(),
  metricKey: z.string(),
  dimension: z.string(),
  source: z
    .string()
    .nullable()
    .meta({ description: 'The derived series provider that computes it (read-only); null for an uploaded series' }),
  sourceModule: z.string().nullable().meta({ description: 'The module its numbers come from, e.g. finance' }),
  version: z.number().int(),
  createdAt: z.string(),
  pointCount: z.number().int(),
  firstAt: z.string().nullable(),
  lastAt: z.string().nullable(),
  openFindings: z.number().int(),
};

export const SeriesSchema = z.object(seriesFields).meta({ id: 'KpiSeries' });
export const SeriesDetailSchema = z.object({ ...seriesFields, metric: MetricSchema }).meta({ id: 'KpiSeriesDetail' });

export const UpsertResultSchema = z
  .object({
    received: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int().meta({ description: 'Corrections: stored points given another value (audited)' }),
    unchanged: z.number().int(),
    replayed: z.boolean().meta({ description: 'The stored answer of an earlier upload with this Idempotency-Key' }),
  })
  .meta({ id: 'KpiUpsertResult' });

export const PointSchema = z
  .object({
    at: z.string(),
    value: z.number(),
    expectedLow: z.number().nullable(),
    expectedHigh: z.number().nullable(),
    score: z.number().nullable().meta({ description: 'Anomaly score in [0, 1]; null until detection has run' }),
  })
  .meta({ id: 'KpiPoint' });

export const FindingSchema = z
  .object({
    id: z.uuid(),
    seriesId: z.uuid(),
    accountId: z.uuid(),
    metricKey: z.string(),
    dimension: z.string(),
    kind: z.enum(findingKinds),
    score: z.number(),
    at: z.string(),
    since: z.string(),
    observed: z.number(),
    expectedLow: z.number(),
    expectedHigh: z.number(),
    missingPoints: z.number().int(),
    status: z.enum(findingStatuses),
    note: z.string().nullable(),
    decidedById: z.uuid().nullable(),
    decidedAt: z.string().nullable(),
    interactionId: z.uuid().nullable().meta({ description: 'The follow-up interaction, once made' }),
    version: z.number().int(),
    explanation: z.object({ en: z.string(), ru: z.string() }),
  })
  .meta({ id: 'KpiFinding' });

export const TargetSchema = z
  .object({
    id: z.uuid(),
    seriesId: z.uuid(),
    periodStart: z.string(),
    periodEnd: z.string(),
    value: z.number(),
    actual: z.number().nullable(),
    variance: z.number().nullable(),
    varianceRatio: z.number().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'KpiTarget' });

const Grade = z.enum(healthGrades);

export const HealthFactorSchema = z
  .object({
    key: z.enum(healthFactorKeys),
    value: z.number().nullable().meta({ description: '0–100; null when the account has no data for it' }),
    weight: z.number().meta({ description: 'Share of the score, 0–1, after normalising over the factors present' }),
    points: z.number(),
    input: z.number().nullable().meta({
      description:
        'KPI change in %, open findings, strength, NPS, or the count of overdue tasks, overdue invoices or open complaints',
    }),
  })
  .meta({ id: 'HealthFactor' });

export const AccountHealthSchema = z
  .object({
    score: z.number().nullable(),
    grade: Grade.nullable(),
    factors: z.array(HealthFactorSchema),
    history: z.array(z.object({ day: z.string(), score: z.number().nullable(), grade: Grade.nullable() })),
  })
  .meta({ id: 'AccountHealth' });

export const HealthOverviewSchema = z
  .object({
    counts: z.object({
      good: z.number().int(),
      fair: z.number().int(),
      poor: z.number().int(),
      critical: z.number().int(),
      unscored: z.number().int(),
    }),
    items: z.array(
      z.object({ accountId: z.uuid(), name: z.string(), score: z.number().nullable(), grade: Grade.nullable() }),
    ),
  })
  .meta({ id: 'HealthOverview' });

export const HealthSettingsSchema = z
  .object({
    weights: z.object(
      Object.fromEntries(healthFactorKeys.map((key) => [key, z.number()])) as Record<HealthFactorKey, z.ZodNumber>,
    ),
    version: z.number().int().meta({ description: '0 while the defaults apply' }),
  })
  .meta({ id: 'HealthSettings' });

export const DerivedSourceSchema = z
  .object({
    key: z.string(),
    module: z.string(),
    metricKey: z.string(),
    label: z.object({ en: z.string(), ru: z.string() }),
    description: z.object({ en: z.string(), ru: z.string() }),
    refreshedAt: z.string().nullable().meta({ description: 'When the job last recomputed it; null: not yet' }),
  })
  .meta({ id: 'KpiDerivedSource' });

/**
 * The upload's body as the route checks it: only its shape (a list of 1 to 100,000 items). Each
 * point is checked once, by the use case's hand-written reader (`readPointColumns`), which names
 * the fields zod would; the document still describes a point.
 */
export const UpsertPointsBody = z
  .strictObject({
    points: z
      .array(
        z
          .custom<{ at: string; value: number }>(() => true)
          .openapi({
            type: 'object',
            properties: {
              at: {
                type: 'string',
                maxLength: 40,
                description:
                  'A date (2025-01-31, midnight UTC) or a time with a zone (2025-01-31T09:00:00Z), years 1900–2199',
              },
              value: { type: 'number', minimum: -1e15, maximum: 1e15 },
            },
            required: ['at', 'value'],
            additionalProperties: false,
          }),
      )
      .min(1)
      .max(maxPointsPerUpload),
  })
  .meta({ id: 'KpiPointsUpsert' });
export type UpsertPointsBody = z.input<typeof UpsertPointsBody>;
