import { z } from 'zod';
import { type HealthFactorKey, healthFactorKeys } from '../../analytics/health';
import { commaList, listQuerySchema } from '../../platform/list-query';
import { optionalText } from '../../platform/schemas';
import { kpiMessages } from './messages';
import {
  findingKinds,
  findingStatuses,
  maxPointsPerUpload,
  metricAggregations,
  metricDirections,
  metricFrequencies,
  metricUnits,
} from './terms';

export {
  defaultHealthWeights,
  type HealthFactorKey,
  type HealthGrade,
  healthFactorKeys,
  healthGrades,
} from '../../analytics/health';
export * from './terms';

const metricKey = z
  .string()
  .trim()
  .max(60)
  .refine((key) => /^[a-z][a-z0-9_]*$/.test(key), { params: { text: kpiMessages.metricKey } });

const metricFields = {
  nameEn: z.string().trim().min(1).max(200),
  nameRu: z.string().trim().min(1).max(200),
  unit: z.enum(metricUnits),
  direction: z.enum(metricDirections),
  aggregation: z.enum(metricAggregations),
  frequency: z.enum(metricFrequencies),
};

export const createMetricInput = z.strictObject({ key: metricKey, ...metricFields });
export type CreateMetricInput = z.input<typeof createMetricInput>;

export const updateMetricInput = z.strictObject(metricFields).partial();
export type UpdateMetricInput = z.input<typeof updateMetricInput>;

const dimension = z.string().trim().max(100).default('');

export const createSeriesInput = z.strictObject({
  accountId: z.uuid(),
  metricKey: z.string().trim().min(1).max(60),
  /** e.g. an advertising channel: «Яндекс Директ», «VK Ads», «SEO»; empty for none. */
  dimension,
});
export type CreateSeriesInput = z.input<typeof createSeriesInput>;

export const listSeriesQuery = listQuerySchema(['createdAt'], 'createdAt').extend({
  accountId: z.uuid().optional(),
  metricKey: z.string().max(60).optional(),
});
export type ListSeriesQuery = z.input<typeof listSeriesQuery>;

const timePattern = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const minTime = Date.UTC(1900, 0, 1);
const maxTime = Date.UTC(2200, 0, 1);

/** Milliseconds of a point's time as the API takes it: a date (midnight UTC) or a time with a zone. */
export function pointTimeOf(text: string): number {
  if (!timePattern.test(text)) return Number.NaN;
  const time = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
  // NOTE: Date.parse rolls 2025-02-31 over to March; a date must name itself.
  if (text.length === 10 && !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) !== text)
    return Number.NaN;
  return time;
}

export const pointTime = z
  .string()
  .max(40)
  .superRefine((text, context) => {
    const time = pointTimeOf(text);
    if (Number.isNaN(time)) context.addIssue({ code: 'custom', params: { text: kpiMessages.pointTime } });
    else if (time < minTime || time >= maxTime)
      context.addIssue({ code: 'custom', params: { text: kpiMessages.pointYear } });
  });

const pointValue = z.number().refine((value) => Math.abs(value) <= 1e15, { params: { text: kpiMessages.valueRange } });

export const upsertPointsInput = z.strictObject({
  points: z
    .array(z.strictObject({ at: pointTime, value: pointValue }))
    .min(1)
    .max(maxPointsPerUpload)
    .superRefine((points, context) => {
      const seen = new Set<number>();
      for (let index = 0; index < points.length; index += 1) {
        const time = pointTimeOf((points[index] as { at: string }).at);
        if (seen.has(time)) {
          context.addIssue({ code: 'custom', path: [index, 'at'], params: { text: kpiMessages.duplicatePoint } });
          return;
        }
        seen.add(time);
      }
    }),
});
export type UpsertPointsInput = z.input<typeof upsertPointsInput>;

export const listPointsQuery = z
  .object({
    from: pointTime.optional(),
    to: pointTime.optional(),
  })
  .refine((query) => !query.from || !query.to || pointTimeOf(query.from) <= pointTimeOf(query.to), {
    path: ['to'],
    params: { text: kpiMessages.rangeOrder },
  });
export type ListPointsQuery = z.input<typeof listPointsQuery>;

export const listFindingsQuery = listQuerySchema(['at'], '-at').extend({
  accountId: z.uuid().optional(),
  seriesId: z.uuid().optional(),
  status: commaList(z.enum(findingStatuses)),
  kind: commaList(z.enum(findingKinds)),
});
export type ListFindingsQuery = z.input<typeof listFindingsQuery>;

export const decideFindingInput = z.strictObject({
  status: z.enum(['open', 'acknowledged', 'false_alarm']),
  note: optionalText(2_000).optional(),
});
export type DecideFindingInput = z.input<typeof decideFindingInput>;

const dateOnly = z.iso.date();

export const followUpFindingInput = z.strictObject({
  /** What to do; the finding's explanation when omitted. */
  nextStep: z.string().trim().min(1).max(2_000).optional(),
  ownerId: z.uuid(),
  dueOn: dateOnly,
});
export type FollowUpFindingInput = z.input<typeof followUpFindingInput>;

export const createTargetInput = z
  .strictObject({
    periodStart: dateOnly,
    periodEnd: dateOnly,
    value: pointValue,
  })
  .refine((target) => target.periodStart <= target.periodEnd, {
    path: ['periodEnd'],
    params: { text: kpiMessages.rangeOrder },
  });
export type CreateTargetInput = z.input<typeof createTargetInput>;

export const updateHealthSettingsInput = z.strictObject({
  weights: z
    .strictObject(
      Object.fromEntries(healthFactorKeys.map((key) => [key, z.number().min(0).max(100)])) as Record<
        HealthFactorKey,
        z.ZodNumber
      >,
    )
    .partial(),
});
export type UpdateHealthSettingsInput = z.input<typeof updateHealthSettingsInput>;
