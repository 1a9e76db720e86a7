import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { DetectorState } from '../../analytics/anomaly';
import type { HealthFactor, HealthWeights } from '../../analytics/health';
import { tenantColumns, tenantKeyAndPolicy, timestamptz, workspaceIsolation } from '../../platform/db/columns';
import { accounts } from '../accounts';
import { users } from '../users';

/** A workspace's own metrics; the built-in catalogue lives in code (`built-in-metrics.ts`). */
export const kpiMetrics = pgTable(
  'kpi_metrics',
  {
    ...tenantColumns(),
    key: text().notNull(),
    nameEn: text().notNull(),
    nameRu: text().notNull(),
    unit: text().notNull(),
    direction: text().notNull(),
    aggregation: text().notNull(),
    frequency: text().notNull(),
  },
  (table) => [...tenantKeyAndPolicy(table), unique('kpi_metrics_key').on(table.workspaceId, table.key)],
);

/** One account's metric, optionally along a dimension (an advertising channel, a region…). */
export const kpiSeries = pgTable(
  'kpi_series',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    metricKey: text().notNull(),
    // NOTE: '' is "no dimension", so the unique key holds without NULLs.
    dimension: text().notNull().default(''),
    /**
     * The derived series provider that fills the series (`finance.invoiced_revenue`…), null for
     * uploaded series; a derived series takes no uploaded points. Its module and who may read it
     * are copied from the provider so that reads filter in SQL (decision 0013).
     */
    source: text(),
    sourceModule: text(),
    sourceReadPermission: text(),
    sourceReadAllPermission: text(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('kpi_series_key').on(table.workspaceId, table.accountId, table.metricKey, table.dimension),
    foreignKey({
      name: 'kpi_series_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    index('kpi_series_metric_idx').on(table.workspaceId, table.metricKey),
  ],
);

/**
 * Observations of a series. The expected band and score are written by the detection job.
 * NOTE: no id and no foreign key, for load speed (decision 0013: each cost ~40 % of a 100,000-point
 * upload). A trigger on `kpi_series` deletes a series' points with it, and an upload holds the
 * series' detection row, so a series cannot vanish under it. Only corrections are audited, by a
 * trigger of their own, against the series: a bulk load is one upload, not 100,000 changes.
 */
export const kpiPoints = pgTable(
  'kpi_points',
  {
    workspaceId: uuid().notNull(),
    seriesId: uuid().notNull(),
    at: timestamptz().notNull(),
    value: doublePrecision().notNull(),
    expectedLow: doublePrecision(),
    expectedHigh: doublePrecision(),
    score: doublePrecision(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.seriesId, table.at] }), workspaceIsolation()],
);

/** The detector's memory of a series and how far it has read; bookkeeping, not audited. */
export const kpiSeriesDetection = pgTable(
  'kpi_series_detection',
  {
    workspaceId: uuid().notNull(),
    seriesId: uuid().notNull(),
    state: jsonb().$type<DetectorState>(),
    scoredThrough: timestamptz(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.seriesId] }),
    workspaceIsolation(),
    foreignKey({
      name: 'kpi_series_detection_series_fk',
      columns: [table.workspaceId, table.seriesId],
      foreignColumns: [kpiSeries.workspaceId, kpiSeries.id],
    }).onDelete('cascade'),
  ],
);

/**
 * Series waiting for the detection job: one row per series, refreshed by every upload; `rescore`
 * when an upload reached back before what the detector has read (it then starts over).
 */
export const kpiDetectionJobs = pgTable(
  'kpi_detection_jobs',
  {
    workspaceId: uuid().notNull(),
    seriesId: uuid().notNull(),
    requestedAt: timestamptz().notNull().defaultNow(),
    rescore: boolean().notNull().default(false),
    leaseUntil: timestamptz(),
    attempts: integer().notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.seriesId] }),
    workspaceIsolation(),
    foreignKey({
      name: 'kpi_detection_jobs_series_fk',
      columns: [table.workspaceId, table.seriesId],
      foreignColumns: [kpiSeries.workspaceId, kpiSeries.id],
    }).onDelete('cascade'),
    index('kpi_detection_jobs_due_idx').on(table.requestedAt),
  ],
);

/** What an upload with an `Idempotency-Key` answered, so a retry gets the same answer. */
export const kpiPointUploads = pgTable(
  'kpi_point_uploads',
  {
    workspaceId: uuid().notNull(),
    key: text().notNull(),
    seriesId: uuid().notNull(),
    bodyHash: text().notNull(),
    response: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: timestamptz().notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.key] }),
    workspaceIsolation(),
    foreignKey({
      name: 'kpi_point_uploads_series_fk',
      columns: [table.workspaceId, table.seriesId],
      foreignColumns: [kpiSeries.workspaceId, kpiSeries.id],
    }).onDelete('cascade'),
  ],
);

/** An anomaly the detector reported, and what people made of it. */
export const kpiFindings = pgTable(
  'kpi_findings',
  {
    ...tenantColumns(),
    seriesId: uuid().notNull(),
    accountId: uuid().notNull(),
    kind: text().notNull(),
    score: doublePrecision().notNull(),
    at: timestamptz().notNull(),
    since: timestamptz().notNull(),
    observed: doublePrecision().notNull(),
    expectedLow: doublePrecision().notNull(),
    expectedHigh: doublePrecision().notNull(),
    missingPoints: integer().notNull().default(0),
    status: text().notNull().default('open'),
    note: text(),
    decidedById: uuid(),
    decidedAt: timestamptz(),
    interactionId: uuid(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('kpi_findings_alert_key').on(table.workspaceId, table.seriesId, table.at, table.kind),
    foreignKey({
      name: 'kpi_findings_series_fk',
      columns: [table.workspaceId, table.seriesId],
      foreignColumns: [kpiSeries.workspaceId, kpiSeries.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'kpi_findings_decided_by_fk', columns: [table.decidedById], foreignColumns: [users.id] }),
    index('kpi_findings_account_idx').on(table.workspaceId, table.accountId, table.at),
    index('kpi_findings_open_idx').on(table.workspaceId, table.at).where(sql`status = 'open'`),
  ],
);

/** A plan for a series over a period (a month, a quarter…), compared with the actual. */
export const kpiTargets = pgTable(
  'kpi_targets',
  {
    ...tenantColumns(),
    seriesId: uuid().notNull(),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    value: doublePrecision().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('kpi_targets_period_key').on(table.workspaceId, table.seriesId, table.periodStart),
    foreignKey({
      name: 'kpi_targets_series_fk',
      columns: [table.workspaceId, table.seriesId],
      foreignColumns: [kpiSeries.workspaceId, kpiSeries.id],
    }).onDelete('cascade'),
  ],
);

/** What the derived series job last computed from each provider: recomputed when the source changes. */
export const kpiDerivedSources = pgTable(
  'kpi_derived_sources',
  {
    workspaceId: uuid().notNull(),
    source: text().notNull(),
    sourceVersion: text().notNull(),
    refreshedAt: timestamptz().notNull(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.source] }), workspaceIsolation()],
);

/** A workspace's weights of the account health factors; the defaults apply until it saves its own. */
export const kpiHealthSettings = pgTable(
  'kpi_health_settings',
  {
    ...tenantColumns(),
    weights: jsonb().$type<HealthWeights>().notNull(),
  },
  (table) => [...tenantKeyAndPolicy(table), unique('kpi_health_settings_workspace_key').on(table.workspaceId)],
);

/** Each account's health, one row a day (recorded by the background worker), for the trend. */
export const accountHealthHistory = pgTable(
  'account_health_history',
  {
    workspaceId: uuid().notNull(),
    accountId: uuid().notNull(),
    day: date({ mode: 'string' }).notNull(),
    score: doublePrecision(),
    grade: text(),
    factors: jsonb().$type<HealthFactor[]>().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.accountId, table.day] }),
    workspaceIsolation(),
    foreignKey({
      name: 'account_health_history_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
  ],
);
