import type { DemoRandom } from './random';
import type { DepartmentWords, Vocabulary } from './vocabulary';

/** A position in a customer's organisation: who holds it is chosen later. */
export type Position = {
  title: string;
  department: string | null;
  /** 0 the head of the company, 1 a director, 2 a head of unit, 3 staff. */
  level: number;
  /** Index of the position this one reports to; always an earlier one. */
  managerIndex: number | null;
};

/** People per head of unit before a department gets another one. */
const staffPerHead = 5;

/**
 * The org chart of a company with `size` known people: the chief executive at the top, directors
 * of departments under them (purchasing always, as that is who buys from us), heads of units
 * under the directors, staff under the heads. A sole trader's few people report to them directly.
 */
export function planOrgChart(
  random: DemoRandom,
  vocabulary: Vocabulary,
  size: number,
  top: { title: string; department: string | null } = vocabulary.ceo,
  flat = false,
): Position[] {
  const positions: Position[] = [{ ...top, level: 0, managerIndex: null }];
  if (size <= 1) return positions;
  const [purchasing, ...others] = vocabulary.departments;
  if (!purchasing) return positions;
  if (flat) {
    for (let index = 1; index < size; index += 1) {
      const department = random.pick([purchasing, ...others.slice(0, 2)]);
      positions.push({ title: random.pick(department.staff), department: null, level: 3, managerIndex: 0 });
    }
    return positions;
  }

  const departmentCount = Math.min(size - 1, vocabulary.departments.length, Math.ceil((size - 1) / 5));
  const chosen = [purchasing, ...weightedSample(random, others, departmentCount - 1)];
  const members = new Map<DepartmentWords, number>(chosen.map((department) => [department, 0]));
  const weights = chosen.map((department) => ({ value: department, weight: department.weight }));
  for (let index = 1 + chosen.length; index < size; index += 1) {
    const department = random.weighted(weights);
    members.set(department, (members.get(department) ?? 0) + 1);
  }

  const directors = chosen.map((department) => {
    positions.push({ title: department.director, department: department.name, level: 1, managerIndex: 0 });
    return positions.length - 1;
  });
  chosen.forEach((department, index) => {
    const director = directors[index] as number;
    const people = members.get(department) ?? 0;
    const headCount = people >= 3 ? Math.ceil(people / staffPerHead) : 0;
    const headTitles = random.sample(department.heads, headCount);
    const heads: number[] = [];
    for (let head = 0; head < headCount; head += 1) {
      const title = headTitles[head] ?? random.pick(department.heads);
      positions.push({ title, department: department.name, level: 2, managerIndex: director });
      heads.push(positions.length - 1);
    }
    for (let person = headCount; person < people; person += 1) {
      positions.push({
        title: random.pick(department.staff),
        department: department.name,
        level: heads.length > 0 ? 3 : 2,
        managerIndex: heads.length > 0 ? (heads[person % heads.length] as number) : director,
      });
    }
  });
  return positions;
}

function weightedSample<T extends { weight: number }>(random: DemoRandom, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) {
    const item = random.weighted(pool.map((value) => ({ value, weight: value.weight })));
    chosen.push(item);
    pool.splice(pool.indexOf(item), 1);
  }
  return chosen;
}
