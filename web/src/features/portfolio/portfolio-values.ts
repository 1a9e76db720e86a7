import type { Quadrant } from '../../api/shared';
import type { Move, PortfolioRow } from './portfolio-api';

// NOTE: pure helpers of the portfolio views (grouping, sizing, sorting), tested on their own.

export const quadrantColors: Record<Quadrant, string> = {
  strategic: '#2f9e44',
  star: '#f08c00',
  status: '#1c7ed6',
  streamline: '#868e96',
};

const ownerPalette = [
  '#1c7ed6',
  '#e8590c',
  '#2f9e44',
  '#ae3ec9',
  '#f08c00',
  '#0c8599',
  '#e03131',
  '#5c7cfa',
  '#66a80f',
  '#c2255c',
  '#495057',
  '#9c36b5',
];

/** A stable colour per owner, by their position in the (sorted) owner list. */
export function ownerColor(index: number): string {
  return ownerPalette[index % ownerPalette.length] as string;
}

/** The part of the matrix on screen, in score points (0–100 on both axes). */
export type ChartWindow = { x0: number; x1: number; y0: number; y1: number };
export const fullWindow: ChartWindow = { x0: 0, x1: 100, y0: 0, y1: 100 };

export type PlacedRow = PortfolioRow & { attractiveness: number; strength: number };

/** The rows that have both scores, so a place on the matrix. */
export function placedRows(rows: readonly PortfolioRow[]): PlacedRow[] {
  return rows.filter((row): row is PlacedRow => row.attractiveness !== null && row.strength !== null);
}

export function inWindow<Row extends PlacedRow>(rows: readonly Row[], window: ChartWindow): Row[] {
  return rows.filter(
    (row) =>
      row.strength >= window.x0 &&
      row.strength <= window.x1 &&
      row.attractiveness >= window.y0 &&
      row.attractiveness <= window.y1,
  );
}

export type RowGroup = {
  /** Where the group sits: the mean position of its accounts. */
  x: number;
  y: number;
  count: number;
  /** The quadrant and the owner most of its accounts have. */
  quadrant: Quadrant;
  ownerId: string;
  /** The grid cell it fills, for zooming into it. */
  bounds: ChartWindow;
};

function mostCommon<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  let best = values[0] as T;
  let bestCount = 0;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Groups the rows of the window into a grid of `cells` × `cells`: one bubble per non-empty cell,
 * so tens of thousands of accounts stay readable and the chart stays quick.
 */
export function groupRows(rows: readonly PlacedRow[], window: ChartWindow, cells: number): RowGroup[] {
  const width = (window.x1 - window.x0) / cells;
  const height = (window.y1 - window.y0) / cells;
  const buckets = new Map<number, PlacedRow[]>();
  for (const row of rows) {
    const column = Math.min(cells - 1, Math.max(0, Math.floor((row.strength - window.x0) / width)));
    const line = Math.min(cells - 1, Math.max(0, Math.floor((row.attractiveness - window.y0) / height)));
    const key = line * cells + column;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(row);
    else buckets.set(key, [row]);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([key, members]) => {
      const column = key % cells;
      const line = Math.floor(key / cells);
      return {
        x: round(members.reduce((sum, row) => sum + row.strength, 0) / members.length),
        y: round(members.reduce((sum, row) => sum + row.attractiveness, 0) / members.length),
        count: members.length,
        quadrant: mostCommon(members.map((row) => row.quadrant as Quadrant)),
        ownerId: mostCommon(members.map((row) => row.ownerId)),
        bounds: {
          x0: window.x0 + column * width,
          x1: window.x0 + (column + 1) * width,
          y0: window.y0 + line * height,
          y1: window.y0 + (line + 1) * height,
        },
      };
    });
}

/** The window to show after clicking a group: its cell and one cell around it, within 0–100. */
export function zoomInto(bounds: ChartWindow): ChartWindow {
  const width = bounds.x1 - bounds.x0;
  const height = bounds.y1 - bounds.y0;
  return {
    x0: round(Math.max(0, bounds.x0 - width)),
    x1: round(Math.min(100, bounds.x1 + width)),
    y0: round(Math.max(0, bounds.y0 - height)),
    y1: round(Math.min(100, bounds.y1 + height)),
  };
}

export function isFullWindow(window: ChartWindow): boolean {
  return window.x0 <= 0 && window.y0 <= 0 && window.x1 >= 100 && window.y1 >= 100;
}

/**
 * Bubble diameters in pixels: by area (square root), between `least` and `most` over the sizes
 * present; an account without a size gets the smallest bubble.
 */
export function bubbleSizer(sizes: readonly (number | null)[], least = 6, most = 28): (size: number | null) => number {
  const known = sizes.filter((size): size is number => size !== null && Number.isFinite(size) && size >= 0);
  if (known.length === 0) return () => 10;
  const top = Math.sqrt(Math.max(...known));
  const bottom = Math.sqrt(Math.min(...known));
  if (top === bottom) return (size) => (size === null ? least : (least + most) / 2);
  return (size) => {
    if (size === null || !Number.isFinite(size) || size < 0) return least;
    return round(least + ((Math.sqrt(size) - bottom) / (top - bottom)) * (most - least));
  };
}

export const portfolioSortKeys = [
  'name',
  'owner',
  'status',
  'attractiveness',
  'strength',
  'quadrant',
  'missing',
] as const;
export type PortfolioSortKey = (typeof portfolioSortKeys)[number];
export type PortfolioSort = PortfolioSortKey | `-${PortfolioSortKey}`;

const quadrantOrder: Record<Quadrant, number> = { strategic: 0, star: 1, status: 2, streamline: 3 };
const statusOrder = { key: 0, active: 1, at_risk: 2, prospect: 3, lost: 4 } as const;

/** The rows sorted by a column, ascending or descending (`-`); unknown values last either way. */
export function sortPortfolioRows(
  rows: readonly PortfolioRow[],
  sort: PortfolioSort,
  ownerNames: ReadonlyMap<string, string>,
  collator: Intl.Collator,
): PortfolioRow[] {
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort) as PortfolioSortKey;
  const sortValue = (row: PortfolioRow): string | number | null => {
    switch (key) {
      case 'name':
        return row.name;
      case 'owner':
        return ownerNames.get(row.ownerId) ?? '';
      case 'status':
        return statusOrder[row.status];
      case 'attractiveness':
        return row.attractiveness;
      case 'strength':
        return row.strength;
      case 'quadrant':
        return row.quadrant ? quadrantOrder[row.quadrant] : null;
      case 'missing':
        return row.missingCount;
    }
  };
  const keyed = rows.map((row) => ({ row, value: sortValue(row) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value === b.value) return collator.compare(a.row.name, b.row.name);
      return a.value === null ? 1 : -1;
    }
    const order =
      typeof a.value === 'string' && typeof b.value === 'string'
        ? collator.compare(a.value, b.value)
        : (a.value as number) - (b.value as number);
    return (descending ? -order : order) || collator.compare(a.row.name, b.row.name);
  });
  return keyed.map((entry) => entry.row);
}

export type Arrow = {
  accountId: string;
  name: string;
  from: [number, number];
  to: [number, number];
  quadrantChanged: boolean;
};

/** The movements to draw as arrows: both ends known, quadrant changes first, then the longest; at most `limit`. */
export function arrowsOf(moves: readonly Move[], limit: number): { arrows: Arrow[]; total: number } {
  const drawable = moves.filter(
    (move) =>
      move.from?.strength != null &&
      move.from.attractiveness != null &&
      move.to?.strength != null &&
      move.to.attractiveness != null &&
      (move.distance ?? 0) > 0,
  );
  const ordered = [...drawable].sort(
    (a, b) => Number(b.quadrantChanged) - Number(a.quadrantChanged) || (b.distance ?? 0) - (a.distance ?? 0),
  );
  return {
    total: drawable.length,
    arrows: ordered.slice(0, limit).map((move) => ({
      accountId: move.accountId,
      name: move.name,
      from: [move.from?.strength as number, move.from?.attractiveness as number],
      to: [move.to?.strength as number, move.to?.attractiveness as number],
      quadrantChanged: move.quadrantChanged,
    })),
  };
}

/** Each weight as a whole-number percentage of its axis (0 for all when the weights add to nothing). */
export function weightShares(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + (Number.isFinite(weight) && weight > 0 ? weight : 0), 0);
  return weights.map((weight) => (total > 0 && weight > 0 ? Math.round((weight / total) * 100) : 0));
}

/** The description of the level at or just below a rating (anchors need not cover every level). */
export function anchorFor<Anchor extends { value: number }>(
  anchors: readonly Anchor[],
  value: number,
): Anchor | undefined {
  let found: Anchor | undefined;
  for (const anchor of [...anchors].sort((a, b) => a.value - b.value)) {
    if (anchor.value <= value) found = anchor;
  }
  return found;
}

/** A score as the UI shows it: one decimal at most, a dash when unknown. */
export function formatScore(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
