import { describe, expect, it } from 'vitest';
import { isAcceptanceLate, isOverdue, isoWeekLabel, refuseMove, type TaskState } from './task-rules';
import { buildWorkload, weekStarts } from './workload-rules';

const assignedAt = new Date('2026-11-26T09:00:00Z');
const task = (overrides: Partial<TaskState> = {}): TaskState => ({
  status: 'todo',
  acceptance: 'accepted',
  assignedAt,
  dueAt: new Date('2026-11-30T18:00:00Z'),
  ...overrides,
});
const hoursLater = (hours: number) => new Date(assignedAt.getTime() + hours * 3_600_000);

describe('task rules', () => {
  it('moves one step forward or back for rework, never skips review', () => {
    expect(refuseMove(task(), 'in_progress')).toBeUndefined();
    expect(refuseMove(task(), 'done')).toBe('not_allowed');
    expect(refuseMove(task({ status: 'in_progress' }), 'done')).toBe('not_allowed');
    expect(refuseMove(task({ status: 'in_review' }), 'done')).toBeUndefined();
    expect(refuseMove(task({ status: 'in_review' }), 'in_progress')).toBeUndefined();
    expect(refuseMove(task({ status: 'done' }), 'in_progress')).toBeUndefined();
    expect(refuseMove(task({ status: 'done' }), 'done')).toBe('unchanged');
  });

  it('lets only accepted work start', () => {
    expect(refuseMove(task({ acceptance: 'pending' }), 'in_progress')).toBe('not_accepted');
    expect(refuseMove(task({ acceptance: 'declined' }), 'in_progress')).toBe('not_accepted');
  });

  it('flags a task not accepted within the window, and only while it waits', () => {
    const pending = task({ acceptance: 'pending' });
    expect(isAcceptanceLate(pending, hoursLater(24), 24)).toBe(false);
    expect(isAcceptanceLate(pending, hoursLater(24.01), 24)).toBe(true);
    expect(isAcceptanceLate(pending, hoursLater(5), 4)).toBe(true);
    expect(isAcceptanceLate(task(), hoursLater(100), 24)).toBe(false);
  });

  it('calls a task overdue past its deadline unless it is done', () => {
    const late = new Date('2026-11-30T18:00:01Z');
    expect(isOverdue(task(), new Date('2026-11-30T18:00:00Z'))).toBe(false);
    expect(isOverdue(task(), late)).toBe(true);
    expect(isOverdue(task({ status: 'in_review' }), late)).toBe(true);
    expect(isOverdue(task({ status: 'done' }), late)).toBe(false);
    expect(isOverdue(task({ dueAt: null }), late)).toBe(false);
  });

  it('names ISO weeks across a year boundary', () => {
    expect(isoWeekLabel('2026-11-23')).toBe('2026-W48');
    expect(isoWeekLabel('2025-12-29')).toBe('2026-W01');
    expect(isoWeekLabel('2027-01-04')).toBe('2027-W01');
    expect(isoWeekLabel('2026-12-28')).toBe('2026-W53');
  });
});

describe('workload grid', () => {
  it('puts each sum in its week and highlights only what exceeds capacity', () => {
    const weeks = weekStarts('2026-11-23', 3);
    expect(weeks).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    const rows = buildWorkload(
      [
        { id: 'a', name: 'Анна', capacityMinutes: 40 * 60 },
        { id: 'b', name: 'Борис', capacityMinutes: 20 * 60 },
      ],
      [
        { ownerId: 'a', weekStart: '2026-11-23', estimateMinutes: 40 * 60, tasks: 3 },
        { ownerId: 'a', weekStart: '2026-11-30', estimateMinutes: 41 * 60, tasks: 4 },
        { ownerId: 'b', weekStart: '2026-12-07', estimateMinutes: 90, tasks: 1 },
      ],
      weeks,
    );
    expect(rows[0]?.cells.map((cell) => [cell.estimateMinutes / 60, cell.overCapacity])).toEqual([
      [40, false],
      [41, true],
      [0, false],
    ]);
    expect(rows[1]?.cells.map((cell) => cell.tasks)).toEqual([0, 0, 1]);
    expect(rows[1]?.cells[2]?.week).toBe('2026-W50');
  });
});
