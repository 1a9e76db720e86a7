// NOTE: versions of one plan keep the ids of their sections, competitors, objectives and actions
// (a save updates rows in place), so two snapshots are compared id by id.

import type { ActionStatus } from './completeness';

export type SnapshotAction = {
  id: string;
  title: string;
  ownerId: string | null;
  dueOn: string | null;
  status: ActionStatus;
  progress: number;
};
export type SnapshotObjective = {
  id: string;
  title: string;
  metricKey: string | null;
  metricName: string | null;
  baseline: number | null;
  target: number | null;
  /** Absent from versions approved before objectives had money targets. */
  targetMinor?: number | null;
  targetCurrency?: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  dueOn: string | null;
  actions: SnapshotAction[];
};
export type SnapshotCompetitor = {
  id: string;
  name: string;
  shareOfWallet: number | null;
  strengths: string | null;
  weaknesses: string | null;
  threat: 'low' | 'medium' | 'high';
};
export type SnapshotSection = { sectionId: string; titleEn: string; titleRu: string; body: string };

/** A plan as one approved version keeps it. */
export type PlanSnapshot = {
  accountName: string;
  periodStart: string;
  periodEnd: string;
  sections: SnapshotSection[];
  competitors: SnapshotCompetitor[];
  objectives: SnapshotObjective[];
};

export type ItemChange = { id: string; title: string; change: 'added' | 'removed' | 'changed'; fields: string[] };

export type PlanDiff = {
  sections: ItemChange[];
  competitors: ItemChange[];
  objectives: ItemChange[];
  actions: ItemChange[];
};

function changedFields<T extends object>(before: T, after: T, ignore: readonly string[]): string[] {
  return Object.keys(after)
    .filter((key) => !ignore.includes(key))
    .filter(
      (key) =>
        JSON.stringify((before as Record<string, unknown>)[key]) !==
        JSON.stringify((after as Record<string, unknown>)[key]),
    )
    .sort();
}

function compareItems<T extends object>(
  before: readonly T[],
  after: readonly T[],
  idOf: (item: T) => string,
  titleOf: (item: T) => string,
  ignore: readonly string[] = [],
): ItemChange[] {
  const earlier = new Map(before.map((item) => [idOf(item), item]));
  const later = new Map(after.map((item) => [idOf(item), item]));
  const changes: ItemChange[] = [];
  for (const item of after) {
    const previous = earlier.get(idOf(item));
    if (!previous) {
      changes.push({ id: idOf(item), title: titleOf(item), change: 'added', fields: [] });
      continue;
    }
    const fields = changedFields(previous, item, ignore);
    if (fields.length > 0) changes.push({ id: idOf(item), title: titleOf(item), change: 'changed', fields });
  }
  for (const item of before) {
    if (!later.has(idOf(item))) changes.push({ id: idOf(item), title: titleOf(item), change: 'removed', fields: [] });
  }
  return changes;
}

/** What changed from one version of a plan to another: sections, competitors, objectives, actions. */
export function comparePlanSnapshots(before: PlanSnapshot, after: PlanSnapshot): PlanDiff {
  const actionsOf = (snapshot: PlanSnapshot) => snapshot.objectives.flatMap((objective) => objective.actions);
  return {
    sections: compareItems(
      before.sections,
      after.sections,
      (section) => section.sectionId,
      (section) => section.titleEn,
      ['titleEn', 'titleRu'],
    ),
    competitors: compareItems(
      before.competitors,
      after.competitors,
      (competitor) => competitor.id,
      (competitor) => competitor.name,
    ),
    objectives: compareItems(
      before.objectives,
      after.objectives,
      (objective) => objective.id,
      (objective) => objective.title,
      ['actions'],
    ),
    actions: compareItems(
      actionsOf(before),
      actionsOf(after),
      (action) => action.id,
      (action) => action.title,
    ),
  };
}
