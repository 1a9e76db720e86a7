import { describe, expect, it } from 'vitest';
import { freshnessDays, isStale, lastHeldAt } from './freshness';

const now = new Date('2026-11-26T09:00:00Z');
const at = (iso: string) => new Date(iso);

describe('freshness', () => {
  it('counts whole days since the last held interaction, 0 on the same day', () => {
    expect(freshnessDays(at('2026-11-26T08:00:00Z'), now)).toBe(0);
    expect(freshnessDays(at('2026-11-25T09:00:01Z'), now)).toBe(0);
    expect(freshnessDays(at('2026-11-25T09:00:00Z'), now)).toBe(1);
    expect(freshnessDays(at('2026-09-27T09:00:00Z'), now)).toBe(60);
    expect(freshnessDays(null, now)).toBeNull();
  });

  it('treats a held time after now as today', () => {
    expect(freshnessDays(at('2026-11-27T09:00:00Z'), now)).toBe(0);
  });

  it('takes the latest held interaction, ignoring planned ones and future ones', () => {
    const interactions = [
      { status: 'held' as const, occurredAt: at('2026-10-01T10:00:00Z') },
      { status: 'planned' as const, occurredAt: at('2026-11-20T10:00:00Z') },
      { status: 'held' as const, occurredAt: at('2026-11-10T10:00:00Z') },
      { status: 'held' as const, occurredAt: at('2026-12-01T10:00:00Z') },
      { status: 'held' as const, occurredAt: at('2026-11-01T10:00:00Z') },
    ];
    expect(lastHeldAt(interactions, now)).toEqual(at('2026-11-10T10:00:00Z'));
    expect(lastHeldAt([{ status: 'planned', occurredAt: at('2026-11-20T10:00:00Z') }], now)).toBeNull();
    expect(lastHeldAt([], now)).toBeNull();
  });

  it('calls a stakeholder stale after more than the threshold, or when never contacted', () => {
    expect(isStale(60, 60)).toBe(false);
    expect(isStale(61, 60)).toBe(true);
    expect(isStale(0, 60)).toBe(false);
    expect(isStale(null, 60)).toBe(true);
  });
});
