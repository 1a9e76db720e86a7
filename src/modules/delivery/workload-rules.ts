import { isoWeekLabel } from './task-rules';

/** Estimated minutes of open tasks of one specialist (or of a department as a whole) in one week. */
export type WorkloadSum = { ownerId: string; weekStart: string; estimateMinutes: number; tasks: number };

export type WorkloadCell = {
  weekStart: string;
  week: string;
  estimateMinutes: number;
  capacityMinutes: number;
  tasks: number;
  overCapacity: boolean;
};

export type WorkloadRow = { id: string; name: string; capacityMinutes: number; cells: WorkloadCell[] };

/** The Mondays of `weeks` consecutive ISO weeks from `firstMonday`. */
export function weekStarts(firstMonday: string, weeks: number): string[] {
  const start = new Date(`${firstMonday}T00:00:00Z`).getTime();
  return Array.from({ length: weeks }, (_, index) =>
    new Date(start + index * 7 * 86_400_000).toISOString().slice(0, 10),
  );
}

/**
 * A grid of estimated hours against capacity: one row per owner (specialist or department), one
 * cell per week; a cell is over capacity when the estimates exceed it (equal is a full week).
 */
export function buildWorkload(
  owners: readonly { id: string; name: string; capacityMinutes: number }[],
  sums: readonly WorkloadSum[],
  weeks: readonly string[],
): WorkloadRow[] {
  const byKey = new Map(sums.map((sum) => [`${sum.ownerId}|${sum.weekStart}`, sum]));
  return owners.map((owner) => ({
    ...owner,
    cells: weeks.map((weekStart) => {
      const sum = byKey.get(`${owner.id}|${weekStart}`);
      const estimateMinutes = sum?.estimateMinutes ?? 0;
      return {
        weekStart,
        week: isoWeekLabel(weekStart),
        estimateMinutes,
        capacityMinutes: owner.capacityMinutes,
        tasks: sum?.tasks ?? 0,
        overCapacity: estimateMinutes > owner.capacityMinutes,
      };
    }),
  }));
}
