import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionStatuses, type PlanForCompleteness, scoreCompleteness } from './completeness';

const today = '2026-06-15';

const complete: PlanForCompleteness = {
  sections: [
    { title: 'Their marketplace', body: 'Retail pharmacy chains consolidate.' },
    { title: 'SWOT', body: '**Strengths:** delivery in 24 h.' },
  ],
  objectives: [
    {
      title: 'Grow revenue',
      metricKey: 'revenue',
      metricName: null,
      target: 120_000_000,
      actions: [{ title: 'Quarterly business review', status: 'planned', dueOn: '2026-09-30' }],
    },
  ],
};

describe('scoreCompleteness', () => {
  it('grades a complete plan green with nothing to fix', () => {
    expect(scoreCompleteness(complete, today)).toEqual({
      score: 100,
      grade: 'green',
      checks: 6,
      passed: 6,
      reasons: [],
    });
  });

  it('names the empty sections, the free-text objective, the one without a target and the overdue action', () => {
    const result = scoreCompleteness(
      {
        sections: [
          { title: 'Their marketplace', body: '  \n' },
          { title: 'SWOT', body: 'done' },
        ],
        objectives: [
          { title: 'Be their favourite supplier', metricKey: null, metricName: null, target: null, actions: [] },
          {
            title: 'Share of wallet',
            metricKey: null,
            metricName: 'Share of wallet, %',
            target: null,
            actions: [
              { title: 'Call the buyer', status: 'in_progress', dueOn: '2026-06-14' },
              { title: 'Old idea', status: 'dropped', dueOn: '2026-01-01' },
              { title: 'Finished', status: 'done', dueOn: '2026-01-01' },
              { title: 'Due today', status: 'planned', dueOn: today },
            ],
          },
        ],
      },
      today,
    );
    expect(result.reasons).toEqual([
      { kind: 'section_empty', subject: 'Their marketplace' },
      { kind: 'objective_unmeasurable', subject: 'Be their favourite supplier' },
      { kind: 'objective_without_actions', subject: 'Be their favourite supplier' },
      { kind: 'objective_without_target', subject: 'Share of wallet' },
      { kind: 'action_overdue', subject: 'Call the buyer', dueOn: '2026-06-14' },
    ]);
    // 2 sections + 1 "has objectives" + 2 × 2 objective checks + 4 actions = 11 checks, 6 passed.
    expect(result).toMatchObject({ checks: 11, passed: 6, score: 54, grade: 'amber' });
  });

  it('asks for at least one objective', () => {
    const result = scoreCompleteness({ sections: complete.sections, objectives: [] }, today);
    expect(result.reasons).toEqual([{ kind: 'no_objectives', subject: '' }]);
    expect(result).toMatchObject({ score: 66, grade: 'amber' });
  });

  const plans = fc.record({
    sections: fc.array(fc.record({ title: fc.string(), body: fc.oneof(fc.constant(''), fc.string()) }), {
      maxLength: 8,
    }),
    objectives: fc.array(
      fc.record({
        title: fc.string(),
        metricKey: fc.option(fc.constantFrom('revenue', 'margin')),
        metricName: fc.option(fc.string()),
        target: fc.option(fc.integer()),
        actions: fc.array(
          fc.record({
            title: fc.string(),
            status: fc.constantFrom(...actionStatuses),
            dueOn: fc.option(fc.constantFrom('2026-01-01', today, '2026-12-31')),
          }),
          { maxLength: 5 },
        ),
      }),
      { maxLength: 5 },
    ),
  });

  it('keeps the score within 0–100, one reason per failed check, and the grade in step with the score', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const result = scoreCompleteness(plan, today);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(result.checks - result.passed).toBe(result.reasons.length);
        expect(result.grade).toBe(result.score >= 80 ? 'green' : result.score >= 50 ? 'amber' : 'red');
      }),
    );
  });

  it('never scores lower when a section gets written or an action gets done', () => {
    fc.assert(
      fc.property(plans, fc.nat(), (plan, pick) => {
        const before = scoreCompleteness(plan, today).score;
        if (plan.sections.length > 0) {
          const sections = plan.sections.map((section, index) =>
            index === pick % plan.sections.length ? { ...section, body: 'Written.' } : section,
          );
          expect(scoreCompleteness({ ...plan, sections }, today).score).toBeGreaterThanOrEqual(before);
        }
        const objectives = plan.objectives.map((objective) => ({
          ...objective,
          actions: objective.actions.map((action) => ({ ...action, status: 'done' as const })),
        }));
        expect(scoreCompleteness({ ...plan, objectives }, today).score).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('only counts as overdue what is unfinished and due before today', () => {
    fc.assert(
      fc.property(plans, (plan) => {
        const overdue = scoreCompleteness(plan, today).reasons.filter((reason) => reason.kind === 'action_overdue');
        for (const reason of overdue) expect(reason.dueOn && reason.dueOn < today).toBeTruthy();
      }),
    );
  });
});
