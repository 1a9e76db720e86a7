import { describe, expect, it } from 'vitest';
import { createRandomStreams, hashName } from './random';

async function draws(seed: number, stream: string, count = 20) {
  const random = (await createRandomStreams(seed, 'ru'))(stream);
  return Array.from({ length: count }, () => random.next());
}

describe('random streams', () => {
  it('repeat for the same seed and stream', async () => {
    expect(await draws(1, 'accounts')).toEqual(await draws(1, 'accounts'));
  });

  it('differ between streams and between seeds', async () => {
    const accounts = await draws(1, 'accounts');
    expect(await draws(1, 'contacts')).not.toEqual(accounts);
    expect(await draws(2, 'accounts')).not.toEqual(accounts);
    expect(await draws(-1, 'accounts')).not.toEqual(accounts);
  });

  it('give the same faker names for the same seed', async () => {
    const names = async () => {
      const random = (await createRandomStreams(7, 'ru'))('people');
      return Array.from({ length: 5 }, () => random.faker.person.lastName('female'));
    };
    expect(await names()).toEqual(await names());
  });

  it('pick within bounds and sample without repeats', async () => {
    const random = (await createRandomStreams(3, 'en'))('helpers');
    for (let index = 0; index < 1_000; index += 1) {
      const value = random.int(2, 5);
      expect(value).toBeGreaterThanOrEqual(2);
      expect(value).toBeLessThanOrEqual(5);
    }
    const sample = random.sample(['a', 'b', 'c', 'd', 'e'], 3);
    expect(new Set(sample).size).toBe(3);
    expect(random.sample(['a', 'b'], 5)).toHaveLength(2);
    expect(random.digits(12)).toMatch(/^\d{12}$/);
  });

  it('never pick a choice of zero weight', async () => {
    const random = (await createRandomStreams(4, 'en'))('weights');
    const picks = Array.from({ length: 500 }, () =>
      random.weighted([
        { value: 'never', weight: 0 },
        { value: 'often', weight: 9 },
        { value: 'seldom', weight: 1 },
      ]),
    );
    expect(picks).not.toContain('never');
    expect(picks.filter((pick) => pick === 'often').length).toBeGreaterThan(400);
  });

  it('hash stream names to 32-bit numbers', () => {
    expect(hashName('accounts')).toBe(hashName('accounts'));
    expect(hashName('accounts')).not.toBe(hashName('contacts'));
    expect(hashName('a long stream name')).toBeLessThan(2 ** 32);
  });
});
