import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultLayoutOptions, isInSubtree, keepOnly, type LayoutPerson, layOutOrgChart } from './org-chart-layout';

const options = defaultLayoutOptions;
const person = (id: string, reportsToId: string | null = null): LayoutPerson => ({ id, reportsToId });

/** A random forest: each person reports to an earlier one or to nobody. */
const forest = fc
  .array(fc.tuple(fc.boolean(), fc.nat()), { minLength: 1, maxLength: 300 })
  .map((draws) =>
    draws.map(([hasManager, pick], index) => person(`p${index}`, hasManager && index > 0 ? `p${pick % index}` : null)),
  );

function overlaps(a: { x: number; y: number }, b: { x: number; y: number }) {
  return Math.abs(a.x - b.x) < options.cardWidth && Math.abs(a.y - b.y) < options.cardHeight;
}

describe('org chart layout', () => {
  it('can put a manager above their few reports side by side, centred', () => {
    const { positions } = layOutOrgChart([person('boss'), person('a', 'boss'), person('b', 'boss')], {
      ...options,
      maxSideBySideLeaves: 4,
    });
    const boss = positions.get('boss');
    const a = positions.get('a');
    const b = positions.get('b');
    expect(a?.y).toBe(b?.y);
    expect((a?.y ?? 0) - (boss?.y ?? 0)).toBe(options.cardHeight + options.gapY);
    expect(boss?.x).toBe(((a?.x ?? 0) + (b?.x ?? 0)) / 2);
    expect(a?.stacked).toBe(false);
  });

  it('by default hangs reports without reports of their own in a column below the manager', () => {
    const { positions } = layOutOrgChart([person('boss'), person('a', 'boss'), person('b', 'boss')]);
    expect(positions.get('a')?.x).toBe(positions.get('b')?.x);
    expect(positions.get('a')?.stacked).toBe(true);
    expect((positions.get('b')?.y ?? 0) - (positions.get('a')?.y ?? 0)).toBe(options.cardHeight + options.stackGap);
  });

  it('stacks many reports without reports of their own in columns', () => {
    const people = [person('boss'), ...Array.from({ length: 20 }, (_, index) => person(`s${index}`, 'boss'))];
    const { positions, width, height } = layOutOrgChart(people);
    const xs = new Set(people.slice(1).map((entry) => positions.get(entry.id)?.x));
    expect(xs.size).toBe(3);
    expect(positions.get('s0')?.stacked).toBe(true);
    expect(width).toBeLessThan(4 * (options.cardWidth + options.gapX + options.stackIndent));
    expect(height).toBeLessThan(10 * (options.cardHeight + options.stackGap) + options.cardHeight + options.gapY);
  });

  it('places everyone once, without overlaps, every report below their manager', () => {
    fc.assert(
      fc.property(forest, (people) => {
        const { positions, width, height } = layOutOrgChart(people);
        expect(positions.size).toBe(people.length);
        const placed = [...positions.values()];
        for (const [index, a] of placed.entries()) {
          expect(a.x).toBeGreaterThanOrEqual(0);
          expect(a.x + options.cardWidth).toBeLessThanOrEqual(width + 1e-6);
          expect(a.y + options.cardHeight).toBeLessThanOrEqual(height + 1e-6);
          for (const b of placed.slice(index + 1)) expect(overlaps(a, b)).toBe(false);
        }
        for (const entry of people) {
          if (!entry.reportsToId) continue;
          expect(positions.get(entry.id)?.y).toBeGreaterThan(positions.get(entry.reportsToId)?.y ?? Infinity);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('survives a cycle and a manager missing from the list', () => {
    const { positions } = layOutOrgChart([person('a', 'b'), person('b', 'a'), person('c', 'gone')]);
    expect([...positions.keys()].sort()).toEqual(['a', 'b', 'c']);
  });

  it('lays out 2,000 people in well under 100 ms', () => {
    const people = Array.from({ length: 2000 }, (_, index) =>
      person(
        `p${index}`,
        index === 0 ? null : `p${index < 11 ? 0 : index < 111 ? 1 + (index % 10) : 11 + (index % 100)}`,
      ),
    );
    const started = performance.now();
    layOutOrgChart(people);
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('key players only', () => {
  it('hangs each kept person under the nearest kept manager up the line', () => {
    const people = [person('ceo'), person('cfo', 'ceo'), person('controller', 'cfo'), person('clerk', 'controller')];
    const kept = keepOnly(people, (entry) => entry.id !== 'cfo' && entry.id !== 'controller');
    expect(kept).toEqual([person('ceo'), person('clerk', 'ceo')]);
  });
});

describe('drop targets', () => {
  it('knows who is below whom', () => {
    const people = [person('ceo'), person('cfo', 'ceo'), person('clerk', 'cfo'), person('cto', 'ceo')];
    expect(isInSubtree(people, 'cfo', 'clerk')).toBe(true);
    expect(isInSubtree(people, 'cfo', 'cfo')).toBe(true);
    expect(isInSubtree(people, 'cfo', 'cto')).toBe(false);
    expect(isInSubtree(people, 'clerk', 'ceo')).toBe(false);
  });
});
