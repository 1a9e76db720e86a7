import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type {
  HealthFactorKey,
  MetricAggregation,
  MetricDirection,
  MetricFrequency,
  MetricUnit,
} from '../../api/shared';
import { type Finding, kpiKeys, type Metric, type Target } from './kpis-api';

// NOTE: the catalogue, health weights, target removal and the paged findings list (decision 0013).

export type HealthSettings = { weights: Record<HealthFactorKey, number>; version: number };

export type MetricInput = {
  nameEn: string;
  nameRu: string;
  unit: MetricUnit;
  direction: MetricDirection;
  aggregation: MetricAggregation;
  frequency: MetricFrequency;
};

export type DerivedSource = {
  key: string;
  module: string;
  metricKey: string;
  label: { en: string; ru: string };
  description: { en: string; ru: string };
  refreshedAt: string | null;
};

const healthSettingsKey = ['kpis', 'health-settings'] as const;

export const healthSettingsQuery = queryOptions({
  queryKey: healthSettingsKey,
  queryFn: ({ signal }) => api.get<HealthSettings>('/health/settings', { signal }),
});

export const derivedSourcesQuery = queryOptions({
  queryKey: ['kpis', 'derived-sources'] as const,
  queryFn: ({ signal }) =>
    api.get<{ items: DerivedSource[] }>('/kpi-derived-sources', { signal }).then((body) => body.items),
  staleTime: 60_000,
});

/** Findings of an account, a series or the whole portfolio, newest first, fifty a page. */
export function findingPagesQuery(filter: { accountId?: string; seriesId?: string }) {
  const query = Object.fromEntries(Object.entries(filter).filter(([, value]) => value)) as Record<string, string>;
  return infiniteQueryOptions({
    queryKey: [...kpiKeys.findings(query), 'pages'] as const,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Finding>>('/kpi-findings', { query: { ...query, cursor: pageParam, limit: 50 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useSaveHealthSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ weights, version }: HealthSettings) =>
      api.put<HealthSettings>('/health/settings', { weights }, { ifMatch: version }),
    onSuccess: (saved) => {
      // NOTE: the form takes the new version at once, so a second save does not send the old one.
      queryClient.setQueryData(healthSettingsKey, saved);
      return queryClient.invalidateQueries({ queryKey: kpiKeys.all });
    },
  });
}

export function useSaveMetric() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ metric, input }: { metric?: Metric; input: MetricInput & { key: string } }) => {
      if (!metric?.id) return api.post<Metric>('/kpi-metrics', input);
      const { key: _key, ...changes } = input;
      return api.patch<Metric>(`/kpi-metrics/${metric.id}`, changes, { ifMatch: metric.version ?? 1 });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: kpiKeys.all }),
  });
}

export function useDeleteMetric() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (metric: Metric) => api.delete(`/kpi-metrics/${metric.id}`, { ifMatch: metric.version ?? 1 }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: kpiKeys.all }),
  });
}

export function useDeleteTarget() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: Target) => api.delete(`/kpi-targets/${target.id}`, { ifMatch: target.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: kpiKeys.all }),
  });
}
