// NOTE: pure rules of complaints, conflicts and feedback (decision 0016, client care).

export const feedbackKinds = ['complaint', 'conflict', 'praise', 'review'] as const;
export type FeedbackKind = (typeof feedbackKinds)[number];
export const feedbackSources = ['call', 'email', 'messenger', 'meeting', 'survey', 'other'] as const;
export type FeedbackSource = (typeof feedbackSources)[number];
export const feedbackSeverities = ['low', 'medium', 'high', 'critical'] as const;
export type FeedbackSeverity = (typeof feedbackSeverities)[number];
export const feedbackStatuses = ['open', 'in_progress', 'resolved', 'rejected'] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];
export const rootCauses = [
  'our_error',
  'production_delay',
  'client_cannot_pay',
  'impossible_demands',
  'communication',
  'other',
] as const;
export type RootCause = (typeof rootCauses)[number];

const nextStatuses: Record<FeedbackStatus, readonly FeedbackStatus[]> = {
  open: ['in_progress', 'resolved', 'rejected'],
  in_progress: ['resolved', 'rejected'],
  resolved: [],
  rejected: [],
};

/** Whether a case may go from one status to another: open → in progress → resolved | rejected. */
export function canMoveFeedback(from: FeedbackStatus, to: FeedbackStatus): boolean {
  return nextStatuses[from].includes(to);
}

/** The statuses a case may go to next. */
export function nextFeedbackStatuses(from: FeedbackStatus): FeedbackStatus[] {
  return [...nextStatuses[from]];
}

/**
 * Hours from opening to resolving, to the minute (1.5 = an hour and a half); null while open.
 * Rejected cases count too: the client waited for the answer all the same.
 */
export function hoursToResolve(openedAt: Date, closedAt: Date | null): number | null {
  if (!closedAt) return null;
  const minutes = Math.max(0, Math.round((closedAt.getTime() - openedAt.getTime()) / 60_000));
  return Math.round((minutes / 60) * 100) / 100;
}
