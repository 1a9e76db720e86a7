// NOTE: the rules of a task's life as pure functions of the task and an injected `now`, so the
// tests move the clock instead of waiting (docs/decisions/0016-delivery.md).

export const taskStatuses = ['todo', 'in_progress', 'in_review', 'done'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
export const acceptanceStates = ['pending', 'accepted', 'declined'] as const;
export type AcceptanceState = (typeof acceptanceStates)[number];
export const taskPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof taskPriorities)[number];

/** Where a task may go from each status: forward one step, or back for rework. */
const allowedMoves: Record<TaskStatus, readonly TaskStatus[]> = {
  todo: ['in_progress'],
  in_progress: ['todo', 'in_review'],
  in_review: ['in_progress', 'done'],
  done: ['in_progress'],
};

export type TaskState = {
  status: TaskStatus;
  acceptance: AcceptanceState;
  assignedAt: Date;
  dueAt: Date | null;
};

export type MoveRefusal = 'not_accepted' | 'not_allowed' | 'unchanged';

/** Why a task cannot move to `to`, or undefined when it can. Only accepted work starts. */
export function refuseMove(task: TaskState, to: TaskStatus): MoveRefusal | undefined {
  if (task.status === to) return 'unchanged';
  if (task.acceptance !== 'accepted') return 'not_accepted';
  return allowedMoves[task.status].includes(to) ? undefined : 'not_allowed';
}

/** Whether the assignee may still accept or decline: only while the task waits for an answer. */
export function canAnswer(task: TaskState): boolean {
  return task.acceptance === 'pending';
}

/** A task nobody accepted within the workspace's acceptance window. */
export function isAcceptanceLate(task: TaskState, now: Date, acceptanceHours: number): boolean {
  return task.acceptance === 'pending' && now.getTime() - task.assignedAt.getTime() > acceptanceHours * 3_600_000;
}

/** A task not done by its deadline. */
export function isOverdue(task: TaskState, now: Date): boolean {
  return task.status !== 'done' && task.dueAt !== null && task.dueAt.getTime() < now.getTime();
}

/** The ISO week label of a Monday: `2026-W48`. */
export function isoWeekLabel(monday: string): string {
  const date = new Date(`${monday}T00:00:00Z`);
  // NOTE: the ISO year is the year of the week's Thursday.
  const thursday = new Date(date.getTime() + 3 * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000)) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
