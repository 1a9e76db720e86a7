import { divideRounded, sumMinor, toSafeInteger } from '../money/money';

// NOTE: everything here is in one currency's minor units; the caller builds one report per
// currency, so amounts of different currencies are never added together.

/** A month as `YYYY-MM`. */
export type Month = string;

export type PipelineItem = {
  amountMinor: number;
  probability: number;
  expectedCloseOn: string;
  /** A renewal of revenue the account already brings (see `forecastPlan` for how it counts). */
  renewal?: boolean;
};
export type MonthAmount = { month: Month; amountMinor: number };

export type PlanForecastInput = {
  /** The months of the period, in order (`YYYY-MM`). */
  months: readonly Month[];
  /** Today's date, `YYYY-MM-DD`: months before today's are past and forecast by their actuals. */
  today: string;
  /** The period's revenue target, spread evenly over its months. */
  planMinor: number;
  actuals: readonly MonthAmount[];
  openPipeline: readonly PipelineItem[];
  /** How many of the last full months make the run-rate (an average of their actuals). */
  runRateMonths?: number;
};

export type PlanForecastMonth = {
  month: Month;
  planMinor: number;
  actualMinor: number;
  weightedPipelineMinor: number;
  /** Weighted open renewals expected this month, left out of the forecast when the run-rate carries them. */
  renewalsMinor: number;
  runRateMinor: number;
  forecastMinor: number;
  /** Actual minus plan, for months that have begun; forecast minus plan after them. */
  varianceMinor: number;
  past: boolean;
};

export type PlanForecastTotals = {
  planMinor: number;
  actualMinor: number;
  forecastMinor: number;
  varianceMinor: number;
};
export type PlanForecast = {
  months: PlanForecastMonth[];
  yearToDate: PlanForecastTotals;
  fullPeriod: PlanForecastTotals;
  runRateMinor: number;
};

/** Splits `total` into `parts` whole amounts that add up to it exactly, the remainder on the first ones. */
export function spreadEvenly(total: number, parts: number): number[] {
  if (parts <= 0) return [];
  const whole = BigInt(total) / BigInt(parts);
  const remainder = Number(BigInt(total) - whole * BigInt(parts));
  const step = remainder < 0 ? -1n : 1n;
  return Array.from({ length: parts }, (_, index) => toSafeInteger(whole + (index < Math.abs(remainder) ? step : 0n)));
}

/** The weighted value of one opportunity: amount × probability %, rounded half away from zero. */
export function weightedAmount(item: Pick<PipelineItem, 'amountMinor' | 'probability'>): number {
  return toSafeInteger(divideRounded(BigInt(item.amountMinor) * BigInt(item.probability), 100n));
}

/** The month of the actuals run-rate: the average of the last `count` full months before today's. */
function runRateOf(actuals: ReadonlyMap<Month, number>, today: string, count: number): number {
  const months: Month[] = [];
  let [year, month] = today.slice(0, 7).split('-').map(Number) as [number, number];
  for (let index = 0; index < count; index += 1) {
    month -= 1;
    if (month === 0) [year, month] = [year - 1, 12];
    months.push(`${year}-${String(month).padStart(2, '0')}`);
  }
  if (months.length === 0) return 0;
  return toSafeInteger(divideRounded(BigInt(sumMinor(months.map((m) => actuals.get(m) ?? 0))), BigInt(months.length)));
}

/**
 * Plan vs forecast vs actual by month and year to date. A month before today's is past: its
 * forecast is its actual. Today's month and later ones are forecast as the run-rate of actuals
 * plus the weighted open pipeline expected to close in them; today's month also counts what is
 * already invoiced when that is more than the run-rate. Pipeline expected before today's month
 * (overdue) is counted in today's month, since it has not closed yet.
 *
 * Renewals are not counted twice: the run-rate already assumes the account keeps paying what it
 * pays, which is what a renewal renews. So while there is a run-rate, open renewals are shown
 * apart (`renewalsMinor`) and left out of the forecast; an uplift is an upsell of its own. With no
 * run-rate (no actuals in the last full months) nothing carries them, and they count as pipeline.
 */
export function forecastPlan(input: PlanForecastInput): PlanForecast {
  const currentMonth = input.today.slice(0, 7);
  const actuals = new Map<Month, number>();
  for (const actual of input.actuals)
    actuals.set(actual.month, sumMinor([actuals.get(actual.month) ?? 0, actual.amountMinor]));
  const runRate = runRateOf(actuals, input.today, input.runRateMonths ?? 3);
  const pipeline = new Map<Month, number>();
  const renewals = new Map<Month, number>();
  for (const item of input.openPipeline) {
    const closeMonth = item.expectedCloseOn.slice(0, 7);
    const month = [closeMonth, currentMonth].sort()[1] as Month;
    const carriedByRunRate = item.renewal === true && runRate > 0;
    const bucket = carriedByRunRate ? renewals : pipeline;
    bucket.set(month, sumMinor([bucket.get(month) ?? 0, weightedAmount(item)]));
  }
  const plans = spreadEvenly(input.planMinor, input.months.length);

  const months = input.months.map((month, index): PlanForecastMonth => {
    const planMinor = plans[index] ?? 0;
    const actualMinor = actuals.get(month) ?? 0;
    const past = month < currentMonth;
    const weightedPipelineMinor = past ? 0 : (pipeline.get(month) ?? 0);
    const renewalsMinor = past ? 0 : (renewals.get(month) ?? 0);
    const runRateMinor = past ? 0 : month === currentMonth ? Math.max(runRate, actualMinor) : runRate;
    const forecastMinor = past ? actualMinor : sumMinor([runRateMinor, weightedPipelineMinor]);
    const begun = month <= currentMonth;
    const varianceMinor = sumMinor([begun ? actualMinor : forecastMinor, -planMinor]);
    return {
      month,
      planMinor,
      actualMinor,
      weightedPipelineMinor,
      renewalsMinor,
      runRateMinor,
      forecastMinor,
      varianceMinor,
      past,
    };
  });

  const totalOf = (rows: readonly PlanForecastMonth[]): PlanForecastTotals => {
    const planMinor = sumMinor(rows.map((row) => row.planMinor));
    const actualMinor = sumMinor(rows.map((row) => row.actualMinor));
    return {
      planMinor,
      actualMinor,
      forecastMinor: sumMinor(rows.map((row) => row.forecastMinor)),
      varianceMinor: sumMinor([actualMinor, -planMinor]),
    };
  };
  const fullPeriod = totalOf(months);
  return {
    months,
    yearToDate: totalOf(months.filter((row) => row.month <= currentMonth)),
    // NOTE: for the whole period the variance that matters is the forecast's: where the year will land.
    fullPeriod: { ...fullPeriod, varianceMinor: sumMinor([fullPeriod.forecastMinor, -fullPeriod.planMinor]) },
    runRateMinor: runRate,
  };
}

/** The months `YYYY-MM` from the start date's month to the end date's, inclusive. */
export function monthsBetween(start: string, end: string): Month[] {
  const months: Month[] = [];
  let [year, month] = start.slice(0, 7).split('-').map(Number) as [number, number];
  const last = end.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > last) return months;
    months.push(current);
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
}
