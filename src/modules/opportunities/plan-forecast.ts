import { and, eq, sql } from 'drizzle-orm';
import { type Currency, sumMinor } from '../../analytics/money/money';
import { forecastPlan, monthsBetween, type PlanForecast } from '../../analytics/plans/forecast';
import { ruleViolated } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { readMonthlyInvoiced } from '../finance';
import { planObjectives } from '../plans';
import { workspaceToday } from '../workspaces';
import { changeableAccount, visiblePlanPeriod } from './access';
import { listOpportunities } from './get-opportunity';
import { opportunityMessages } from './messages';
import { enteredActuals } from './schema';
import { type EnterActualInput, enterActualInput } from './schemas';

/** Where the actuals come from: invoices in Accord, figures entered by hand, or none the reader may see. */
export type ActualsSource = 'invoices' | 'entered' | 'hidden';

export type PlanForecastReport = {
  planId: string;
  accountId: string;
  periodStart: string;
  periodEnd: string;
  today: string;
  actualsSource: ActualsSource;
  /** One report per currency: amounts of different currencies are never added together. */
  currencies: ({ currency: Currency } & PlanForecast)[];
};

/**
 * Plan vs forecast vs actual for a plan's account and period: the plan is the sum of its
 * objectives' money targets; actuals are the account's invoices (or, when it has none, the
 * figures entered by hand); the forecast adds the weighted open pipeline to the run-rate.
 */
export async function getPlanForecast(ctx: UseCaseContext, planId: string): Promise<PlanForecastReport> {
  const plan = await visiblePlanPeriod(ctx, planId);
  const today = await workspaceToday(ctx);
  const targets = await ctx.db
    .select({ amountMinor: planObjectives.targetMinor, currency: planObjectives.targetCurrency })
    .from(planObjectives)
    .where(and(eq(planObjectives.workspaceId, ctx.actor.workspaceId), eq(planObjectives.planId, plan.id)));
  // NOTE: the run-rate reads the three months before the period too, so January has one.
  const invoiced = await readMonthlyInvoiced(ctx, plan.accountId, shiftMonths(plan.periodStart, -3), plan.periodEnd);
  const entered = await ctx.db
    .select({
      month: enteredActuals.month,
      currency: enteredActuals.currency,
      amountMinor: enteredActuals.amountMinor,
    })
    .from(enteredActuals)
    .where(and(eq(enteredActuals.workspaceId, ctx.actor.workspaceId), eq(enteredActuals.accountId, plan.accountId)));
  const pipeline = await listOpportunities(ctx, { accountId: plan.accountId });
  const actualsSource: ActualsSource = invoiced === null ? 'hidden' : invoiced.length > 0 ? 'invoices' : 'entered';
  const actuals =
    actualsSource === 'invoices'
      ? (invoiced ?? [])
      : actualsSource === 'entered'
        ? entered.map((row) => ({ ...row, month: row.month.slice(0, 7) }))
        : [];
  const currencies = new Set<string>([
    ...targets.flatMap((target) => (target.currency ? [target.currency] : [])),
    ...actuals.map((actual) => actual.currency),
    ...pipeline.map((item) => item.currency),
  ]);
  const months = monthsBetween(plan.periodStart, plan.periodEnd);
  return {
    planId: plan.id,
    accountId: plan.accountId,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    today,
    actualsSource,
    currencies: [...currencies].sort().map((currency) => ({
      currency: currency as Currency,
      ...forecastPlan({
        months,
        today,
        planMinor: sumMinor(
          targets.filter((target) => target.currency === currency).map((target) => target.amountMinor ?? 0),
        ),
        actuals: actuals.filter((actual) => actual.currency === currency),
        openPipeline: pipeline
          .filter((item) => item.currency === currency)
          .map((item) => ({ ...item, renewal: item.type === 'renewal' })),
      }),
    })),
  };
}

/** The first day of the month `count` months from the date's month. */
function shiftMonths(date: string, count: number): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Records an account's revenue for a month by hand (used while its invoices are not in Accord). */
export async function enterActual(
  ctx: UseCaseContext,
  planId: string,
  rawInput: EnterActualInput,
): Promise<PlanForecastReport> {
  const input = enterActualInput.parse(rawInput);
  const plan = await visiblePlanPeriod(ctx, planId);
  await changeableAccount(ctx, plan.accountId);
  const month = `${input.month}-01`;
  if (month < `${plan.periodStart.slice(0, 7)}-01` || month > plan.periodEnd) {
    throw ruleViolated(opportunityMessages.monthOutsidePeriod, undefined, 'month');
  }
  await ctx.db
    .insert(enteredActuals)
    .values({
      ...input,
      month,
      workspaceId: ctx.actor.workspaceId,
      accountId: plan.accountId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .onConflictDoUpdate({
      target: [enteredActuals.workspaceId, enteredActuals.accountId, enteredActuals.month, enteredActuals.currency],
      set: { amountMinor: input.amountMinor, updatedAt: ctx.now, version: sql`${enteredActuals.version} + 1` },
    });
  return getPlanForecast(ctx, planId);
}
