import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type Metric, metricsQuery } from './kpis-api';

/** A metric's name in the UI language, with the series' dimension after a dot. */
export function useSeriesName() {
  const { i18n } = useTranslation();
  const metrics = useQuery(metricsQuery).data ?? [];
  const byKey = new Map(metrics.map((metric) => [metric.key, metric]));
  return (metricKey: string, dimension: string) => {
    const metric = byKey.get(metricKey);
    const name = metric ? metricName(metric, i18n.language) : metricKey;
    return dimension ? `${name} · ${dimension}` : name;
  };
}

export function metricName(metric: Metric, language: string): string {
  return language === 'ru' ? metric.nameRu : metric.nameEn;
}
