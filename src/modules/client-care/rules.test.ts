import { describe, expect, it } from 'vitest';
import { canMoveFeedback, hoursToResolve } from './rules';

describe('feedback rules', () => {
  it('moves open → in progress → resolved | rejected only', () => {
    expect(canMoveFeedback('open', 'in_progress')).toBe(true);
    expect(canMoveFeedback('open', 'resolved')).toBe(true);
    expect(canMoveFeedback('in_progress', 'rejected')).toBe(true);
    expect(canMoveFeedback('in_progress', 'open')).toBe(false);
    expect(canMoveFeedback('resolved', 'in_progress')).toBe(false);
  });

  it('counts hours to resolve to the minute, none while open', () => {
    const opened = new Date('2026-11-26T09:00:00Z');
    expect(hoursToResolve(opened, null)).toBeNull();
    expect(hoursToResolve(opened, new Date('2026-11-26T10:30:00Z'))).toBe(1.5);
    expect(hoursToResolve(opened, new Date('2026-11-28T09:20:00Z'))).toBe(48.33);
    expect(hoursToResolve(opened, new Date('2026-11-26T08:00:00Z'))).toBe(0);
  });
});
