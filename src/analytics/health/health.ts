// NOTE: pure: no database, no HTTP. The KPI module gathers the inputs and stores the results.

export const healthFactorKeys = [
  'kpi_trend',
  'anomalies',
  'relationship',
  'nps',
  'overdue_tasks',
  'overdue_payments',
  'complaints',
] as const;
export type HealthFactorKey = (typeof healthFactorKeys)[number];

export const healthGrades = ['good', 'fair', 'poor', 'critical'] as const;
export type HealthGrade = (typeof healthGrades)[number];

/** Weights of the factors (any non-negative numbers; they are normalised over the factors present). */
export type HealthWeights = Record<HealthFactorKey, number>;

export const defaultHealthWeights: HealthWeights = {
  kpi_trend: 25,
  anomalies: 15,
  relationship: 20,
  nps: 10,
  overdue_tasks: 10,
  overdue_payments: 10,
  complaints: 10,
};

/** Points a count factor loses for each item: five overdue tasks, four overdue invoices or three open complaints reach 0. */
export const countPenalties = { overdue_tasks: 20, overdue_payments: 25, complaints: 34 } as const;

/** Lowest score of each grade but the last. */
export const gradeThresholds = { good: 70, fair: 50, poor: 30 } as const;

/** A KPI's movement: the mean of the last 90 days against the 90 days before, and which way is good. */
export type KpiTrendInput = { metricKey: string; recent: number; before: number; higherIsBetter: boolean };

export type HealthInputs = {
  kpiTrends: readonly KpiTrendInput[];
  /** Open anomaly findings of the last 90 days. */
  openFindings: number;
  /** Whether the account has any KPI series (without, the anomaly factor says nothing). */
  hasKpis: boolean;
  /** Relationship strength 0–100, when the relationship map knows the account. */
  relationshipStrength: number | null;
  /** The latest NPS (−100…100), when there is one. */
  nps: number | null;
  /** Open tasks past their deadline, when the account has tasks (delivery). */
  overdueTasks?: number | null;
  /** Invoices past due and not paid, when the account was ever invoiced (finance). */
  overdueInvoices?: number | null;
  /** Complaints and conflicts still open, when the account has any feedback on record (client care). */
  openComplaints?: number | null;
};

export type HealthFactor = {
  key: HealthFactorKey;
  /** 0–100, or null when the account has no data for it (it then does not count). */
  value: number | null;
  /** Share of the score this factor carries, 0–1 (0 when it has no value). */
  weight: number;
  /** Points it adds to the score. */
  points: number;
  /** The number behind the value: mean change in %, open findings, strength, NPS, or the count. */
  input: number | null;
};

export type AccountHealth = { score: number | null; grade: HealthGrade | null; factors: HealthFactor[] };

const clamp = (value: number, least: number, most: number) => Math.min(most, Math.max(least, value));

/** ±30 % movement in the good or bad direction spans the scale; no movement is 50. */
function trendValue(trends: readonly KpiTrendInput[]): { value: number | null; input: number | null } {
  const changes = trends
    .filter((trend) => Number.isFinite(trend.recent) && Number.isFinite(trend.before) && trend.before !== 0)
    .map((trend) => {
      const change = (trend.recent - trend.before) / Math.abs(trend.before);
      return trend.higherIsBetter ? change : -change;
    });
  if (changes.length === 0) return { value: null, input: null };
  const mean = changes.reduce((sum, change) => sum + change, 0) / changes.length;
  return { value: clamp(50 + (mean / 0.3) * 50, 0, 100), input: mean * 100 };
}

/** 100 with none, less `penalty` for each; no value when the module has no data on the account. */
function countFactor(
  count: number | null | undefined,
  penalty: number,
): { value: number | null; input: number | null } {
  if (count === null || count === undefined) return { value: null, input: null };
  return { value: clamp(100 - penalty * count, 0, 100), input: count };
}

export function gradeOf(score: number): HealthGrade {
  if (score >= gradeThresholds.good) return 'good';
  if (score >= gradeThresholds.fair) return 'fair';
  if (score >= gradeThresholds.poor) return 'poor';
  return 'critical';
}

/**
 * An account's health, 0–100 with a grade, and what each factor contributed. Factors without
 * data are left out and the others' weights renormalised; with none, there is no score.
 */
export function accountHealth(inputs: HealthInputs, weights: HealthWeights = defaultHealthWeights): AccountHealth {
  const trend = trendValue(inputs.kpiTrends);
  const raw: Record<HealthFactorKey, { value: number | null; input: number | null }> = {
    kpi_trend: trend,
    anomalies: inputs.hasKpis
      ? { value: clamp(100 - 25 * inputs.openFindings, 0, 100), input: inputs.openFindings }
      : { value: null, input: null },
    relationship:
      inputs.relationshipStrength === null
        ? { value: null, input: null }
        : { value: clamp(inputs.relationshipStrength, 0, 100), input: inputs.relationshipStrength },
    nps:
      inputs.nps === null
        ? { value: null, input: null }
        : { value: clamp((inputs.nps + 100) / 2, 0, 100), input: inputs.nps },
    overdue_tasks: countFactor(inputs.overdueTasks, countPenalties.overdue_tasks),
    overdue_payments: countFactor(inputs.overdueInvoices, countPenalties.overdue_payments),
    complaints: countFactor(inputs.openComplaints, countPenalties.complaints),
  };
  return weighFactors(raw, weights);
}

/**
 * A stored health under other weights: each factor's value and input kept, the weights and the
 * score worked out again (a change of the workspace's weights applies to today's record at once).
 */
export function reweighHealth(factors: readonly HealthFactor[], weights: HealthWeights): AccountHealth {
  const raw = Object.fromEntries(
    healthFactorKeys.map((key) => {
      const stored = factors.find((factor) => factor.key === key);
      return [key, { value: stored?.value ?? null, input: stored?.input ?? null }];
    }),
  ) as Record<HealthFactorKey, { value: number | null; input: number | null }>;
  return weighFactors(raw, weights);
}

function weighFactors(
  raw: Record<HealthFactorKey, { value: number | null; input: number | null }>,
  weights: HealthWeights,
): AccountHealth {
  const present = healthFactorKeys.filter((key) => raw[key].value !== null && weights[key] > 0);
  const total = present.reduce((sum, key) => sum + weights[key], 0);
  const factors = healthFactorKeys.map((key) => {
    const weight = total > 0 && present.includes(key) ? weights[key] / total : 0;
    const value = raw[key].value;
    return { key, value, weight, points: value === null ? 0 : value * weight, input: raw[key].input };
  });
  if (total === 0) return { score: null, grade: null, factors };
  const score = Math.round(factors.reduce((sum, factor) => sum + factor.points, 0) * 10) / 10;
  return { score, grade: gradeOf(score), factors };
}
