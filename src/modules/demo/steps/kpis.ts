import { type DetectorResult, type SeriesPoint, scoreSeries } from '../../../analytics/anomaly';
import { newId } from '../../../platform/db/columns';
import { kpiFindings, kpiPoints, kpiSeries, kpiSeriesDetection, kpiTargets } from '../../kpis';
import { BatchInserter } from '../batch-insert';
import type { DemoAccount, DemoContext, DemoStep } from '../demo-context';
import type { DemoRandom } from '../random';

const dayMs = 86_400_000;
const weekMs = 7 * dayMs;
const years = 3;

/** Advertising channels by the demo's language, with their share of an account's leads. */
const channels = {
  ru: [
    { name: 'Яндекс Директ', share: 0.45 },
    { name: 'VK Ads', share: 0.2 },
    { name: 'Google Ads', share: 0.1 },
    { name: 'SEO', share: 0.25 },
  ],
  en: [
    { name: 'Google Ads', share: 0.45 },
    { name: 'Meta Ads', share: 0.2 },
    { name: 'LinkedIn Ads', share: 0.1 },
    { name: 'SEO', share: 0.25 },
  ],
} as const;

/**
 * The monthly revenue the demo uploads is the client's own sales, as the client reports them, and
 * is named so: the agency's revenue from the account is the derived series finance fills from
 * invoices (metric revenue, dimension the currency), which the demo no longer duplicates.
 */
const clientSales = { ru: 'Продажи клиента', en: 'Client’s own sales' } as const;

/** Something that happened to a series, planted so the detector has something to find. */
type PlantedEvent = { kind: 'spike' | 'dip' | 'drop'; at: number; weeks: number };

/** Yearly season of demand: low in January and summer, high before the new year. */
function season(time: number): number {
  const dayOfYear = (time - Date.UTC(new Date(time).getUTCFullYear(), 0, 1)) / dayMs;
  const phase = (2 * Math.PI * dayOfYear) / 365.25;
  return 1 + 0.18 * Math.sin(phase - 1.2) + 0.1 * Math.cos(2 * phase);
}

function mondayOnOrBefore(time: number): number {
  const day = new Date(time).getUTCDay();
  const midnight = Math.floor(time / dayMs) * dayMs;
  return midnight - ((day + 6) % 7) * dayMs;
}

function monthStart(time: number, monthsBack: number): number {
  const date = new Date(time);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - monthsBack, 1);
}

/** Gaussian noise from two uniforms (Box–Muller). */
function gaussian(random: DemoRandom): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

function applyEvent(value: number, time: number, event: PlantedEvent | undefined, step: number): number {
  if (!event || time < event.at || time >= event.at + event.weeks * step) return value;
  if (event.kind === 'spike') return value * 2.8;
  if (event.kind === 'dip') return value * 0.25;
  return value * 0.6;
}

type SeriesPlan = {
  account: DemoAccount;
  metricKey: string;
  dimension: string;
  times: number[];
  values: number[];
};

/** Three years of weekly leads per channel, the client's monthly sales and NPS for every key account. */
function plansFor(ctx: DemoContext, random: DemoRandom, account: DemoAccount): SeriesPlan[] {
  const now = ctx.now.getTime();
  const lastWeek = mondayOnOrBefore(now) - weekMs;
  const weeks = Math.round((years * 365) / 7);
  const weekTimes = Array.from({ length: weeks }, (_, index) => lastWeek - (weeks - 1 - index) * weekMs);
  const monthTimes = Array.from({ length: years * 12 }, (_, index) => monthStart(now, years * 12 - index));
  const growth = 0.05 + random.next() * 0.15;
  const firstWeek = lastWeek - (weeks - 1) * weekMs;
  const trend = (time: number) => 1 + (growth * (time - firstWeek)) / (365 * dayMs);
  const plans: SeriesPlan[] = [];
  const weeklyLeads = Math.max(20, Math.round(account.budget / 200_000));
  // NOTE: one planted event in about two of three accounts, in the last year, on one series.
  const eventSeries = random.chance(0.67) ? random.int(0, channels.ru.length) : -1;
  const eventKind = random.pick(['spike', 'dip', 'drop'] as const);
  const eventAt = weekTimes[weeks - random.int(4, 40)] as number;
  channels[ctx.options.locale].forEach((channel, index) => {
    const event =
      index === eventSeries
        ? { kind: eventKind, at: eventAt, weeks: eventKind === 'drop' ? 60 : eventKind === 'dip' ? 2 : 1 }
        : undefined;
    const base = weeklyLeads * channel.share;
    plans.push({
      account,
      metricKey: 'leads',
      dimension: channel.name,
      times: weekTimes,
      values: weekTimes.map((time) =>
        Math.max(
          0,
          Math.round(
            applyEvent(base * season(time) * trend(time) * (1 + 0.08 * gaussian(random)), time, event, weekMs),
          ),
        ),
      ),
    });
  });
  const monthlyRevenue = account.budget / 12;
  const revenueEvent =
    eventSeries === channels.ru.length ? { kind: 'drop' as const, at: monthStart(now, 5), weeks: 10 } : undefined;
  plans.push({
    account,
    metricKey: 'revenue',
    dimension: clientSales[ctx.options.locale],
    times: monthTimes,
    values: monthTimes.map((time) =>
      Math.round(
        applyEvent(
          monthlyRevenue * season(time) * trend(time) * (1 + 0.05 * gaussian(random)),
          time,
          revenueEvent,
          31 * dayMs,
        ),
      ),
    ),
  });
  const nps = 25 + random.next() * 35;
  plans.push({
    account,
    metricKey: 'nps',
    dimension: '',
    times: monthTimes,
    values: monthTimes.map(() => Math.round(Math.min(100, Math.max(-100, nps + 4 * gaussian(random))))),
  });
  return plans;
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * KPI series for the key accounts with seasonality, growth and planted anomalies, scored by the
 * detector as the background job would (so findings show on the first start), and monthly
 * revenue targets for the last year and the next quarter.
 */
export const kpisStep: DemoStep = {
  name: 'kpis',
  async run(ctx, random) {
    const workspaceId = ctx.workspace.id;
    const createdAt = new Date(ctx.now.getTime() - years * 365 * dayMs);
    const seriesRows = new BatchInserter(ctx.db, kpiSeries);
    const pointRows = new BatchInserter(ctx.db, kpiPoints);
    const detectionRows = new BatchInserter(ctx.db, kpiSeriesDetection);
    const findingRows = new BatchInserter(ctx.db, kpiFindings);
    const targetRows = new BatchInserter(ctx.db, kpiTargets);
    const plans = ctx.accounts
      .filter((candidate) => candidate.status === 'key')
      .flatMap((account) => plansFor(ctx, random, account).map((plan) => ({ ...plan, id: newId() })));
    for (const plan of plans) {
      await seriesRows.add({
        workspaceId,
        id: plan.id,
        accountId: plan.account.id,
        metricKey: plan.metricKey,
        dimension: plan.dimension,
        createdAt,
        updatedAt: createdAt,
      });
    }
    // NOTE: the series first: their points, findings and targets refer to them.
    await seriesRows.finish();
    for (const plan of plans) {
      const { account } = plan;
      const seriesId = plan.id;
      const points: SeriesPoint[] = plan.times.map((time, index) => ({ time, value: plan.values[index] as number }));
      const { results, state } = scoreSeries(points);
      for (let index = 0; index < points.length; index += 1) {
        const point = points[index] as SeriesPoint;
        const result = results[index] as DetectorResult;
        await pointRows.add({
          workspaceId,
          seriesId,
          at: new Date(point.time),
          value: point.value,
          expectedLow: result.expectedLow,
          expectedHigh: result.expectedHigh,
          score: result.score,
          updatedAt: createdAt,
        });
        for (const finding of result.findings) {
          await findingRows.add({
            workspaceId,
            id: newId(),
            seriesId,
            accountId: account.id,
            kind: finding.kind,
            score: finding.score,
            at: new Date(finding.at),
            since: new Date(finding.since),
            observed: finding.observed,
            expectedLow: finding.expectedLow,
            expectedHigh: finding.expectedHigh,
            missingPoints: finding.missingPoints,
            createdAt: new Date(finding.at),
            updatedAt: new Date(finding.at),
          });
        }
      }
      await detectionRows.add({
        workspaceId,
        seriesId,
        state,
        scoredThrough: new Date(points[points.length - 1]?.time ?? 0),
        updatedAt: ctx.now,
      });
      if (plan.metricKey === 'revenue') {
        // NOTE: each month's plan is the same month a year before, grown by 5–15 %.
        for (let monthsAhead = -11; monthsAhead <= 3; monthsAhead += 1) {
          const start = monthStart(ctx.now.getTime(), -monthsAhead);
          const end = monthStart(ctx.now.getTime(), -monthsAhead - 1) - dayMs;
          const yearBefore = plan.values[plan.values.length - 12 + monthsAhead] ?? 0;
          await targetRows.add({
            workspaceId,
            id: newId(),
            seriesId,
            periodStart: isoDay(start),
            periodEnd: isoDay(end),
            value: Math.round((yearBefore * (1.05 + random.next() * 0.1)) / 1000) * 1000,
            createdAt,
            updatedAt: createdAt,
          });
        }
      }
    }
    // NOTE: one after another: they share the transaction's connection.
    for (const rows of [pointRows, detectionRows, findingRows, targetRows]) await rows.finish();
  },
};
