export { type AccountFigure, readAccountFigures } from './account-figures';
export { derivedSeriesRoutes } from './derived-routes';
export { type DerivedSeriesRegistry, refreshDerivedSeries } from './derived-series-job';
export { type DetectionWorker, detectSeries, runDetectionJobs, startDetectionWorker } from './detection-job';
export type { FollowUpPort } from './findings';
export { accountHealthFact, recordDailyHealth } from './health';
export { findMetric, type Metric } from './metrics';
export {
  type AccountSeries,
  deletePoints,
  deleteSeriesIfEmpty,
  derivedSeriesOf,
  findOrStartSeries,
  metricMatcher,
  type PointKey,
  readPointValues,
  storedPoints,
} from './point-corrections';
export { recordAccountPoint, removeAccountPoint } from './record-account-point';
export { type KpiRouteDependencies, kpiRoutes } from './routes';
export {
  accountHealthHistory,
  kpiDerivedSources,
  kpiDetectionJobs,
  kpiFindings,
  kpiHealthSettings,
  kpiMetrics,
  kpiPoints,
  kpiPointUploads,
  kpiSeries,
  kpiSeriesDetection,
  kpiTargets,
} from './schema';
export * from './schemas';
export { type UpsertPointsResult, upsertPoints } from './upsert-points';
