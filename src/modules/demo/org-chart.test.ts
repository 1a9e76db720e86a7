import { describe, expect, it } from 'vitest';
import { planOrgChart } from './org-chart';
import { createRandomStreams } from './random';
import { vocabularyFor } from './vocabulary';

describe('org chart', () => {
  it('is a tree under the chief executive, each person reporting to someone listed before', async () => {
    const random = (await createRandomStreams(1, 'ru'))('org');
    const vocabulary = vocabularyFor('ru');
    for (let size = 1; size <= 60; size += 1) {
      const positions = planOrgChart(random, vocabulary, size);
      expect(positions).toHaveLength(size);
      expect(positions[0]).toMatchObject({ title: 'Генеральный директор', level: 0, managerIndex: null });
      positions.slice(1).forEach((position, offset) => {
        const index = offset + 1;
        expect(position.managerIndex).not.toBeNull();
        const manager = positions[position.managerIndex ?? index];
        expect(position.managerIndex).toBeLessThan(index);
        expect(manager?.level).toBeLessThan(position.level);
        if (position.level > 1) expect(manager?.department).toBe(position.department);
      });
    }
  });

  it('always includes purchasing, who buys from us', async () => {
    const random = (await createRandomStreams(2, 'en'))('org');
    const vocabulary = vocabularyFor('en');
    for (let size = 2; size <= 40; size += 1) {
      const positions = planOrgChart(random, vocabulary, size);
      expect(positions.some((position) => position.title === 'Chief Procurement Officer')).toBe(true);
    }
  });

  it('lets a sole trader’s people report to them directly', async () => {
    const random = (await createRandomStreams(3, 'ru'))('org');
    const positions = planOrgChart(
      random,
      vocabularyFor('ru'),
      3,
      { title: 'Индивидуальный предприниматель', department: null },
      true,
    );
    expect(positions.map((position) => position.managerIndex)).toEqual([null, 0, 0]);
  });
});
