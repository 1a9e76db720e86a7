import { describe, expect, it } from 'vitest';
import { comparePlanSnapshots, type PlanSnapshot, type SnapshotAction } from './compare';

const action: SnapshotAction = {
  id: 'a1',
  title: 'QBR',
  ownerId: 'u1',
  dueOn: '2026-03-31',
  status: 'planned',
  progress: 0,
};
const before: PlanSnapshot = {
  accountName: 'Ромашка',
  periodStart: '2026-01-01',
  periodEnd: '2026-12-31',
  sections: [
    { sectionId: 's1', titleEn: 'Marketplace', titleRu: 'Рынок', body: 'Old text' },
    { sectionId: 's2', titleEn: 'SWOT', titleRu: 'SWOT', body: 'Same' },
  ],
  competitors: [{ id: 'c1', name: 'Acme', shareOfWallet: 30, strengths: null, weaknesses: null, threat: 'high' }],
  objectives: [
    {
      id: 'o1',
      title: 'Grow',
      metricKey: 'revenue',
      metricName: null,
      baseline: 100,
      target: 120,
      periodFrom: null,
      periodTo: null,
      dueOn: null,
      actions: [action],
    },
  ],
};

describe('comparePlanSnapshots', () => {
  it('finds nothing between a version and itself', () => {
    expect(comparePlanSnapshots(before, before)).toEqual({
      sections: [],
      competitors: [],
      objectives: [],
      actions: [],
    });
  });

  it('names changed sections, changed fields, added and removed items', () => {
    const after: PlanSnapshot = {
      ...before,
      sections: [
        { sectionId: 's1', titleEn: 'Marketplace', titleRu: 'Рынок', body: 'New text' },
        before.sections[1] as PlanSnapshot['sections'][number],
      ],
      competitors: [],
      objectives: [
        {
          ...(before.objectives[0] as PlanSnapshot['objectives'][number]),
          target: 150,
          actions: [
            { ...action, status: 'done', progress: 100 },
            { ...action, id: 'a2', title: 'Pilot' },
          ],
        },
      ],
    };
    expect(comparePlanSnapshots(before, after)).toEqual({
      sections: [{ id: 's1', title: 'Marketplace', change: 'changed', fields: ['body'] }],
      competitors: [{ id: 'c1', title: 'Acme', change: 'removed', fields: [] }],
      objectives: [{ id: 'o1', title: 'Grow', change: 'changed', fields: ['target'] }],
      actions: [
        { id: 'a1', title: 'QBR', change: 'changed', fields: ['progress', 'status'] },
        { id: 'a2', title: 'Pilot', change: 'added', fields: [] },
      ],
    });
  });
});
