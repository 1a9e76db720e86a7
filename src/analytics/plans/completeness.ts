// NOTE: pure rules over a plan's content (docs/decisions/0017-account-plans.md): no database, no
// HTTP, no clock — `today` is given, so the same plan always scores the same.

export const actionStatuses = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const completenessGrades = ['red', 'amber', 'green'] as const;
export type CompletenessGrade = (typeof completenessGrades)[number];

/** What the score looks at; a plan's full content fits it. */
export type PlanForCompleteness = {
  sections: readonly { title: string; body: string }[];
  objectives: readonly {
    title: string;
    metricKey: string | null;
    metricName: string | null;
    target: number | null;
    actions: readonly { title: string; status: ActionStatus; dueOn: string | null }[];
  }[];
};

export type CompletenessReasonKind =
  | 'section_empty'
  | 'no_objectives'
  | 'objective_unmeasurable'
  | 'objective_without_target'
  | 'objective_without_actions'
  | 'action_overdue';

/** One thing that keeps the plan from being complete; `subject` names the section, objective or action. */
export type CompletenessReason = { kind: CompletenessReasonKind; subject: string; dueOn?: string };

export type Completeness = {
  /** Share of the checks passed, 0–100. */
  score: number;
  grade: CompletenessGrade;
  checks: number;
  passed: number;
  reasons: CompletenessReason[];
};

/** Green from this score up, amber from `amberFrom`, red below. */
export const greenFrom = 80;
export const amberFrom = 50;

/** Whether an unfinished action's due date (`YYYY-MM-DD`) is before today. */
export function isOverdue(action: { status: ActionStatus; dueOn: string | null }, today: string): boolean {
  return (
    (action.status === 'planned' || action.status === 'in_progress') && action.dueOn !== null && action.dueOn < today
  );
}

export function gradeOf(score: number): CompletenessGrade {
  return score >= greenFrom ? 'green' : score >= amberFrom ? 'amber' : 'red';
}

/**
 * Scores how complete a plan is: every section written, at least one objective, each objective
 * measurable (a metric and a target) and carried by actions, no unfinished action past its due date.
 */
export function scoreCompleteness(plan: PlanForCompleteness, today: string): Completeness {
  const reasons: CompletenessReason[] = [];
  let checks = 0;
  const check = (passes: boolean, reason: CompletenessReason) => {
    checks += 1;
    if (!passes) reasons.push(reason);
  };
  for (const section of plan.sections) {
    check(section.body.trim().length > 0, { kind: 'section_empty', subject: section.title });
  }
  check(plan.objectives.length > 0, { kind: 'no_objectives', subject: '' });
  for (const objective of plan.objectives) {
    const hasMetric = Boolean(objective.metricKey || objective.metricName?.trim());
    check(hasMetric && objective.target !== null, {
      kind: hasMetric ? 'objective_without_target' : 'objective_unmeasurable',
      subject: objective.title,
    });
    check(objective.actions.length > 0, { kind: 'objective_without_actions', subject: objective.title });
    // NOTE: a finished action passes its check rather than leaving it, so finishing one never lowers the score.
    for (const action of objective.actions) {
      check(!isOverdue(action, today), {
        kind: 'action_overdue',
        subject: action.title,
        ...(action.dueOn ? { dueOn: action.dueOn } : {}),
      });
    }
  }
  const passed = checks - reasons.length;
  const score = checks === 0 ? 0 : Math.floor((passed * 100) / checks);
  return { score, grade: gradeOf(score), checks, passed, reasons };
}
