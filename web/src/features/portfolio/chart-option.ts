import type { EChartsCoreOption } from 'echarts/core';
import { type Quadrant, quadrants } from '../../api/shared';
import {
  type Arrow,
  type ChartWindow,
  ownerColor,
  type PlacedRow,
  quadrantColors,
  type RowGroup,
} from './portfolio-values';

/** What a point or a group carries, for the tooltip and for clicks. */
export type PointDatum = { value: [number, number]; accountId: string; row: PlacedRow };
export type GroupDatum = { value: [number, number]; group: RowGroup };

export type ChartTexts = {
  axis: { attractiveness: string; strength: string };
  quadrant: Record<Quadrant, string>;
  tooltip: (datum: PointDatum | GroupDatum) => string;
};

export type ChartInput = {
  view: ChartWindow;
  thresholds: { attractiveness: number; strength: number };
  colorBy: 'quadrant' | 'owner';
  owners: readonly { id: string; name: string }[];
  /** Either every account as a point, or groups of accounts per grid cell. */
  points: readonly PlacedRow[] | null;
  groups: readonly RowGroup[] | null;
  sizeOf: (row: PlacedRow) => number;
  arrows: readonly Arrow[];
  texts: ChartTexts;
};

const groupSize = (count: number, largest: number) => 10 + 34 * Math.sqrt(count / Math.max(1, largest));

/** The four quadrants as tinted areas with their names in the outer corners, and the threshold lines. */
function quadrantBackground(input: ChartInput) {
  const { thresholds, view, texts } = input;
  const area = (quadrant: Quadrant, x: [number, number], y: [number, number], position: string) => [
    {
      name: texts.quadrant[quadrant],
      xAxis: x[0],
      yAxis: y[0],
      itemStyle: { color: quadrantColors[quadrant], opacity: 0.06 },
      label: { position, color: quadrantColors[quadrant], fontWeight: 'bold' as const, fontSize: 13 },
    },
    { xAxis: x[1], yAxis: y[1] },
  ];
  const x: [number, number, number] = [view.x0, Math.min(Math.max(thresholds.strength, view.x0), view.x1), view.x1];
  const y: [number, number, number] = [
    view.y0,
    Math.min(Math.max(thresholds.attractiveness, view.y0), view.y1),
    view.y1,
  ];
  return {
    type: 'scatter',
    data: [],
    silent: true,
    markArea: {
      silent: true,
      data: [
        area('strategic', [x[1], x[2]], [y[1], y[2]], 'insideTopRight'),
        area('star', [x[0], x[1]], [y[1], y[2]], 'insideTopLeft'),
        area('status', [x[1], x[2]], [y[0], y[1]], 'insideBottomRight'),
        area('streamline', [x[0], x[1]], [y[0], y[1]], 'insideBottomLeft'),
      ].filter(([from, to]) => (to?.xAxis ?? 0) > (from?.xAxis ?? 0) && (to?.yAxis ?? 0) > (from?.yAxis ?? 0)),
    },
    markLine: {
      silent: true,
      symbol: 'none',
      lineStyle: { color: '#868e96', type: 'dashed', width: 1 },
      label: { show: false },
      data: [{ xAxis: thresholds.strength }, { yAxis: thresholds.attractiveness }],
    },
  };
}

/** The ECharts option of the portfolio matrix: strength across, attractiveness up. */
export function chartOption(input: ChartInput): EChartsCoreOption {
  const { view, texts, colorBy, owners } = input;
  const categories =
    colorBy === 'quadrant'
      ? quadrants.map((quadrant) => ({
          key: quadrant as string,
          name: texts.quadrant[quadrant],
          color: quadrantColors[quadrant],
        }))
      : owners.map((owner, index) => ({ key: owner.id, name: owner.name, color: ownerColor(index) }));
  const categoryOf = (row: { quadrant: Quadrant | null; ownerId: string }) =>
    colorBy === 'quadrant' ? (row.quadrant as string) : row.ownerId;

  const series: Record<string, unknown>[] = [quadrantBackground(input)];
  if (input.points) {
    const byCategory = new Map<string, PointDatum[]>();
    for (const row of input.points) {
      const key = categoryOf(row);
      const list = byCategory.get(key) ?? [];
      list.push({ value: [row.strength, row.attractiveness], accountId: row.id, row });
      byCategory.set(key, list);
    }
    for (const category of categories) {
      const data = byCategory.get(category.key) ?? [];
      if (data.length === 0) continue;
      series.push({
        type: 'scatter',
        name: category.name,
        // NOTE: properties named one by one: spreading thousands of objects is slow in V8.
        data: data.map((datum) => ({
          value: datum.value,
          accountId: datum.accountId,
          row: datum.row,
          symbol: datum.row.complete ? 'circle' : 'emptyCircle',
          symbolSize: input.sizeOf(datum.row),
        })),
        itemStyle: { color: category.color, opacity: 0.75 },
        emphasis: { scale: 1.4 },
        // NOTE: thousands of points are drawn in slices, so the page never freezes.
        progressive: 2000,
        progressiveThreshold: 3000,
        animation: data.length < 1000,
      });
    }
  }
  if (input.groups) {
    const largest = Math.max(1, ...input.groups.map((group) => group.count));
    for (const category of categories) {
      const data = input.groups
        .filter((group) => (colorBy === 'quadrant' ? group.quadrant : group.ownerId) === category.key)
        .map((group): GroupDatum & { symbolSize: number } => ({
          value: [group.x, group.y],
          group,
          symbolSize: groupSize(group.count, largest),
        }));
      if (data.length === 0) continue;
      series.push({
        type: 'scatter',
        name: category.name,
        data,
        itemStyle: { color: category.color, opacity: 0.6, borderColor: '#fff', borderWidth: 1 },
        label: {
          show: true,
          formatter: (params: { data: GroupDatum }) =>
            params.data.group.count > 1 ? String(params.data.group.count) : '',
          fontSize: 10,
          color: '#fff',
        },
      });
    }
  }
  if (input.arrows.length > 0) {
    series.push({
      type: 'lines',
      coordinateSystem: 'cartesian2d',
      silent: true,
      z: 5,
      symbol: ['none', 'arrow'],
      symbolSize: 7,
      lineStyle: { width: 1.2, opacity: 0.7, color: '#495057' },
      data: input.arrows.map((arrow) => ({
        coords: [arrow.from, arrow.to],
        lineStyle: arrow.quadrantChanged ? { color: '#e8590c', width: 1.6, opacity: 0.9 } : undefined,
      })),
    });
  }
  return {
    animationDuration: 300,
    grid: { left: 56, right: 24, top: 24, bottom: 56 },
    legend: categories.length <= 12 ? { bottom: 0, type: 'scroll' } : { show: false },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: { data?: PointDatum | GroupDatum }) => (params.data ? texts.tooltip(params.data) : ''),
    },
    xAxis: {
      type: 'value',
      name: texts.axis.strength,
      nameLocation: 'middle',
      nameGap: 28,
      min: view.x0,
      max: view.x1,
      splitLine: { lineStyle: { color: '#f1f3f5' } },
    },
    yAxis: {
      type: 'value',
      name: texts.axis.attractiveness,
      nameLocation: 'middle',
      nameGap: 36,
      min: view.y0,
      max: view.y1,
      splitLine: { lineStyle: { color: '#f1f3f5' } },
    },
    series,
  };
}

/** Text for the tooltip's HTML: account names are the customer's words, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
