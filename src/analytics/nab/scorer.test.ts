import { describe, expect, it } from 'vitest';
import { loadNabLabels, readNabResults } from '../../../bench/nab/corpus';
import { type NabFile, probationLength, scaledSigmoid, scoreNab, scoreNabProfile } from './scorer';

describe('NAB scorer', () => {
  it('reproduces the published Windowed Gaussian scores from its per-row outputs', () => {
    const labels = loadNabLabels();
    const files: NabFile[] = Object.entries(labels).map(([name, windows]) => {
      const table = readNabResults('windowedGaussian', name);
      return { name, timestamps: table.timestamps, scores: table.columns.anomaly_score ?? [], windows };
    });
    expect(files).toHaveLength(58);
    const result = scoreNab(files);
    expect(result.standard.normalizedScore.toFixed(2)).toBe('39.65');
    expect(result.reward_low_FP_rate.normalizedScore.toFixed(2)).toBe('20.87');
    expect(result.reward_low_FN_rate.normalizedScore.toFixed(2)).toBe('47.41');
    expect(result.standard.windows).toBe(116);
    // NAB's own per-file table for this detector (windowedGaussian_standard_scores.csv).
    expect(result.standard.perFile['realTraffic/speed_t4013.csv']).toBeCloseTo(1.76631783122, 9);
    expect(result.standard.perFile['realTweets/Twitter_volume_PFE.csv']).toBeCloseTo(0.26557999349, 9);
    expect(result.standard.rawScore).toBeCloseTo(-24.0131054891, 8);
    // NOTE: reads and scores 58 result files (~370,000 rows): a few seconds on a busy machine.
  }, 30_000);

  it('gives full credit for the earliest detection and nothing for none', () => {
    const timestamps = Array.from({ length: 100 }, (_, index) => `2020-01-01 00:${String(index).padStart(2, '0')}:00`);
    const windows: [string, string][] = [[timestamps[40] ?? '', timestamps[49] ?? '']];
    const early = new Float64Array(100);
    early[40] = 1;
    const perfect = scoreNabProfile([{ name: 'a', timestamps, scores: early, windows }], {
      tpWeight: 1,
      fpWeight: 0.11,
      fnWeight: 1,
    });
    expect(perfect.normalizedScore).toBeCloseTo(100, 9);
    const silent = scoreNabProfile([{ name: 'a', timestamps, scores: new Float64Array(100), windows }], {
      tpWeight: 1,
      fpWeight: 0.11,
      fnWeight: 1,
    });
    expect(silent.normalizedScore).toBe(0);
  });

  it('follows the probation and sigmoid rules', () => {
    expect(probationLength(1000)).toBe(150);
    expect(probationLength(100_000)).toBe(750);
    expect(scaledSigmoid(0)).toBe(0);
    expect(scaledSigmoid(3.5)).toBe(-1);
    expect(scaledSigmoid(-1)).toBeCloseTo(0.9866, 4);
  });
});
