// NOTE: pure rules of client reports (decision 0016): when they are due, what a review must
// check, and which reports are flagged. The clock is always passed in.

export const reportFrequencies = ['monthly', 'quarterly'] as const;
export type ReportFrequency = (typeof reportFrequencies)[number];
export const reportStatuses = ['draft', 'in_review', 'sent'] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export const reportChecks = ['typos', 'figures', 'clientEyes', 'highlights'] as const;
export type ReportCheck = (typeof reportChecks)[number];
export type ReportChecklist = Record<ReportCheck, boolean>;
export type ReportSchedule = { frequency: ReportFrequency; dayOfMonth: number };
/** A reporting period and the day its report is due, as ISO dates. */
export type ReportDue = { periodStart: string; periodEnd: string; dueOn: string };

const iso = (year: number, monthIndex: number, day: number) =>
  new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);

function periodBefore(schedule: ReportSchedule, year: number, monthIndex: number): ReportDue {
  const months = schedule.frequency === 'monthly' ? 1 : 3;
  // NOTE: a quarterly report on the 5th of January, April, July and October covers the quarter before.
  const startMonth = monthIndex - months;
  return {
    periodStart: iso(year, startMonth, 1),
    periodEnd: iso(year, monthIndex, 0),
    dueOn: iso(year, monthIndex, schedule.dayOfMonth),
  };
}

function isDueMonth(schedule: ReportSchedule, monthIndex: number): boolean {
  return schedule.frequency === 'monthly' || monthIndex % 3 === 0;
}

/**
 * The reports due between two ISO dates (both included): a monthly report on the 5th covers the
 * previous calendar month; a quarterly one, due in the month after each quarter, the quarter.
 */
export function reportDueDates(schedule: ReportSchedule, from: string, to: string): ReportDue[] {
  const dues: ReportDue[] = [];
  let year = Number(from.slice(0, 4));
  let monthIndex = Number(from.slice(5, 7)) - 1;
  for (;;) {
    if (isDueMonth(schedule, monthIndex)) {
      const due = periodBefore(schedule, year, monthIndex);
      if (due.dueOn > to) break;
      if (due.dueOn >= from) dues.push(due);
    } else if (iso(year, monthIndex, 1) > to) break;
    monthIndex += 1;
    if (monthIndex === 12) {
      monthIndex = 0;
      year += 1;
    }
  }
  return dues;
}

/** The next report due on or after `now`'s date in the workspace's calendar (`today`, an ISO date). */
export function nextReportDue(schedule: ReportSchedule, today: string): ReportDue {
  const inAYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  return reportDueDates(schedule, today, inAYear)[0] as ReportDue;
}

/** The checks the review has not ticked yet; a report is sent only when none is left. */
export function uncheckedItems(checklist: ReportChecklist): ReportCheck[] {
  return reportChecks.filter((check) => !checklist[check]);
}

/** Late: past its due day and not sent. Unreviewed: waiting for review with checks still open. */
export function reportFlags(
  report: { status: ReportStatus; dueOn: string; checklist: ReportChecklist },
  today: string,
): { late: boolean; unreviewed: boolean } {
  return {
    late: report.status !== 'sent' && report.dueOn < today,
    unreviewed: report.status === 'in_review' && uncheckedItems(report.checklist).length > 0,
  };
}

type Figure = { label: string; value: string; channel: string | null };

/** A KPI value as a report figure's exact decimal text: whole numbers as they are, others to two places. */
export function figureValueOf(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(2).replace(/\.?0+$/, '');
}

/**
 * A report's figures after pulling the KPI ones: a pulled figure replaces the one with the same
 * label and channel (the KPI series is the source), the figures typed by hand stay, and the
 * pulled ones that are new come after them. Corrections are made afterwards, by hand.
 */
export function mergeFigures(current: readonly Figure[], pulled: readonly Figure[]): Figure[] {
  const keyOf = (figure: Figure) => `${figure.label}\u0000${figure.channel ?? ''}`;
  const byKey = new Map(pulled.map((figure) => [keyOf(figure), figure]));
  const merged = current.map((figure) => byKey.get(keyOf(figure)) ?? figure);
  const present = new Set(current.map(keyOf));
  return [...merged, ...pulled.filter((figure) => !present.has(keyOf(figure)))];
}
