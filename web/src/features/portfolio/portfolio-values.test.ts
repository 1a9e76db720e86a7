import { describe, expect, it } from 'vitest';
import type { Move, PortfolioRow } from './portfolio-api';
import {
  anchorFor,
  arrowsOf,
  bubbleSizer,
  fullWindow,
  groupRows,
  inWindow,
  placedRows,
  sortPortfolioRows,
  weightShares,
  zoomInto,
} from './portfolio-values';

const row = (id: string, strength: number | null, attractiveness: number | null, extra: Partial<PortfolioRow> = {}) =>
  ({
    id,
    name: id,
    ownerId: 'owner-1',
    status: 'active',
    attractiveness,
    strength,
    quadrant:
      attractiveness === null || strength === null
        ? null
        : attractiveness >= 50
          ? strength >= 50
            ? 'strategic'
            : 'star'
          : strength >= 50
            ? 'status'
            : 'streamline',
    complete: true,
    missingCount: 0,
    size: null,
    ...extra,
  }) as PortfolioRow;

describe('grouping the matrix', () => {
  it('puts only scored rows on the matrix', () => {
    expect(placedRows([row('a', 10, 20), row('b', null, 30), row('c', 40, null)]).map((r) => r.id)).toEqual(['a']);
  });

  it('groups rows by grid cell, placing each group at its members’ mean, with its dominant quadrant', () => {
    const rows = placedRows([row('a', 10, 90), row('b', 14, 94), row('c', 12, 80), row('d', 90, 10)]);
    const groups = groupRows(rows, fullWindow, 5);
    expect(groups).toEqual([
      {
        x: 90,
        y: 10,
        count: 1,
        quadrant: 'status',
        ownerId: 'owner-1',
        bounds: { x0: 80, x1: 100, y0: 0, y1: 20 },
      },
      {
        x: 12,
        y: 88,
        count: 3,
        quadrant: 'star',
        ownerId: 'owner-1',
        bounds: { x0: 0, x1: 20, y0: 80, y1: 100 },
      },
    ]);
    expect(groups.reduce((sum, group) => sum + group.count, 0)).toBe(rows.length);
  });

  it('keeps every one of 10,000 rows in some group, and the top edge in the last cell', () => {
    const rows = placedRows(
      Array.from({ length: 10_000 }, (_, index) => row(`r${index}`, index % 101, (index * 7) % 101)),
    );
    const groups = groupRows(rows, fullWindow, 20);
    expect(groups.reduce((sum, group) => sum + group.count, 0)).toBe(10_000);
    expect(groups.length).toBeLessThanOrEqual(400);
  });

  it('zooms into a cell with one cell of margin, within the matrix', () => {
    expect(zoomInto({ x0: 0, x1: 5, y0: 95, y1: 100 })).toEqual({ x0: 0, x1: 10, y0: 90, y1: 100 });
    const zoomed = zoomInto({ x0: 40, x1: 45, y0: 40, y1: 45 });
    expect(zoomed).toEqual({ x0: 35, x1: 50, y0: 35, y1: 50 });
    expect(inWindow(placedRows([row('in', 36, 49), row('out', 60, 40)]), zoomed).map((r) => r.id)).toEqual(['in']);
  });
});

describe('bubble sizes', () => {
  it('scale by area between the smallest and the largest size, unknown sizes smallest', () => {
    const size = bubbleSizer([0, 100, null], 6, 26);
    expect(size(0)).toBe(6);
    expect(size(100)).toBe(26);
    expect(size(25)).toBe(16);
    expect(size(null)).toBe(6);
  });

  it('are all alike when nothing sizes them', () => {
    expect(bubbleSizer([null, null])(null)).toBe(10);
    expect(bubbleSizer([5, 5], 6, 26)(5)).toBe(16);
  });
});

describe('sorting the table', () => {
  const collator = new Intl.Collator('ru');
  const rows = [
    row('Бета', 80, 20, { ownerId: 'o2' }),
    row('Альфа', null, null, { ownerId: 'o1' }),
    row('Гамма', 10, 90, { ownerId: 'o1', missingCount: 2 }),
  ];
  const owners = new Map([
    ['o1', 'Яковлев'],
    ['o2', 'Андреев'],
  ]);
  const names = (sorted: PortfolioRow[]) => sorted.map((r) => r.name);

  it('sorts by name in the language’s order, and by numbers either way with unknowns last', () => {
    expect(names(sortPortfolioRows(rows, 'name', owners, collator))).toEqual(['Альфа', 'Бета', 'Гамма']);
    expect(names(sortPortfolioRows(rows, 'attractiveness', owners, collator))).toEqual(['Бета', 'Гамма', 'Альфа']);
    expect(names(sortPortfolioRows(rows, '-attractiveness', owners, collator))).toEqual(['Гамма', 'Бета', 'Альфа']);
  });

  it('sorts by owner name, quadrant order and number missing', () => {
    expect(names(sortPortfolioRows(rows, 'owner', owners, collator))).toEqual(['Бета', 'Альфа', 'Гамма']);
    expect(names(sortPortfolioRows(rows, 'quadrant', owners, collator))).toEqual(['Гамма', 'Бета', 'Альфа']);
    expect(names(sortPortfolioRows(rows, '-missing', owners, collator))).toEqual(['Гамма', 'Альфа', 'Бета']);
  });
});

describe('movement arrows', () => {
  const move = (
    id: string,
    from: [number, number] | null,
    to: [number, number] | null,
    changed: boolean,
    distance: number | null,
  ): Move => ({
    accountId: id,
    name: id,
    ownerId: 'o',
    from: from ? { strength: from[0], attractiveness: from[1], quadrant: null } : null,
    to: to ? { strength: to[0], attractiveness: to[1], quadrant: null } : null,
    quadrantChanged: changed,
    distance,
  });

  it('draws quadrant changes first, then the longest moves, and counts what it leaves out', () => {
    const { arrows, total } = arrowsOf(
      [
        move('short', [10, 10], [11, 10], false, 1),
        move('long', [10, 10], [40, 10], false, 30),
        move('crossed', [45, 10], [55, 10], true, 10),
        move('new', null, [20, 20], true, null),
      ],
      2,
    );
    expect(total).toBe(3);
    expect(arrows.map((arrow) => arrow.accountId)).toEqual(['crossed', 'long']);
    expect(arrows[0]).toMatchObject({ from: [45, 10], to: [55, 10] });
  });
});

describe('model form helpers', () => {
  it('shows weights as percentages of their axis', () => {
    expect(weightShares([30, 20, 50])).toEqual([30, 20, 50]);
    expect(weightShares([1, 1, 1])).toEqual([33, 33, 33]);
    expect(weightShares([0, 0])).toEqual([0, 0]);
    expect(weightShares([-1, 3])).toEqual([0, 100]);
  });

  it('finds the anchor describing a rating', () => {
    const anchors = [
      { value: 7, text: 'large' },
      { value: 1, text: 'small' },
      { value: 4, text: 'moderate' },
    ];
    expect(anchorFor(anchors, 5)?.text).toBe('moderate');
    expect(anchorFor(anchors, 10)?.text).toBe('large');
    expect(anchorFor(anchors, 0)).toBeUndefined();
  });
});
