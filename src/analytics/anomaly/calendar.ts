import type { SeasonalCycle } from './types';

export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;
export const week = 7 * day;
const averageMonth = 30.436875 * day;
const averageYear = 365.2425 * day;

/** Finest phase resolution of the day and week cycles of dense series (30 minutes for the week). */
const maxDayBuckets = 288;
const maxWeekBuckets = 336;

/** Seasonal cycles worth trying for a series sampled every `interval` milliseconds. */
export function candidateCycles(interval: number): SeasonalCycle[] {
  if (interval < 6 * hour) {
    return [
      { kind: 'day', buckets: Math.max(1, Math.min(maxDayBuckets, Math.round(day / interval))) },
      { kind: 'week', buckets: Math.max(1, Math.min(maxWeekBuckets, Math.round(week / interval))) },
    ];
  }
  if (interval < 3.5 * day) {
    return [
      { kind: 'week', buckets: Math.max(1, Math.min(maxWeekBuckets, Math.round(week / interval))) },
      { kind: 'month-day' },
      { kind: 'year-week' },
    ];
  }
  if (interval < 20 * day) return [{ kind: 'year-week' }];
  return [{ kind: 'year-month' }];
}

export function bucketCount(cycle: SeasonalCycle): number {
  switch (cycle.kind) {
    case 'day':
    case 'week':
      return cycle.buckets;
    case 'month-day':
      return 31;
    case 'year-week':
      return 53;
    case 'year-month':
      return 12;
  }
}

/** Length of one cycle in milliseconds (calendar months and years on average). */
export function cycleLength(cycle: SeasonalCycle): number {
  switch (cycle.kind) {
    case 'day':
      return day;
    case 'week':
      return week;
    case 'month-day':
      return averageMonth;
    case 'year-week':
    case 'year-month':
      return averageYear;
  }
}

function positiveModulo(value: number, modulus: number): number {
  const rest = value % modulus;
  return rest < 0 ? rest + modulus : rest;
}

/** Civil date (UTC) of a day number since 1970-01-01, without allocating a Date. */
function civilDate(dayNumber: number): { year: number; month: number; dayOfMonth: number } {
  const shifted = dayNumber + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfMonth };
}

function dayOfYear(dayNumber: number, year: number): number {
  const januaryFirst = daysFromCivil(year, 1, 1);
  return dayNumber - januaryFirst;
}

function daysFromCivil(year: number, month: number, dayOfMonth: number): number {
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYearShifted = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + dayOfMonth - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYearShifted;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Maps a time to its phase bucket within one cycle. */
export type PhaseOf = { bucket(time: number): number };

/** A phase function for a cycle; day and week cycles are plain arithmetic (the hot path of dense series). */
export function phaseOf(cycle: SeasonalCycle): PhaseOf {
  if (cycle.kind === 'day' || cycle.kind === 'week') {
    const period = cycle.kind === 'day' ? day : week;
    // NOTE: 1970-01-01 was a Thursday; shifting by three days starts each week on Monday.
    const shift = cycle.kind === 'day' ? 0 : 3 * day;
    const perMillisecond = cycle.buckets / period;
    const last = cycle.buckets - 1;
    return {
      bucket(time: number): number {
        // NOTE: floor-based modulo; the float `%` is a libm call and was a hot spot.
        const shifted = time + shift;
        const phase = shifted - Math.floor(shifted / period) * period;
        const bucket = Math.floor(phase * perMillisecond);
        return Math.min(bucket, last);
      },
    };
  }
  return { bucket: (time) => bucketOf(cycle, time) };
}

/** The phase bucket of a time within a cycle. */
export function bucketOf(cycle: SeasonalCycle, time: number): number {
  switch (cycle.kind) {
    case 'day':
      return Math.min(cycle.buckets - 1, Math.floor((positiveModulo(time, day) / day) * cycle.buckets));
    case 'week':
      // NOTE: 1970-01-01 was a Thursday; shifting by three days starts each week on Monday.
      return Math.min(cycle.buckets - 1, Math.floor((positiveModulo(time + 3 * day, week) / week) * cycle.buckets));
    case 'month-day':
      return civilDate(Math.floor(time / day)).dayOfMonth - 1;
    case 'year-week': {
      const dayNumber = Math.floor(time / day);
      return Math.min(52, Math.floor(dayOfYear(dayNumber, civilDate(dayNumber).year) / 7));
    }
    case 'year-month':
      return civilDate(Math.floor(time / day)).month - 1;
  }
}
