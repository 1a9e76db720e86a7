export { type DetectionWorker, detectSeries, runDetectionJobs, startDetectionWorker } from './detection-job';
export type { FollowUpPort } from './findings';
export { type KpiRouteDependencies, kpiRoutes } from './routes';
export {
  kpiDetectionJobs,
  kpiFindings,
  kpiMetrics,
  kpiPoints,
  kpiPointUploads,
  kpiSeries,
  kpiSeriesDetection,
  kpiTargets,
} from './schema';
export * from './schemas';
