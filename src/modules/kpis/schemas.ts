import { z } from 'zod';
import { type HealthFactorKey, healthFactorKeys } from '../../analytics/health';
import { commaList, listQuerySchema } from '../../platform/list-query';
import { optionalText } from '../../platform/schemas';
import { kpiMessages } from './messages';
import {
  findingKinds,
  findingStatuses,
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
export const minPointTime = Date.UTC(1900, 0, 1);
export const maxPointTime = Date.UTC(2200, 0, 1);

/** Milliseconds of a point's time as the API takes it: a date (midnight UTC) or a time with a zone. */
export function pointTimeOf(text: string): number {
  if (text.length === 10) return dateTimeOf(text);
  const fast = utcTimeOf(text);
  if (!Number.isNaN(fast)) return fast;
  if (!timePattern.test(text)) return Number.NaN;
  return Date.parse(text);
}

const zero = 48;
const gregorianCycle = 146_097 * 86_400_000;

/**
 * A `YYYY-MM-DD` date's midnight UTC, read digit by digit (the common case of a 100,000-point
 * upload; a regular expression and Date.parse cost several times more). NOTE: 2025-02-31 must
 * not roll over to March: a date must name itself.
 */
function dateTimeOf(text: string): number {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  let year = 0;
  for (let index = 0; index < 4; index += 1) {
    const digit = text.charCodeAt(index) - zero;
    if (digit < 0 || digit > 9) return Number.NaN;
    year = year * 10 + digit;
  }
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (month < 1 || month > 12 || day < 1 || day > 31) return Number.NaN;
  // NOTE: Date.UTC reads years 0–99 as 1900–1999; 400 years later is the same calendar.
  const time = year < 100 ? Date.UTC(year + 400, month - 1, day) - gregorianCycle : Date.UTC(year, month - 1, day);
  return new Date(time).getUTCDate() === day ? time : Number.NaN;
}

/**
 * A UTC time as `toISOString` writes it (`2025-01-31T09:00:00Z` or `…:00.000Z`), read digit by
 * digit; NaN for anything else, which then takes the general path.
 */
function utcTimeOf(text: string): number {
  const length = text.length;
  if ((length !== 20 && length !== 24) || text.charCodeAt(length - 1) !== 90 || text.charCodeAt(10) !== 84)
    return Number.NaN;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return Number.NaN;
  const date = dateTimeOf(text.slice(0, 10));
  const hours = twoDigits(text, 11);
  const minutes = twoDigits(text, 14);
  const seconds = twoDigits(text, 17);
  if (!(hours < 24 && minutes < 60 && seconds < 60)) return Number.NaN;
  let milliseconds = 0;
  if (length === 24) {
    if (text.charCodeAt(19) !== 46) return Number.NaN;
    for (let index = 20; index < 23; index += 1) {
      const digit = text.charCodeAt(index) - zero;
      if (digit < 0 || digit > 9) return Number.NaN;
      milliseconds = milliseconds * 10 + digit;
    }
  }
  return date + ((hours * 60 + minutes) * 60 + seconds) * 1000 + milliseconds;
}

function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - zero;
  const ones = text.charCodeAt(at + 1) - zero;
  if (tens < 0 || tens > 9 || ones < 0 || ones > 9) return Number.NaN;
  return tens * 10 + ones;
}

export const pointTime = z
  .string()
  .max(40)
  .superRefine((text, context) => {
    const time = pointTimeOf(text);
    if (Number.isNaN(time)) context.addIssue({ code: 'custom', params: { text: kpiMessages.pointTime } });
    else if (time < minPointTime || time >= maxPointTime)
      context.addIssue({ code: 'custom', params: { text: kpiMessages.pointYear } });
  });

const pointValue = z.number().refine((value) => Math.abs(value) <= 1e15, { params: { text: kpiMessages.valueRange } });

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
