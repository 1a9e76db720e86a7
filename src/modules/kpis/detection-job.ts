import { sql } from 'drizzle-orm';
import { type DetectorState, type SeriesPoint, scoreSeries } from '../../analytics/anomaly';
import { asSystem, type Database, type Executor, inWorkspace } from '../../platform/db/client';
import type { Logger } from '../../platform/logger';
import { dateIn } from '../workspaces';
import { type DerivedSeriesRegistry, refreshDerivedSeries } from './derived-series-job';
import { type FactRegistry, recordDailyHealth } from './health';
import { workerActor } from './worker-actor';

type ClaimedJob = { workspace_id: string; series_id: string; requested_at: string; rescore: boolean };

// NOTE: a job whose run failed this many times is dropped (and logged); its points stay, and the
// next upload to the series queues it again.
const maxAttempts = 5;
const leaseSeconds = 300;
const updateBatch = 20_000;

/**
 * Claims one due job (any workspace) for `leaseSeconds`: a crashed run's job comes back after its
 * lease, and two workers never run the same series at once.
 */
async function claimJob(db: Database): Promise<ClaimedJob | undefined> {
  return asSystem(db, {}, async (tx) => {
    const result = await tx.execute<ClaimedJob>(sql`
      update kpi_detection_jobs job
      set lease_until = now() + make_interval(secs => ${leaseSeconds}), attempts = job.attempts + 1
      from (
        select workspace_id, series_id from kpi_detection_jobs
        where lease_until is null or lease_until < now()
        order by requested_at
        for update skip locked
        limit 1
      ) due
      where job.workspace_id = due.workspace_id and job.series_id = due.series_id
      returning job.workspace_id, job.series_id, job.requested_at::text as requested_at, job.rescore, job.attempts`);
    return result.rows[0];
  });
}

/** Scores a series' new points (or all of them, when rescoring) and records what the detector found. */
export async function detectSeries(
  tx: Executor,
  workspaceId: string,
  seriesId: string,
  rescore: boolean,
): Promise<{ scored: number; findings: number }> {
  await tx.execute(sql`insert into kpi_series_detection (workspace_id, series_id)
    values (${workspaceId}, ${seriesId}) on conflict do nothing`);
  const detection = (
    await tx.execute<{ state: DetectorState | null; scored_through_ms: number | null; account_id: string }>(sql`
      select d.state, extract(epoch from d.scored_through)::float8 * 1000 as scored_through_ms, s.account_id
      from kpi_series_detection d
      join kpi_series s on s.workspace_id = d.workspace_id and s.id = d.series_id
      where d.workspace_id = ${workspaceId} and d.series_id = ${seriesId}
      for update of d`)
  ).rows[0];
  if (!detection) return { scored: 0, findings: 0 };
  const fresh = rescore || detection.state === null || detection.scored_through_ms === null;
  if (fresh) {
    // NOTE: starting over: open findings are the detector's own and are found again; decided ones
    // are people's feedback and stay.
    await tx.execute(sql`delete from kpi_findings
      where workspace_id = ${workspaceId} and series_id = ${seriesId} and status = 'open'`);
  }
  const after = fresh ? null : (detection.scored_through_ms as number);
  const rows = (
    await tx.execute<{ ms: number; value: number }>(sql`
      select extract(epoch from at)::float8 * 1000 as ms, value from kpi_points
      where workspace_id = ${workspaceId} and series_id = ${seriesId}
        ${after === null ? sql`` : sql`and at > to_timestamp(${after / 1000})`}
      order by at`)
  ).rows;
  if (rows.length === 0) return { scored: 0, findings: 0 };
  const points: SeriesPoint[] = rows.map((row) => ({ time: row.ms, value: row.value }));
  const { results, state } = scoreSeries(points, fresh ? null : detection.state);

  for (let start = 0; start < points.length; start += updateBatch) {
    const end = Math.min(start + updateBatch, points.length);
    const slice = results.slice(start, end);
    await tx.execute(sql`
      update kpi_points p
      set expected_low = t.low, expected_high = t.high, score = t.score
      from unnest(
        ${numbers(points.slice(start, end).map((point) => point.time))}::float8[],
        ${numbers(slice.map((result) => result.expectedLow))}::float8[],
        ${numbers(slice.map((result) => result.expectedHigh))}::float8[],
        ${numbers(slice.map((result) => result.score))}::float8[]
      ) as t(ms, low, high, score)
      where p.workspace_id = ${workspaceId} and p.series_id = ${seriesId} and p.at = to_timestamp(t.ms / 1000)`);
  }

  const findings = results.flatMap((result) => result.findings);
  for (const finding of findings) {
    await tx.execute(sql`
      insert into kpi_findings (workspace_id, id, series_id, account_id, kind, score, at, since, observed,
        expected_low, expected_high, missing_points)
      values (${workspaceId}, accord_uuid_v7(), ${seriesId}, ${detection.account_id}, ${finding.kind}, ${finding.score},
        to_timestamp(${finding.at / 1000}), to_timestamp(${finding.since / 1000}), ${finding.observed},
        ${finding.expectedLow}, ${finding.expectedHigh}, ${finding.missingPoints})
      on conflict (workspace_id, series_id, at, kind) do nothing`);
  }
  const last = points[points.length - 1] as SeriesPoint;
  await tx.execute(sql`
    update kpi_series_detection
    set state = ${JSON.stringify(state)}::jsonb, scored_through = to_timestamp(${last.time / 1000}), updated_at = now()
    where workspace_id = ${workspaceId} and series_id = ${seriesId}`);
  return { scored: points.length, findings: findings.length };
}

/** A float8[] literal; null for a missing value. */
function numbers(values: readonly (number | null)[]) {
  return sql.param(`{${values.map((value) => (value === null ? 'NULL' : String(value))).join(',')}}`);
}

/** Runs one claimed job: detection and the job's removal commit together. */
async function runJob(db: Database, job: ClaimedJob): Promise<void> {
  await inWorkspace(db, { workspaceId: job.workspace_id }, async (tx) => {
    await detectSeries(tx, job.workspace_id, job.series_id, job.rescore);
    // NOTE: an upload that arrived meanwhile changed requested_at: the job stays for another run.
    await tx.execute(sql`
      update kpi_detection_jobs set lease_until = null, rescore = false
      where workspace_id = ${job.workspace_id} and series_id = ${job.series_id}
        and requested_at <> ${job.requested_at}::timestamptz`);
    await tx.execute(sql`
      delete from kpi_detection_jobs
      where workspace_id = ${job.workspace_id} and series_id = ${job.series_id}
        and requested_at = ${job.requested_at}::timestamptz`);
  });
}

/** Runs due detection jobs until none is left (or `limit` ran); returns how many ran. */
export async function runDetectionJobs(
  db: Database,
  logger?: Logger,
  limit = Number.POSITIVE_INFINITY,
): Promise<number> {
  let ran = 0;
  while (ran < limit) {
    const job = await claimJob(db);
    if (!job) break;
    ran += 1;
    try {
      await runJob(db, job);
    } catch (error) {
      logger?.error({ err: error, seriesId: job.series_id }, 'KPI detection failed');
      await asSystem(db, {}, (tx) =>
        tx.execute(sql`
          delete from kpi_detection_jobs
          where workspace_id = ${job.workspace_id} and series_id = ${job.series_id} and attempts >= ${maxAttempts}`),
      );
    }
  }
  return ran;
}

export type DetectionWorker = { wake(): void; stop(): Promise<void> };

/**
 * Records each workspace's health: at once when it has no record for today, then again every
 * `everyMs`, so the portfolio overview (which reads the stored record) follows the day's changes.
 * `recorded` remembers when this process last recorded each workspace.
 */
async function recordHealthIfDue(
  db: Database,
  facts: FactRegistry,
  recorded: Map<string, number>,
  { everyMs, now }: { everyMs: number; now: Date },
): Promise<void> {
  // NOTE: "today" is each workspace's own calendar day, in its time zone.
  const workspaces = await asSystem(db, {}, (tx) =>
    tx.execute<{ id: string; time_zone: string; has_today: boolean }>(sql`
      select w.id, w.time_zone, exists (
        select 1 from account_health_history h
        where h.workspace_id = w.id and h.day = (${now.toISOString()}::timestamptz at time zone w.time_zone)::date
      ) as has_today
      from workspaces w`),
  );
  for (const { id, time_zone: timeZone, has_today: hasToday } of workspaces.rows) {
    const last = recorded.get(id);
    // NOTE: a record made before this process started counts from now.
    if (last === undefined && hasToday) {
      recorded.set(id, now.getTime());
      continue;
    }
    // NOTE: a workspace without accounts has no record: the day of the last run stands for it.
    const sameDay = last !== undefined && dateIn(new Date(last), timeZone) === dateIn(now, timeZone);
    if (last !== undefined && now.getTime() - last < everyMs && (hasToday || sameDay)) continue;
    await inWorkspace(db, { workspaceId: id }, (tx) =>
      recordDailyHealth({ db: tx, actor: workerActor(id), now }, facts),
    );
    recorded.set(id, now.getTime());
  }
}

/**
 * The in-process worker: refreshes derived series whose source changed (every `derivedEveryMs`),
 * runs due detection jobs when woken (an upload committed) and every `intervalMs`, and records
 * each workspace's health for the day, again every `healthEveryMs`.
 */
export function startDetectionWorker(
  db: Database,
  logger: Logger,
  options: {
    accountFacts: FactRegistry;
    derivedSeries?: DerivedSeriesRegistry;
    intervalMs?: number;
    derivedEveryMs?: number;
    /** How often each workspace's health is recorded again during the day. */
    healthEveryMs?: number;
    clock?: () => Date;
  },
): DetectionWorker {
  const intervalMs = options.intervalMs ?? 2_000;
  const derivedEveryMs = options.derivedEveryMs ?? 10_000;
  const healthRecorded = new Map<string, number>();
  const healthEveryMs = options.healthEveryMs ?? 3_600_000;
  const clock = options.clock ?? (() => new Date());
  let derivedAt = 0;
  // NOTE: checking each source's fingerprint costs a few queries per workspace: every ten seconds, not every poll.
  const refreshIfDue = async () => {
    if (Date.now() - derivedAt < derivedEveryMs) return;
    derivedAt = Date.now();
    await refreshDerivedSeries(db, options.derivedSeries ?? [], { logger });
  };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const run = () => {
    if (stopped || running) return;
    clearTimeout(timer);
    running = refreshIfDue()
      .then(() => runDetectionJobs(db, logger))
      .then(() => recordHealthIfDue(db, options.accountFacts, healthRecorded, { everyMs: healthEveryMs, now: clock() }))
      .catch((error) => logger.error({ err: error }, 'KPI detection worker failed'))
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(run, intervalMs);
      });
  };
  timer = setTimeout(run, 0);
  return {
    wake: () => {
      if (running) return;
      run();
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
