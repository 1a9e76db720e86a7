import { describe, expect, it } from 'vitest';
import { canMoveFeedback, hoursToResolve, monthOf, summarizeSurveys, twelveMonthsBefore } from './rules';

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

describe('survey rules', () => {
  it('counts NPS as promoters (9–10) minus detractors (0–6); passives (7–8) only dilute', () => {
    const nps = (...scores: number[]) => summarizeSurveys(scores.map((score) => ({ nps: score, csat: null }))).nps;
    expect(nps(10, 9, 8, 7)).toBe(50);
    expect(nps(6, 0, 9)).toBe(-33);
    expect(nps(7, 8)).toBe(0);
    expect(nps(10)).toBe(100);
    expect(summarizeSurveys([]).nps).toBeNull();
  });

  it('keeps CSAT as a mean of 1–5 and as the share of 4 and 5, leaving out answers without it', () => {
    expect(
      summarizeSurveys([
        { nps: 9, csat: 5 },
        { nps: null, csat: 3 },
        { nps: 2, csat: null },
      ]),
    ).toEqual({ nps: 0, npsAnswers: 2, csatMean: 4, csatSatisfiedPercent: 50, csatAnswers: 2 });
  });

  it('files a month’s answers on its first day, and reaches back twelve months before a loss', () => {
    expect(monthOf('2026-11-27')).toBe('2026-11-01');
    expect(twelveMonthsBefore('2026-11-20')).toBe('2025-11-20');
    expect(twelveMonthsBefore('2028-02-29')).toBe('2027-02-28');
  });
});
