import { describe, expect, it } from 'vitest';
import {
  figureValueOf,
  mergeFigures,
  nextReportDue,
  reportDueDates,
  reportFlags,
  uncheckedItems,
} from './report-rules';
import { canMoveRequest, checkBriefAnswers, defaultBriefTemplates } from './request-rules';

const allChecked = { typos: true, figures: true, clientEyes: true, highlights: true };

describe('report schedule', () => {
  it('puts a monthly report on the 5th for the month before', () => {
    expect(reportDueDates({ frequency: 'monthly', dayOfMonth: 5 }, '2026-01-01', '2026-03-31')).toEqual([
      { periodStart: '2025-12-01', periodEnd: '2025-12-31', dueOn: '2026-01-05' },
      { periodStart: '2026-01-01', periodEnd: '2026-01-31', dueOn: '2026-02-05' },
      { periodStart: '2026-02-01', periodEnd: '2026-02-28', dueOn: '2026-03-05' },
    ]);
  });

  it('puts a quarterly report in the month after each quarter', () => {
    expect(reportDueDates({ frequency: 'quarterly', dayOfMonth: 10 }, '2026-02-01', '2026-12-31')).toEqual([
      { periodStart: '2026-01-01', periodEnd: '2026-03-31', dueOn: '2026-04-10' },
      { periodStart: '2026-04-01', periodEnd: '2026-06-30', dueOn: '2026-07-10' },
      { periodStart: '2026-07-01', periodEnd: '2026-09-30', dueOn: '2026-10-10' },
    ]);
  });

  it('gives the next due date from an injected today, the due day itself included', () => {
    const schedule = { frequency: 'monthly', dayOfMonth: 5 } as const;
    expect(nextReportDue(schedule, '2026-11-05').dueOn).toBe('2026-11-05');
    expect(nextReportDue(schedule, '2026-11-06')).toEqual({
      periodStart: '2026-11-01',
      periodEnd: '2026-11-30',
      dueOn: '2026-12-05',
    });
  });

  it('flags a report past due and not sent as late, and one waiting with open checks as unreviewed', () => {
    const none = { typos: false, figures: false, clientEyes: false, highlights: false };
    expect(reportFlags({ status: 'draft', dueOn: '2026-11-05', checklist: none }, '2026-11-05')).toEqual({
      late: false,
      unreviewed: false,
    });
    expect(reportFlags({ status: 'in_review', dueOn: '2026-11-05', checklist: none }, '2026-11-06')).toEqual({
      late: true,
      unreviewed: true,
    });
    expect(reportFlags({ status: 'sent', dueOn: '2026-11-05', checklist: allChecked }, '2026-12-01')).toEqual({
      late: false,
      unreviewed: false,
    });
    expect(uncheckedItems({ ...allChecked, clientEyes: false })).toEqual(['clientEyes']);
  });
});

describe('requests and briefs', () => {
  it('moves new → clarifying → accepted | declined → done only', () => {
    expect(canMoveRequest('new', 'clarifying')).toBe(true);
    expect(canMoveRequest('clarifying', 'accepted')).toBe(true);
    expect(canMoveRequest('accepted', 'done')).toBe(true);
    expect(canMoveRequest('new', 'done')).toBe(false);
    expect(canMoveRequest('declined', 'accepted')).toBe(false);
    expect(canMoveRequest('done', 'new')).toBe(false);
  });

  it('checks each answer by its field type and names the field', () => {
    const { fields } = defaultBriefTemplates.ru;
    const result = checkBriefAnswers(fields, {
      goal: '  Продажи квартир в ЖК «Лесной»  ',
      budget: { amountMinor: 1.5, currency: 'RUB' },
      deadline: '2026-02-30',
      references: ['https://pik.ru', 'ftp://old'],
      colour: 'синий',
    });
    expect(result.issues).toEqual([
      { key: 'colour', label: 'colour', problem: 'unknown' },
      { key: 'budget', label: 'Бюджет', problem: 'money' },
      { key: 'deadline', label: 'Срок', problem: 'date' },
      { key: 'references', label: 'Референсы', problem: 'links' },
    ]);
    expect(result.answers).toEqual({ goal: 'Продажи квартир в ЖК «Лесной»' });
    expect(checkBriefAnswers(fields, { audience: 'Семьи' }).issues).toEqual([
      { key: 'goal', label: 'Цель', problem: 'required' },
    ]);
  });
});

describe('report figures pulled from KPIs', () => {
  it('merges by label and channel, and writes values as exact decimal text', () => {
    expect(figureValueOf(75)).toBe('75');
    expect(figureValueOf(29.875)).toBe('29.88');
    expect(figureValueOf(12.5)).toBe('12.5');
    expect(
      mergeFigures(
        [{ label: 'Лиды', value: '1', channel: null }],
        [
          { label: 'Лиды', value: '2', channel: 'Директ' },
          { label: 'Лиды', value: '3', channel: null },
        ],
      ),
    ).toEqual([
      { label: 'Лиды', value: '3', channel: null },
      { label: 'Лиды', value: '2', channel: 'Директ' },
    ]);
  });
});
