// NOTE: a tidy tree with stacked leaves, written for org charts: people without reports hang in
// columns under their manager (as org-chart tools draw them) instead of in one endless row.
// ELK's layered layout took ~4 s for 2,000 people and drew them 465,000 px wide; this takes a
// few milliseconds and keeps 2,000 people within a screenful of zoom (decision 0012).

export type LayoutPerson = { id: string; reportsToId: string | null };

export type LayoutOptions = {
  cardWidth: number;
  cardHeight: number;
  /** Between neighbouring subtrees. */
  gapX: number;
  /** Between a manager and the row of their reports. */
  gapY: number;
  /** Between cards in a stack. */
  stackGap: number;
  /** Room left of a stack for the line coming down from the manager. */
  stackIndent: number;
  /** Cards in one stack column before another column starts. */
  maxStackRows: number;
  /** Up to this many reports without reports of their own stand side by side instead. */
  maxSideBySideLeaves: number;
};

export const defaultLayoutOptions: LayoutOptions = {
  cardWidth: 240,
  cardHeight: 96,
  gapX: 32,
  gapY: 56,
  stackGap: 14,
  stackIndent: 28,
  maxStackRows: 8,
  maxSideBySideLeaves: 1,
};

export type Placed = {
  x: number;
  y: number /** Hangs in a stack: its line comes in from the left. */;
  stacked: boolean;
};

export type Layout = { positions: Map<string, Placed>; width: number; height: number };

type Block = { width: number; height: number; items: { id: string; x: number; y: number; stacked: boolean }[] };

/**
 * Positions for everyone: each person above the row of their reports, trees of several roots
 * side by side. Someone whose manager is not in the list (or a reporting cycle, which the API
 * forbids) starts a tree of their own. Order of `people` is kept among siblings.
 */
export function layOutOrgChart(people: readonly LayoutPerson[], options: LayoutOptions = defaultLayoutOptions): Layout {
  const ids = new Set(people.map((person) => person.id));
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const person of people) {
    if (person.reportsToId && ids.has(person.reportsToId) && person.reportsToId !== person.id) {
      const list = children.get(person.reportsToId) ?? [];
      list.push(person.id);
      children.set(person.reportsToId, list);
    } else {
      roots.push(person.id);
    }
  }
  const placed = new Set<string>();
  const { cardWidth: width, cardHeight: height } = options;

  const row = (blocks: Block[]): Block => {
    const items: Block['items'] = [];
    let x = 0;
    let rowHeight = 0;
    for (const [index, block] of blocks.entries()) {
      if (index > 0) x += options.gapX;
      for (const item of block.items) items.push({ ...item, x: item.x + x });
      x += block.width;
      rowHeight = Math.max(rowHeight, block.height);
    }
    return { width: x, height: rowHeight, items };
  };

  const stack = (leaves: string[]): Block => {
    const columns = Math.ceil(leaves.length / options.maxStackRows);
    const rows = Math.min(leaves.length, options.maxStackRows);
    const columnWidth = options.stackIndent + width;
    return {
      width: columns * columnWidth + (columns - 1) * options.gapX,
      height: rows * height + (rows - 1) * options.stackGap,
      items: leaves.map((id, index) => ({
        id,
        x: Math.floor(index / options.maxStackRows) * (columnWidth + options.gapX) + options.stackIndent,
        y: (index % options.maxStackRows) * (height + options.stackGap),
        stacked: true,
      })),
    };
  };

  const subtree = (id: string): Block => {
    placed.add(id);
    const reports = (children.get(id) ?? []).filter((child) => !placed.has(child));
    if (reports.length === 0) return { width, height, items: [{ id, x: 0, y: 0, stacked: false }] };
    const leaves = reports.filter((child) => (children.get(child) ?? []).length === 0);
    const managers = reports.filter((child) => (children.get(child) ?? []).length > 0);
    const stackLeaves = leaves.length > options.maxSideBySideLeaves || (managers.length > 0 && leaves.length > 1);
    const blocks: Block[] = [];
    if (stackLeaves) {
      for (const leaf of leaves) placed.add(leaf);
      blocks.push(stack(leaves));
    } else {
      for (const leaf of leaves) blocks.push(subtree(leaf));
    }
    for (const manager of managers) blocks.push(subtree(manager));
    const below = row(blocks);
    const blockWidth = Math.max(width, below.width);
    const rowX = (blockWidth - below.width) / 2;
    return {
      width: blockWidth,
      height: height + options.gapY + below.height,
      items: [
        { id, x: (blockWidth - width) / 2, y: 0, stacked: false },
        ...below.items.map((item) => ({ ...item, x: item.x + rowX, y: item.y + height + options.gapY })),
      ],
    };
  };

  const trees: Block[] = [];
  for (const root of roots) trees.push(subtree(root));
  // NOTE: people caught in a cycle have no root; each starts its own tree.
  for (const person of people) if (!placed.has(person.id)) trees.push(subtree(person.id));
  const forest = row(trees);
  return {
    positions: new Map(forest.items.map((item) => [item.id, { x: item.x, y: item.y, stacked: item.stacked }])),
    width: forest.width,
    height: forest.height,
  };
}

/**
 * The people to show when only some are kept (key players): each kept person reports to their
 * nearest kept manager up the line, so the chart stays a hierarchy.
 */
export function keepOnly<Person extends LayoutPerson>(
  people: readonly Person[],
  keep: (person: Person) => boolean,
): Person[] {
  const byId = new Map(people.map((person) => [person.id, person]));
  const kept = people.filter(keep);
  const keptIds = new Set(kept.map((person) => person.id));
  return kept.map((person) => {
    let managerId = person.reportsToId;
    const seen = new Set<string>([person.id]);
    while (managerId && !keptIds.has(managerId) && !seen.has(managerId)) {
      seen.add(managerId);
      managerId = byId.get(managerId)?.reportsToId ?? null;
    }
    return {
      ...person,
      reportsToId: managerId && keptIds.has(managerId) && managerId !== person.id ? managerId : null,
    };
  });
}

/** Whether `candidate` is `personId` or anywhere below them: a drop there would make a cycle. */
export function isInSubtree(people: readonly LayoutPerson[], personId: string, candidate: string): boolean {
  const managerOf = new Map(people.map((person) => [person.id, person.reportsToId]));
  const seen = new Set<string>();
  for (
    let current: string | null | undefined = candidate;
    current && !seen.has(current);
    current = managerOf.get(current)
  ) {
    if (current === personId) return true;
    seen.add(current);
  }
  return false;
}
