// NOTE: pure terms shared by the API, its schemas and the web app (no database imports).

export const metricUnits = ['money', 'count', 'percent', 'ratio', 'score', 'days'] as const;
export type MetricUnit = (typeof metricUnits)[number];

export const metricDirections = ['higher_is_better', 'lower_is_better'] as const;
export type MetricDirection = (typeof metricDirections)[number];

export const metricAggregations = ['sum', 'average', 'last'] as const;
export type MetricAggregation = (typeof metricAggregations)[number];

export const metricFrequencies = ['day', 'week', 'month'] as const;
export type MetricFrequency = (typeof metricFrequencies)[number];

export const findingKinds = ['spike', 'dip', 'level_shift', 'trend_change', 'missing_data'] as const;
export type FindingKindName = (typeof findingKinds)[number];

export const findingStatuses = ['open', 'acknowledged', 'false_alarm', 'follow_up'] as const;
export type FindingStatus = (typeof findingStatuses)[number];

/** How many points one upload may carry. */
export const maxPointsPerUpload = 100_000;

export type MetricDefinition = {
  key: string;
  nameEn: string;
  nameRu: string;
  unit: MetricUnit;
  direction: MetricDirection;
  aggregation: MetricAggregation;
  frequency: MetricFrequency;
};

/** The catalogue every workspace starts with; custom metrics are added beside it. */
export const builtInMetrics: readonly MetricDefinition[] = [
  m('revenue', 'Revenue', 'Выручка', 'money', 'higher_is_better', 'sum', 'month'),
  m('gross_margin', 'Gross margin', 'Валовая маржа', 'money', 'higher_is_better', 'sum', 'month'),
  m('orders', 'Orders', 'Заказы', 'count', 'higher_is_better', 'sum', 'week'),
  m('leads', 'Leads', 'Лиды', 'count', 'higher_is_better', 'sum', 'week'),
  m('conversions', 'Goals / conversions', 'Цели / конверсии', 'count', 'higher_is_better', 'sum', 'week'),
  m('cpc', 'Cost per click (CPC)', 'Цена клика (CPC)', 'money', 'lower_is_better', 'average', 'week'),
  m('cpm', 'Cost per mille (CPM)', 'Цена тысячи показов (CPM)', 'money', 'lower_is_better', 'average', 'week'),
  m('ctr', 'Click-through rate (CTR)', 'Кликабельность (CTR)', 'percent', 'higher_is_better', 'average', 'week'),
  m('nps', 'NPS', 'NPS', 'score', 'higher_is_better', 'last', 'month'),
  m('csat', 'CSAT', 'CSAT', 'percent', 'higher_is_better', 'average', 'month'),
  m('support_tickets', 'Support tickets', 'Обращения в поддержку', 'count', 'lower_is_better', 'sum', 'week'),
  m('payment_delay_days', 'Payment delay', 'Просрочка оплаты', 'days', 'lower_is_better', 'average', 'month'),
  m('share_of_wallet', 'Share of wallet', 'Доля кошелька', 'percent', 'higher_is_better', 'last', 'month'),
  m('overdue_tasks', 'Overdue tasks', 'Просроченные задачи', 'count', 'lower_is_better', 'last', 'week'),
];

function m(
  key: string,
  nameEn: string,
  nameRu: string,
  unit: MetricUnit,
  direction: MetricDirection,
  aggregation: MetricAggregation,
  frequency: MetricFrequency,
): MetricDefinition {
  return { key, nameEn, nameRu, unit, direction, aggregation, frequency };
}

export const builtInMetricKeys: ReadonlySet<string> = new Set(builtInMetrics.map((metric) => metric.key));
