import type { Faker } from '@faker-js/faker';
import type { Weighted } from './vocabulary';

/** One seeded stream of random choices, with faker (same stream) for people's family names. */
export type DemoRandom = {
  faker: Faker;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly Weighted<T>[]): T;
  /** `count` distinct items in random order (all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[];
  /** A string of `count` random decimal digits. */
  digits(count: number): string;
  /** A moment in [from, to]; `skew` > 1 leans towards `from`. */
  dateBetween(from: Date, to: Date, skew?: number): Date;
};

export type RandomStreams = (stream: string) => DemoRandom;

/** 32-bit FNV-1a: turns a stream's name into part of its seed. */
export function hashName(name: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < name.length; index += 1) {
    hash ^= name.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Seeded streams by name: each step draws from its own stream, so adding a step (or drawing more
 * in one) leaves every other step's data unchanged for the same seed.
 */
export async function createRandomStreams(seed: number, locale: 'ru' | 'en'): Promise<RandomStreams> {
  // NOTE: faker's main entry loads every locale (~0.3 s); it is imported when demo data is made,
  // not on every start of the server.
  const fakerModule = await import('@faker-js/faker');
  const definitions = locale === 'ru' ? [fakerModule.ru, fakerModule.base] : [fakerModule.en, fakerModule.base];
  return (stream) => {
    const randomizer = fakerModule.generateMersenne53Randomizer();
    randomizer.seed([seed >>> 0, Math.floor(seed / 0x1_0000_0000) >>> 0, hashName(stream)]);
    const faker = new fakerModule.Faker({ locale: definitions, randomizer });
    return randomFrom(faker, () => randomizer.next());
  };
}

function randomFrom(faker: Faker, next: () => number): DemoRandom {
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('Cannot pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  return {
    faker,
    next,
    int,
    chance: (probability) => next() < probability,
    pick,
    weighted<T>(items: readonly Weighted<T>[]): T {
      const total = items.reduce((sum, item) => sum + item.weight, 0);
      let point = next() * total;
      for (const item of items) {
        point -= item.weight;
        if (point < 0) return item.value;
      }
      return pick(items).value;
    },
    sample<T>(items: readonly T[], count: number): T[] {
      const pool = [...items];
      const size = Math.min(count, pool.length);
      for (let index = 0; index < size; index += 1) {
        const other = index + Math.floor(next() * (pool.length - index));
        [pool[index], pool[other]] = [pool[other] as T, pool[index] as T];
      }
      return pool.slice(0, size);
    },
    digits(count: number): string {
      let result = '';
      for (let index = 0; index < count; index += 1) result += Math.floor(next() * 10);
      return result;
    },
    dateBetween(from: Date, to: Date, skew = 1): Date {
      const span = Math.max(0, to.getTime() - from.getTime());
      return new Date(from.getTime() + Math.floor(next() ** skew * span));
    },
  };
}
