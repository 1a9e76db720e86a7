import { divideRounded, toSafeInteger } from './money';

/** Ageing buckets of receivables by days past the due date. */
export const ageingBuckets = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const;
export type AgeingBucket = (typeof ageingBuckets)[number];

/** The bucket of an open invoice `daysOverdue` days past due (zero or less: not yet due). */
export function ageingBucketOf(daysOverdue: number): AgeingBucket {
  if (daysOverdue <= 0) return 'current';
  if (daysOverdue <= 30) return 'days1to30';
  if (daysOverdue <= 60) return 'days31to60';
  if (daysOverdue <= 90) return 'days61to90';
  return 'over90';
}

/**
 * Days sales outstanding, the count-back-free textbook form: open receivables ÷ invoiced over the
 * period × days in the period, rounded to a whole day; null when nothing was invoiced.
 */
export function daysSalesOutstanding(openMinor: number, invoicedMinor: number, periodDays: number): number | null {
  if (invoicedMinor <= 0) return null;
  return toSafeInteger(divideRounded(BigInt(openMinor) * BigInt(periodDays), BigInt(invoicedMinor)));
}

/** Whole days from `from` to `to` (ISO dates `YYYY-MM-DD`), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The ISO date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
