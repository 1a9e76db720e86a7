import type { EChartsCoreOption } from 'echarts/core';
import type { Finding, Point, Target } from './kpis-api';

export type ChartTexts = {
  actual: string;
  expected: string;
  target: string;
  anomalies: string;
  /** One finding's tooltip: its explanation in the UI language. */
  finding: (finding: Finding) => string;
  point: (at: string, value: number, seriesName: string) => string;
  /** A label of the time axis, in the UI language. */
  axisDate: (time: number) => string;
};

export type SeriesChartInput = {
  name: string;
  points: readonly Point[];
  findings: readonly Finding[];
  targets: readonly Target[];
  /** Divide a target over the points of its period (metrics that sum) or compare it as is. */
  aggregation: 'sum' | 'average' | 'last';
  /** Other series (channels) drawn alongside for comparison. */
  compare: readonly { name: string; points: readonly Point[] }[];
  texts: ChartTexts;
};

/** A datum of the anomaly markers: where it is drawn and which finding it is. */
export type MarkerDatum = { value: [string, number]; findingId: string };

const dayMs = 86_400_000;

/**
 * Target level per point: each target's value at the level of single points (over the number of
 * points in its period when the metric sums), as a step line from the period's start to its end.
 */
export function targetLine(
  targets: readonly Target[],
  points: readonly Point[],
  aggregation: SeriesChartInput['aggregation'],
): ([string, number] | [string, null])[] {
  const line: ([string, number] | [string, null])[] = [];
  for (const target of targets) {
    const start = Date.parse(`${target.periodStart}T00:00:00Z`);
    const end = Date.parse(`${target.periodEnd}T00:00:00Z`) + dayMs;
    const inPeriod = points.filter((point) => {
      const time = Date.parse(point.at);
      return time >= start && time < end;
    }).length;
    if (aggregation === 'sum' && inPeriod === 0) continue;
    const level = aggregation === 'sum' ? target.value / inPeriod : target.value;
    line.push(
      [new Date(start).toISOString(), level],
      [new Date(end - 1).toISOString(), level],
      [new Date(end).toISOString(), null],
    );
  }
  return line;
}

/** The ECharts option of a series: actual line, expected band, targets, anomaly markers, zoom. */
export function seriesChartOption(input: SeriesChartInput): EChartsCoreOption {
  const { points, texts } = input;
  const byTime = new Map(points.map((point) => [point.at, point]));
  const markers: MarkerDatum[] = input.findings.map((finding) => ({
    value: [finding.at, byTime.get(finding.at)?.value ?? finding.observed],
    findingId: finding.id,
  }));
  const findingById = new Map(input.findings.map((finding) => [finding.id, finding]));
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 40, bottom: 72 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'item',
      formatter: (params: { seriesType: string; seriesName: string; data: unknown }) => {
        if (params.seriesType === 'scatter') {
          const finding = findingById.get((params.data as MarkerDatum).findingId);
          return finding ? texts.finding(finding) : '';
        }
        const [at, value] = params.data as [string, number];
        return texts.point(at, value, params.seriesName);
      },
    },
    xAxis: { type: 'time', axisLabel: { formatter: (time: number) => texts.axisDate(time) } },
    yAxis: { type: 'value', scale: true },
    dataZoom: [{ type: 'inside' }, { type: 'slider', bottom: 16 }],
    series: [
      {
        name: texts.expected,
        type: 'line',
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
        data: points.map((point) => [point.at, point.expectedLow]),
      },
      {
        name: texts.expected,
        type: 'line',
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: '#228be6', opacity: 0.15 },
        tooltip: { show: false },
        data: points.map((point) => [
          point.at,
          point.expectedLow === null || point.expectedHigh === null ? null : point.expectedHigh - point.expectedLow,
        ]),
      },
      {
        name: input.name,
        type: 'line',
        symbol: 'circle',
        symbolSize: 4,
        showSymbol: points.length <= 200,
        lineStyle: { width: 2, color: '#1c7ed6' },
        itemStyle: { color: '#1c7ed6' },
        data: points.map((point) => [point.at, point.value]),
      },
      ...input.compare.map((other) => ({
        name: other.name,
        type: 'line',
        symbol: 'none',
        lineStyle: { width: 1.5 },
        data: other.points.map((point) => [point.at, point.value]),
      })),
      {
        name: texts.target,
        type: 'line',
        symbol: 'none',
        lineStyle: { type: 'dashed', color: '#2f9e44', width: 2 },
        itemStyle: { color: '#2f9e44' },
        connectNulls: false,
        data: targetLine(input.targets, points, input.aggregation),
      },
      {
        name: texts.anomalies,
        type: 'scatter',
        symbol: 'pin',
        symbolSize: 26,
        z: 10,
        itemStyle: { color: '#e03131' },
        data: markers,
      },
    ],
  };
}
