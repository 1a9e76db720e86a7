export { type AnomalyDetector, createDetector, defaultDetectorOptions, restoreDetector, scoreSeries } from './detector';
export { type ExplanationLocale, explainFinding } from './explain';
export type {
  AnomalyFinding,
  DetectorOptions,
  DetectorResult,
  DetectorState,
  FindingKind,
  SeriesPoint,
} from './types';
