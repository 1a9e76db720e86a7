import { afterEach, describe, expect, it } from 'vitest';
import { localDay } from './local-day';

const zone = process.env.TZ;

afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('a calendar day by the browser’s clock', () => {
  it('is the local date, not the UTC one: 01:30 in Moscow is already the 28th', () => {
    process.env.TZ = 'Europe/Moscow';
    const night = new Date(2026, 10, 28, 1, 30);
    expect(night.toISOString().slice(0, 10)).toBe('2026-11-27');
    expect(localDay(0, night)).toBe('2026-11-28');
    process.env.TZ = 'America/Los_Angeles';
    expect(localDay(0, new Date(2026, 10, 27, 20, 0))).toBe('2026-11-27');
  });

  it('moves across months, years and leap days', () => {
    expect(localDay(7, new Date(2026, 10, 27, 23, 30))).toBe('2026-12-04');
    expect(localDay(5, new Date(2026, 11, 30, 0, 5))).toBe('2027-01-04');
    expect(localDay(-1, new Date(2028, 2, 1, 12))).toBe('2028-02-29');
  });
});
