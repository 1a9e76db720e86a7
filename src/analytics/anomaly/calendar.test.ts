import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketOf, candidateCycles, day, hour, phaseOf, week } from './calendar';

describe('calendar phases', () => {
  it('agrees with Date on day of month, month and week of year (UTC)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), (time) => {
        const date = new Date(time);
        expect(bucketOf({ kind: 'month-day' }, time)).toBe(date.getUTCDate() - 1);
        expect(bucketOf({ kind: 'year-month' }, time)).toBe(date.getUTCMonth());
        const dayOfYear = Math.floor((time - Date.UTC(date.getUTCFullYear(), 0, 1)) / day);
        expect(bucketOf({ kind: 'year-week' }, time)).toBe(Math.min(52, Math.floor(dayOfYear / 7)));
      }),
    );
  });

  it('starts weeks on Monday and splits days evenly', () => {
    const monday = Date.UTC(2024, 0, 1);
    const weekly = phaseOf({ kind: 'week', buckets: 7 });
    expect(weekly.bucket(monday)).toBe(0);
    expect(weekly.bucket(monday + 6 * day + 23 * hour)).toBe(6);
    expect(weekly.bucket(monday + week)).toBe(0);
    const daily = phaseOf({ kind: 'day', buckets: 24 });
    expect(daily.bucket(monday + 13 * hour + 59 * 60_000)).toBe(13);
    expect(daily.bucket(-hour)).toBe(23);
  });

  it('tries cycles that suit the sampling interval', () => {
    expect(candidateCycles(5 * 60_000).map((cycle) => cycle.kind)).toEqual(['day', 'week']);
    expect(candidateCycles(day).map((cycle) => cycle.kind)).toEqual(['week', 'month-day', 'year-week']);
    expect(candidateCycles(week).map((cycle) => cycle.kind)).toEqual(['year-week']);
    expect(candidateCycles(30 * day).map((cycle) => cycle.kind)).toEqual(['year-month']);
  });
});
