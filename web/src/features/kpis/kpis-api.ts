import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type {
  FindingKindName,
  FindingStatus,
  HealthFactorKey,
  HealthGrade,
  MetricAggregation,
  MetricDirection,
  MetricFrequency,
  MetricUnit,
} from '../../api/shared';

export type Metric = {
  id: string | null;
  key: string;
  nameEn: string;
  nameRu: string;
  unit: MetricUnit;
  direction: MetricDirection;
  aggregation: MetricAggregation;
  frequency: MetricFrequency;
  builtIn: boolean;
  version: number | null;
};

export type Series = {
  id: string;
  accountId: string;
  metricKey: string;
  dimension: string;
  /** The derived series provider that computes it (read-only); null when uploaded. */
  source: string | null;
  sourceModule: string | null;
  version: number;
  createdAt: string;
  pointCount: number;
  firstAt: string | null;
  lastAt: string | null;
  openFindings: number;
};
export type SeriesDetail = Series & { metric: Metric };

export type Point = {
  at: string;
  value: number;
  expectedLow: number | null;
  expectedHigh: number | null;
  score: number | null;
};

export type Finding = {
  id: string;
  seriesId: string;
  accountId: string;
  metricKey: string;
  dimension: string;
  kind: FindingKindName;
  score: number;
  at: string;
  since: string;
  observed: number;
  expectedLow: number;
  expectedHigh: number;
  missingPoints: number;
  status: FindingStatus;
  note: string | null;
  decidedById: string | null;
  decidedAt: string | null;
  interactionId: string | null;
  version: number;
  explanation: { en: string; ru: string };
};

export type Target = {
  id: string;
  seriesId: string;
  periodStart: string;
  periodEnd: string;
  value: number;
  actual: number | null;
  variance: number | null;
  varianceRatio: number | null;
  version: number;
};

export type UpsertResult = {
  received: number;
  inserted: number;
  updated: number;
  unchanged: number;
  replayed: boolean;
};

export type HealthFactor = {
  key: HealthFactorKey;
  value: number | null;
  weight: number;
  points: number;
  input: number | null;
};
export type AccountHealth = {
  score: number | null;
  grade: HealthGrade | null;
  factors: HealthFactor[];
  history: { day: string; score: number | null; grade: HealthGrade | null }[];
};
export type HealthOverview = {
  counts: Record<HealthGrade | 'unscored', number>;
  items: { accountId: string; name: string; score: number | null; grade: HealthGrade | null }[];
};

export const kpiKeys = {
  all: ['kpis'] as const,
  metrics: ['kpis', 'metrics'] as const,
  accountSeries: (accountId: string) => ['kpis', 'series', 'account', accountId] as const,
  series: (id: string) => ['kpis', 'series', id] as const,
  points: (id: string) => ['kpis', 'series', id, 'points'] as const,
  targets: (id: string) => ['kpis', 'series', id, 'targets'] as const,
  findings: (filter: Record<string, string>) => ['kpis', 'findings', filter] as const,
  accountHealth: (accountId: string) => ['kpis', 'health', accountId] as const,
  healthOverview: ['kpis', 'health'] as const,
};

export const accountHealthQuery = (accountId: string) =>
  queryOptions({
    queryKey: kpiKeys.accountHealth(accountId),
    queryFn: ({ signal }) => api.get<AccountHealth>(`/accounts/${accountId}/health`, { signal }),
  });

export const healthOverviewQuery = queryOptions({
  queryKey: kpiKeys.healthOverview,
  queryFn: ({ signal }) => api.get<HealthOverview>('/health', { signal }),
});

export const metricsQuery = queryOptions({
  queryKey: kpiKeys.metrics,
  queryFn: ({ signal }) => api.get<{ items: Metric[] }>('/kpi-metrics', { signal }).then((body) => body.items),
  staleTime: 60_000,
});

export const accountSeriesQuery = (accountId: string) =>
  queryOptions({
    queryKey: kpiKeys.accountSeries(accountId),
    queryFn: ({ signal }) =>
      api.get<Page<Series>>('/kpi-series', { query: { accountId, limit: 500 }, signal }).then((page) => page.items),
  });

export const seriesQuery = (id: string) =>
  queryOptions({
    queryKey: kpiKeys.series(id),
    queryFn: ({ signal }) => api.get<SeriesDetail>(`/kpi-series/${id}`, { signal }),
  });

export const pointsQuery = (id: string) =>
  queryOptions({
    queryKey: kpiKeys.points(id),
    queryFn: ({ signal }) =>
      api.get<{ items: Point[] }>(`/kpi-series/${id}/points`, { signal }).then((body) => body.items),
  });

export const targetsQuery = (id: string) =>
  queryOptions({
    queryKey: kpiKeys.targets(id),
    queryFn: ({ signal }) =>
      api.get<{ items: Target[] }>(`/kpi-series/${id}/targets`, { signal }).then((body) => body.items),
  });

/** Findings of an account or a series, newest first (the first 200). */
export const findingsQuery = (filter: { accountId?: string; seriesId?: string }) => {
  const query = Object.fromEntries(Object.entries(filter).filter(([, value]) => value)) as Record<string, string>;
  return queryOptions({
    queryKey: kpiKeys.findings(query),
    queryFn: ({ signal }) =>
      api.get<Page<Finding>>('/kpi-findings', { query: { ...query, limit: 200 }, signal }).then((page) => page.items),
  });
};

export function useCreateSeries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { accountId: string; metricKey: string; dimension: string }) =>
      api.post<SeriesDetail>('/kpi-series', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: kpiKeys.all }),
  });
}

export function useUploadPoints() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ seriesId, points }: { seriesId: string; points: { at: string; value: number }[] }) =>
      api.post<UpsertResult>(`/kpi-series/${seriesId}/points`, { points }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: kpiKeys.all }),
  });
}

export function useDecideFinding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ finding, status }: { finding: Finding; status: 'open' | 'acknowledged' | 'false_alarm' }) =>
      api.patch<Finding>(`/kpi-findings/${finding.id}`, { status }, { ifMatch: finding.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: kpiKeys.all }),
  });
}

export function useFollowUpFinding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      finding,
      input,
    }: {
      finding: Finding;
      input: { ownerId: string; dueOn: string; nextStep?: string };
    }) => api.post<Finding>(`/kpi-findings/${finding.id}/follow-up`, input, { ifMatch: finding.version }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useCreateTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      seriesId,
      input,
    }: {
      seriesId: string;
      input: { periodStart: string; periodEnd: string; value: number };
    }) => api.post<Target>(`/kpi-series/${seriesId}/targets`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: kpiKeys.all }),
  });
}
