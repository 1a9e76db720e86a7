import { createDetector, type DetectorOptions } from '../../src/analytics/anomaly';
import {
  createRandom,
  type SyntheticEvent,
  type SyntheticSpec,
  syntheticSeries,
} from '../../src/analytics/anomaly/synthetic-series';

const day = 86_400_000;
const cadences = {
  hourly: { interval: 3_600_000, length: 24 * 120 },
  daily: { interval: day, length: 730 },
  weekly: { interval: 7 * day, length: 260 },
  monthly: { interval: 30.44 * day, length: 60 },
} as const;
const cadenceCycle = ['daily', 'daily', 'weekly', 'monthly', 'hourly'] as const;
const kinds = ['spike', 'dip', 'level_shift', 'trend_change'] as const;

export type SyntheticKpiResult = {
  series: number;
  points: number;
  events: number;
  found: number;
  foundWithRightKind: number;
  falseAlerts: number;
  missed: string[];
};

/**
 * A check beyond NAB on business-like KPIs (not tuned on): 40 seeded series — hourly, daily, weekly and
 * monthly — with level, trend, weekly and yearly seasons, additive or multiplicative noise; three in
 * four get one event (spike, dip, level shift or trend change) late in the series. An event is found
 * when a finding lands within 10 points of it (30 for a trend change); other findings are false alerts.
 */
export function checkSyntheticKpis(options: Partial<DetectorOptions> = {}): SyntheticKpiResult {
  const result: SyntheticKpiResult = {
    series: 0,
    points: 0,
    events: 0,
    found: 0,
    foundWithRightKind: 0,
    falseAlerts: 0,
    missed: [],
  };
  for (let seed = 1; seed <= 40; seed += 1) {
    const random = createRandom(seed * 7919);
    const cadenceName = cadenceCycle[seed % cadenceCycle.length] ?? 'daily';
    const { interval, length } = cadences[cadenceName];
    const level = 100 + 1000 * random();
    const noise = level * (0.01 + 0.04 * random());
    const subDaily = cadenceName === 'hourly';
    const spec: SyntheticSpec = {
      seed,
      length,
      interval,
      level,
      noise,
      trend: (random() - 0.3) * noise * 0.1,
      weekly: cadenceName === 'daily' || subDaily ? noise * 4 * random() : 0,
      daily: subDaily ? noise * 5 : 0,
      yearly: subDaily ? 0 : noise * 5 * random(),
      multiplicative: random() < 0.3,
    };
    const kind = kinds[(seed >> 2) % kinds.length] ?? 'spike';
    const at = Math.floor(length * (0.6 + 0.3 * random()));
    const sign = random() < 0.5 ? -1 : 1;
    const hasEvent = seed % 4 !== 0;
    if (hasEvent) {
      const event: SyntheticEvent =
        kind === 'trend_change'
          ? { kind, at, slope: noise * 0.5 * sign }
          : kind === 'level_shift'
            ? { kind, at, size: noise * 6 * sign }
            : { kind, at, size: noise * 8 };
      spec.events = [event];
      result.events += 1;
    }
    const detector = createDetector(options);
    const points = syntheticSeries(spec);
    result.series += 1;
    result.points += points.length;
    let found = false;
    let rightKind = false;
    const reach = kind === 'trend_change' ? 30 : 10;
    points.forEach((point, index) => {
      for (const finding of detector.push(point).findings) {
        if (finding.kind === 'missing_data') continue;
        if (hasEvent && index >= at && index <= at + reach) {
          found = true;
          rightKind ||= finding.kind === kind;
        } else {
          result.falseAlerts += 1;
        }
      }
    });
    if (found) result.found += 1;
    if (rightKind) result.foundWithRightKind += 1;
    if (hasEvent && !found) result.missed.push(`${cadenceName} ${kind} (seed ${seed})`);
  }
  return result;
}
