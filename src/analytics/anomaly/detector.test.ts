import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { day, hour } from './calendar';
import { createDetector, restoreDetector, scoreSeries } from './detector';
import { explainFinding } from './explain';
import { syntheticSeries } from './synthetic-series';
import type { AnomalyFinding, DetectorResult, SeriesPoint } from './types';

function stream(points: readonly SeriesPoint[]): DetectorResult[] {
  const detector = createDetector();
  return points.map((point) => detector.push(point));
}

function findingsOf(results: readonly DetectorResult[]): { index: number; finding: AnomalyFinding }[] {
  return results.flatMap((result, index) => result.findings.map((finding) => ({ index, finding })));
}

/** A daily business KPI: level 200, a weekly pattern, noise 4 (σ), and the given events. */
function dailyKpi(seed: number, events: Parameters<typeof syntheticSeries>[0]['events'] = []) {
  return syntheticSeries({ seed, length: 300, level: 200, weekly: 20, noise: 4, events });
}

describe('anomaly detector on synthetic series', () => {
  it('finds a spike, with kind spike, at the spike', () => {
    const points = dailyKpi(11, [{ kind: 'spike', at: 220, size: 40 }]);
    const found = findingsOf(stream(points)).filter(({ index }) => index === 220);
    expect(found.map(({ finding }) => finding.kind)).toEqual(['spike']);
    expect(found[0]?.finding.since).toBe(points[220]?.time);
    expect(found[0]?.finding.observed).toBe(points[220]?.value);
    expect(found[0]?.finding.expectedHigh).toBeLessThan(points[220]?.value ?? 0);
  });

  it('finds a dip, with kind dip', () => {
    const points = dailyKpi(12, [{ kind: 'dip', at: 220, size: 40 }]);
    const found = findingsOf(stream(points)).filter(({ index }) => index === 220);
    expect(found.map(({ finding }) => finding.kind)).toEqual(['dip']);
    expect(found[0]?.finding.expectedLow).toBeGreaterThan(points[220]?.value ?? 0);
  });

  it('calls a lasting jump a level shift, dated at the jump', () => {
    const points = dailyKpi(13, [{ kind: 'level_shift', at: 220, size: 30 }]);
    const shifts = findingsOf(stream(points)).filter(
      ({ index, finding }) => index >= 220 && index <= 230 && finding.kind === 'level_shift',
    );
    expect(shifts.length).toBeGreaterThan(0);
    const since = shifts[0]?.finding.since ?? 0;
    expect(Math.abs(since - (points[220]?.time ?? 0))).toBeLessThanOrEqual(2 * day);
  });

  it('calls a bend in the trend a trend change', () => {
    const points = dailyKpi(14, [{ kind: 'trend_change', at: 220, slope: 2 }]);
    const kinds = findingsOf(stream(points))
      .filter(({ index }) => index >= 220 && index <= 260)
      .map(({ finding }) => finding.kind);
    expect(kinds).toContain('trend_change');
  });

  it('does not flag a seasonal peak that repeats every day once it has learned it', () => {
    const start = Date.UTC(2024, 0, 1);
    const points = Array.from({ length: 24 * 60 }, (_, index) => ({
      time: start + index * hour,
      value: 50 + (index % 24 === 12 ? 40 : 0) + Math.sin(index * 1.7) * 2,
    }));
    const late = findingsOf(stream(points)).filter(({ index }) => index >= 24 * 14);
    expect(late).toEqual([]);
  });

  it('does not flag a steady trend forever', () => {
    const points = syntheticSeries({ seed: 15, length: 730, level: 200, trend: 0.5, weekly: 20, noise: 4 });
    const findings = findingsOf(stream(points));
    expect(findings.filter(({ index }) => index >= 365).length).toBeLessThanOrEqual(1);
    expect(findings.length).toBeLessThanOrEqual(3);
  });

  it('rarely alerts on a normal seasonal series (about one false alert a year or less)', () => {
    let alerts = 0;
    for (const seed of [21, 22, 23, 24]) {
      alerts += findingsOf(stream(syntheticSeries({ seed, length: 365, level: 1000, weekly: 60, noise: 15 }))).length;
    }
    expect(alerts).toBeLessThanOrEqual(4);
  });

  it('reports missing data on a gap, from the first missing slot', () => {
    const points = syntheticSeries({ seed: 16, length: 200, level: 100, noise: 2, missing: [[120, 129]] });
    const missing = findingsOf(stream(points)).filter(({ finding }) => finding.kind === 'missing_data');
    expect(missing).toHaveLength(1);
    expect(missing[0]?.finding.missingPoints).toBe(10);
    expect(missing[0]?.finding.since).toBe(Date.UTC(2022, 0, 3) + 120 * day);
  });

  it('stays quiet on 1–3 points and on a constant series, and alerts once when the constant changes', () => {
    for (const length of [1, 2, 3]) {
      const results = stream(Array.from({ length }, (_, index) => ({ time: index * day, value: index * 100 })));
      expect(results.every((result) => result.score === 0 && result.findings.length === 0)).toBe(true);
    }
    const constant = Array.from({ length: 200 }, (_, index) => ({ time: index * day, value: index < 150 ? 5 : 9 }));
    const findings = findingsOf(stream(constant));
    expect(findings[0]?.index).toBe(150);
    expect(findings.filter(({ finding }) => finding.kind === 'spike' || finding.kind === 'dip')).toHaveLength(1);
  });

  it('copes with irregular timestamps and non-finite values', () => {
    const points = Array.from({ length: 300 }, (_, index) => ({
      time: index * day + ((index * 7919) % 13) * hour,
      value: index === 100 ? Number.NaN : 10 + Math.sin(index) + (index === 250 ? 30 : 0),
    }));
    const results = stream(points);
    expect(results[100]?.score).toBe(0);
    expect(findingsOf(results).some(({ index, finding }) => index === 250 && finding.kind === 'spike')).toBe(true);
  });

  it('flags a clear outlier in a short monthly series', () => {
    const points = syntheticSeries({
      seed: 17,
      length: 48,
      interval: 30.44 * day,
      level: 500,
      noise: 8,
      events: [{ kind: 'spike', at: 40, size: 150 }],
    });
    expect(findingsOf(stream(points)).map(({ index }) => index)).toContain(40);
  });
});

describe('anomaly detector guarantees', () => {
  const seriesArbitrary = fc
    .record({
      seed: fc.integer({ min: 1, max: 10_000 }),
      length: fc.integer({ min: 1, max: 260 }),
      level: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      noise: fc.double({ min: 0, max: 1e3, noNaN: true }),
      interval: fc.constantFrom(5 * 60_000, hour, day, 7 * day),
      spikes: fc.array(fc.record({ at: fc.nat(259), size: fc.double({ min: -1e7, max: 1e7, noNaN: true }) }), {
        maxLength: 4,
      }),
    })
    .map(({ seed, length, level, noise, interval, spikes }) =>
      syntheticSeries({
        seed,
        length,
        level,
        noise,
        interval,
        weekly: noise * 2,
        events: spikes.map(({ at, size }) => ({ kind: 'spike' as const, at, size })),
      }),
    );

  it('never changes an emitted score when more points arrive (no look-ahead)', () => {
    fc.assert(
      fc.property(seriesArbitrary, fc.nat(), (points, cut) => {
        const prefix = points.slice(0, cut % (points.length + 1));
        const alone = stream(prefix).map((result) => result.score);
        const extended = stream(points)
          .slice(0, prefix.length)
          .map((result) => result.score);
        expect(extended).toEqual(alone);
      }),
      { numRuns: 40 },
    );
  });

  it('continues from a JSON snapshot exactly as if it had never stopped', () => {
    fc.assert(
      fc.property(seriesArbitrary, fc.nat(), (points, cut) => {
        const split = cut % (points.length + 1);
        const uninterrupted = stream(points);
        const first = createDetector();
        for (const point of points.slice(0, split)) first.push(point);
        const state = JSON.parse(JSON.stringify(first.snapshot()));
        const resumed = restoreDetector(state);
        const rest = points.slice(split).map((point) => resumed.push(point));
        expect(rest).toEqual(uninterrupted.slice(split));
      }),
      { numRuns: 40 },
    );
  });

  it('scores a stored series in batches from the saved state as one stream would', () => {
    const points = dailyKpi(31, [{ kind: 'level_shift', at: 150, size: 30 }]);
    const whole = scoreSeries(points);
    let state = null;
    const batched: DetectorResult[] = [];
    for (let start = 0; start < points.length; start += 37) {
      const batch = scoreSeries(points.slice(start, start + 37), state);
      batched.push(...batch.results);
      state = JSON.parse(JSON.stringify(batch.state));
    }
    expect(batched).toEqual(whole.results);
    expect(state).toEqual(JSON.parse(JSON.stringify(whole.state)));
  });

  it('keeps every score within [0, 1]', () => {
    fc.assert(
      fc.property(seriesArbitrary, (points) => {
        for (const result of stream(points)) {
          expect(result.score).toBeGreaterThanOrEqual(0);
          expect(result.score).toBeLessThanOrEqual(1);
          for (const finding of result.findings) {
            expect(finding.score).toBeGreaterThanOrEqual(0);
            expect(finding.score).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('explainFinding', () => {
  const finding: AnomalyFinding = {
    kind: 'spike',
    score: 0.97,
    at: Date.UTC(2024, 2, 5),
    since: Date.UTC(2024, 2, 5),
    observed: 1520.5,
    expectedLow: 980,
    expectedHigh: 1210.25,
    missingPoints: 0,
  };

  it('explains in English and Russian with the observed value and the expected range', () => {
    const english = explainFinding(finding, 'en');
    expect(english).toContain('Spike');
    expect(english).toContain('1,521');
    expect(english).toContain('980');
    expect(english).toContain('1,210');
    expect(english).toContain('above the expected range');
    expect(english).toContain('2024-03-05');
    const russian = explainFinding(finding, 'ru');
    expect(russian).toContain('Всплеск');
    expect(russian.replace(/\s/g, ' ')).toContain('1 521');
    expect(russian).toContain('980');
    expect(russian).toContain('выше ожидаемого диапазона');
  });

  it('names every kind in both languages, and counts missing points', () => {
    const kinds = ['spike', 'dip', 'level_shift', 'trend_change', 'missing_data'] as const;
    for (const kind of kinds) {
      for (const locale of ['en', 'ru'] as const) {
        const text = explainFinding({ ...finding, kind, missingPoints: kind === 'missing_data' ? 7 : 0 }, locale);
        expect(text.length).toBeGreaterThan(20);
        if (kind === 'missing_data') expect(text).toContain('7');
      }
    }
    expect(explainFinding({ ...finding, kind: 'dip', observed: 500 }, 'en')).toContain('below the expected range');
  });
});
