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

export const lossReasons = [
  'price',
  'quality',
  'competitor',
  'budget_cut',
  'strategy_change',
  'relationship',
  'bankruptcy',
  'other',
] as const;
export type LossReason = (typeof lossReasons)[number];

export type SurveySummary = {
  /** Promoters (9–10) minus detractors (0–6), in % of NPS answers, −100…100; null without answers. */
  nps: number | null;
  npsAnswers: number;
  /** Mean of the 1–5 scores to two decimals; null without answers. */
  csatMean: number | null;
  /** Share of satisfied answers (4 or 5), in %, as the kpis CSAT series keeps it. */
  csatSatisfiedPercent: number | null;
  csatAnswers: number;
};

/** NPS and CSAT of a set of survey answers. */
export function summarizeSurveys(answers: readonly { nps: number | null; csat: number | null }[]): SurveySummary {
  const npsScores = answers.flatMap((answer) => (answer.nps === null ? [] : [answer.nps]));
  const csatScores = answers.flatMap((answer) => (answer.csat === null ? [] : [answer.csat]));
  const promoters = npsScores.filter((score) => score >= 9).length;
  const detractors = npsScores.filter((score) => score <= 6).length;
  const satisfied = csatScores.filter((score) => score >= 4).length;
  const csatTotal = csatScores.reduce((sum, score) => sum + score, 0);
  return {
    nps: npsScores.length === 0 ? null : Math.round(((promoters - detractors) / npsScores.length) * 100),
    npsAnswers: npsScores.length,
    csatMean: csatScores.length === 0 ? null : Math.round((csatTotal / csatScores.length) * 100) / 100,
    csatSatisfiedPercent: csatScores.length === 0 ? null : Math.round((satisfied / csatScores.length) * 100),
    csatAnswers: csatScores.length,
  };
}

/** The first day of the month of an ISO date, where the month's kpis point is kept. */
export function monthOf(isoDate: string): string {
  return `${isoDate.slice(0, 7)}-01`;
}

/** The ISO date twelve months before another (the 29th of February falls back to the 28th). */
export function twelveMonthsBefore(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4)) - 1;
  const rest = isoDate.slice(4);
  return rest === '-02-29' ? `${year}-02-28` : `${year}${rest}`;
}
