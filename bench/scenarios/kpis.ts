import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { createApiToken } from '../../src/modules/auth';
import { generateDemoWorkspace } from '../../src/modules/demo';
import { refreshDerivedSeries, runDetectionJobs } from '../../src/modules/kpis';
import { createUser } from '../../src/modules/users';
import { loadConfig } from '../../src/platform/config';
import { asSystem, inWorkspace } from '../../src/platform/db/client';
import { createLogger } from '../../src/platform/logger';
import { buildApp, connectDatabase, derivedSeries, disconnectDatabase } from '../../src/server';
import { round, summarize, timeRepeated } from '../measure';

const scale = Number(process.env.BENCH_SCALE ?? 50);
const requests = Number(process.env.BENCH_REQUESTS ?? 200);
const uploads = Number(process.env.BENCH_UPLOADS ?? 5);
const dayMs = 86_400_000;
const hourMs = 3_600_000;

type Json = Record<string, unknown>;

/**
 * `count` points a `step` apart, ending in 2026: a weekly and yearly season, a trend and noise,
 * from a fixed sequence. Daily points travel as dates, others as times.
 */
function seriesPoints(count: number, step: number, offset = 0) {
  let state = 7 + offset;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const start = Date.UTC(2026, 0, 1) - count * step;
  const perDay = dayMs / step;
  return Array.from({ length: count }, (_, index) => ({
    at:
      step === dayMs
        ? new Date(start + index * step).toISOString().slice(0, 10)
        : new Date(start + index * step).toISOString(),
    value: round(
      1_000 +
        (index / perDay) * 0.2 +
        150 * Math.sin((2 * Math.PI * index) / (7 * perDay)) +
        200 * Math.sin((2 * Math.PI * index) / (365 * perDay)) +
        60 * (next() - 0.5) +
        offset,
      2,
    ),
  }));
}

/** KPI targets: bulk upsert points/s, the series chart API over three years of daily points, health for 10,000 accounts. */
export async function kpisBenchmark() {
  const results: Json = { scale, requestsPerScenario: requests };
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'accord-bench-kpis-'));
  const logger = createLogger('warn');
  const config = {
    ...loadConfig({ ...process.env, ACCORD_DATA_DIR: dataDir, ACCORD_DEMO: '0' }),
    databaseUrl: undefined,
  };
  const connection = await connectDatabase(config, logger);
  const db = connection.handle.db;
  try {
    const email = 'bench-kpis@example.com';
    const admin = await asSystem(db, {}, (tx) =>
      createUser(tx, { email, name: 'Bench', password: 'correct horse battery', locale: 'ru' }),
    );
    const demoStarted = performance.now();
    const workspace = await asSystem(db, { userId: admin.id }, (tx) =>
      generateDemoWorkspace(tx, { adminUserId: admin.id, scale, locale: 'ru', seed: 1, now: new Date() }),
    );
    results.demoGenerationSeconds = round((performance.now() - demoStarted) / 1000);
    await db.execute(sql`analyze`);
    const counts = await db.execute<Json>(sql`select
      (select count(*)::int from accounts) as accounts,
      (select count(*)::int from kpi_series) as series,
      (select count(*)::int from kpi_points) as points,
      (select count(*)::int from kpi_findings) as findings`);
    results.rows = counts.rows[0];
    // Derived series: the demo's invoices, payments and tasks turned into series the first time.
    const derivedStarted = performance.now();
    const derivedPoints = await refreshDerivedSeries(db, derivedSeries);
    results.derivedSeriesFirstRefresh = {
      points: derivedPoints,
      seconds: round((performance.now() - derivedStarted) / 1000),
    };

    const actor = { userId: admin.id, workspaceId: workspace.id, role: 'admin' as const };
    const { token } = await inWorkspace(db, actor, (tx) =>
      createApiToken({ db: tx, actor, now: new Date() }, { name: 'bench' }),
    );
    const app = buildApp({ db, config, logger: createLogger('warn'), now: () => new Date() });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1`;
    // NOTE: a body given as text is sent as is, so an upload's timing holds the request, not the
    // client building 6 MB of JSON in the same process first.
    const call = async (method: string, url: string, body?: unknown) => {
      const response = await fetch(`${base}${url}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': 'ru' },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      if (response.status >= 300)
        throw new Error(`${method} ${url} answered ${response.status}: ${text.slice(0, 300)}`);
      return { body: JSON.parse(text) as Json, bytes: Buffer.byteLength(text) };
    };
    const account = await call('POST', '/accounts', { name: 'Bench KPI' });
    const newSeries = async (dimension: string) =>
      (await call('POST', '/kpi-series', { accountId: account.body.id, metricKey: 'orders', dimension })).body
        .id as string;

    // Bulk upsert: 100,000 new hourly points per request, wall clock of the whole HTTP request.
    const insertRates: number[] = [];
    const insertMs: number[] = [];
    let lastSeries = '';
    for (let run = 0; run < uploads + 1; run += 1) {
      lastSeries = await newSeries(`upload ${run}`);
      const body = JSON.stringify({ points: seriesPoints(100_000, hourMs, run) });
      const started = performance.now();
      const answer = await call('POST', `/kpi-series/${lastSeries}/points`, body);
      const elapsed = performance.now() - started;
      if (answer.body.inserted !== 100_000) throw new Error(`inserted ${String(answer.body.inserted)}`);
      if (run > 0) {
        insertMs.push(elapsed);
        insertRates.push(100_000 / (elapsed / 1000));
      }
    }
    const sortedRates = [...insertRates].sort((a, b) => a - b);
    results.bulkUpsertNew = {
      pointsPerRequest: 100_000,
      requestMs: summarize(insertMs),
      pointsPerSecondMedian: Math.round(sortedRates[Math.floor(sortedRates.length / 2)] ?? 0),
      pointsPerSecondMin: Math.round(sortedRates[0] ?? 0),
      targetPointsPerSecond: 100_000,
    };
    // Corrections: every value of a stored series replaced (each one audited).
    const corrected = JSON.stringify({ points: seriesPoints(100_000, hourMs, 99) });
    const correctionStarted = performance.now();
    const correction = await call('POST', `/kpi-series/${lastSeries}/points`, corrected);
    const correctionMs = performance.now() - correctionStarted;
    results.bulkUpsertCorrections = {
      updated: correction.body.updated,
      requestMs: round(correctionMs),
      pointsPerSecond: Math.round(100_000 / (correctionMs / 1000)),
    };
    const detectionStarted = performance.now();
    const jobs = await runDetectionJobs(db);
    results.detectionJobs = {
      jobs,
      points: (uploads + 1) * 100_000,
      seconds: round((performance.now() - detectionStarted) / 1000),
    };

    // Chart API: three years of daily points with band and score.
    const chartSeries = await newSeries('three years');
    await call('POST', `/kpi-series/${chartSeries}/points`, { points: seriesPoints(3 * 365 + 1, dayMs, 5) });
    await runDetectionJobs(db);
    const chart = await call('GET', `/kpi-series/${chartSeries}/points`);
    results.chartResponse = {
      points: (chart.body.items as unknown[]).length,
      kilobytes: round(chart.bytes / 1024, 1),
    };
    const chartSamples = await timeRepeated(requests, async () => {
      await call('GET', `/kpi-series/${chartSeries}/points`);
    });
    results.seriesChartApi = { ...summarize(chartSamples), targetMs: 50 };
    const findingSamples = await timeRepeated(Math.max(20, requests / 4), async () => {
      await call('GET', `/kpi-findings?seriesId=${chartSeries}`);
    });
    results.seriesFindingsApi = summarize(findingSamples);

    // Health for every account of the workspace.
    const recomputeMs = await timeRepeated(
      3,
      async () => {
        await call('POST', '/health/recompute');
      },
      1,
    );
    // The overview reads today's stored record; the first one of a day with nothing stored yet
    // computes and stores every account (the worker normally has done it).
    const overviewMs = await timeRepeated(
      Math.max(5, Math.round(requests / 5)),
      async () => {
        await call('GET', '/health');
      },
      1,
    );
    await db.execute(
      sql`delete from account_health_history where day = ${new Date().toISOString().slice(0, 10)}::date`,
    );
    const coldStarted = performance.now();
    await call('GET', '/health');
    const overviewColdMs = round(performance.now() - coldStarted);
    const overview = await call('GET', '/health');
    results.health = {
      accounts: (overview.body.items as unknown[]).length,
      counts: overview.body.counts,
      recomputeAndRecordMs: summarize(recomputeMs),
      recomputeSecondsMedian: round(summarize(recomputeMs).p50 / 1000, 2),
      overviewApiMs: summarize(overviewMs),
      overviewWithNothingStoredMs: overviewColdMs,
      targetMs: 10_000,
    };
    await new Promise((resolve) => server.close(resolve));
  } finally {
    await disconnectDatabase(connection);
    await rm(dataDir, { recursive: true, force: true });
  }
  return results;
}
