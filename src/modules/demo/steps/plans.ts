import type { PlanSnapshot } from '../../../analytics/plans';
import { newId } from '../../../platform/db/columns';
import {
  accountPlans,
  defaultPlanSections,
  planActions,
  planObjectives,
  planSections,
  planTemplateSections,
  planVersions,
} from '../../plans';

import { insertAll } from '../batch-insert';
import type { DemoStep } from '../demo-context';

const words = {
  ru: {
    section: (title: string, account: string) => `${title}: что мы знаем о «${account}» и что это значит для нас.`,
    objectives: [
      { title: 'Увеличить выручку по аккаунту', metric: 'Выручка, млн ₽' },
      { title: 'Расширить долю кошелька', metric: 'Доля кошелька, %' },
      { title: 'Выстроить отношения с ЛПР', metric: null },
    ],
    actions: [
      'Провести квартальную встречу с закупками',
      'Запустить пилот в новом подразделении',
      'Подготовить кейс для совета директоров',
    ],
  },
  en: {
    section: (title: string, account: string) => `${title}: what we know about ${account} and what it means for us.`,
    objectives: [
      { title: 'Grow revenue on the account', metric: 'Revenue, USD m' },
      { title: 'Widen our share of wallet', metric: 'Share of wallet, %' },
      { title: 'Build a relationship with the decision makers', metric: null },
    ],
    actions: ['Hold a quarterly business review', 'Run a pilot in a new division', 'Prepare a case for their board'],
  },
};

/**
 * Account plans on the key accounts (DOMAIN §3): last year's approved, with its version kept, and
 * this year's draft started from it with the unfinished actions carried over, partly written.
 */
export const plansStep: DemoStep = {
  name: 'plans',
  async run(ctx, random) {
    const workspaceId = ctx.workspace.id;
    const text = words[ctx.options.locale];
    const year = ctx.now.getUTCFullYear();
    const stamp = { workspaceId, createdAt: ctx.now, updatedAt: ctx.now };
    const sections = defaultPlanSections.map((section, index) => ({
      ...section,
      ...stamp,
      id: newId(),
      position: index + 1,
    }));
    await insertAll(ctx.db, planTemplateSections, sections);
    const head = ctx.users.find((user) => user.role === 'head') ?? ctx.users[0];
    const plans: (typeof accountPlans.$inferInsert)[] = [];
    const planSectionRows: (typeof planSections.$inferInsert)[] = [];
    const objectiveRows: (typeof planObjectives.$inferInsert)[] = [];
    const actionRows: (typeof planActions.$inferInsert)[] = [];
    const versionRows: (typeof planVersions.$inferInsert)[] = [];
    for (const account of ctx.accounts.filter((candidate) => candidate.status === 'key')) {
      const lastId = newId();
      const thisId = newId();
      plans.push(
        {
          ...stamp,
          id: lastId,
          accountId: account.id,
          periodStart: `${year - 1}-01-01`,
          periodEnd: `${year - 1}-12-31`,
          status: 'approved',
          decidedAt: new Date(Date.UTC(year - 1, 1, 1)),
          decidedById: head?.id,
        },
        {
          ...stamp,
          id: thisId,
          accountId: account.id,
          periodStart: `${year}-01-01`,
          periodEnd: `${year}-12-31`,
          status: 'draft',
          copiedFromId: lastId,
        },
      );
      const snapshot: PlanSnapshot = {
        accountName: account.name,
        periodStart: `${year - 1}-01-01`,
        periodEnd: `${year - 1}-12-31`,
        sections: [],
        competitors: [],
        objectives: [],
      };
      for (const section of sections) {
        const title = ctx.options.locale === 'ru' ? section.titleRu : section.titleEn;
        const body = text.section(title, account.name);
        snapshot.sections.push({ sectionId: section.id, titleEn: section.titleEn, titleRu: section.titleRu, body });
        planSectionRows.push({ ...stamp, id: newId(), planId: lastId, templateSectionId: section.id, body });
        planSectionRows.push({
          ...stamp,
          id: newId(),
          planId: thisId,
          templateSectionId: section.id,
          body: random.chance(0.6) ? body : '',
        });
      }
      for (const [position, objective] of text.objectives.entries()) {
        const baseline = objective.metric ? random.int(10, 100) : null;
        const target = baseline === null ? null : baseline + random.int(5, 30);
        const lastObjective = { id: newId(), title: objective.title, metricName: objective.metric, baseline, target };
        const thisObjective = {
          ...lastObjective,
          id: newId(),
          baseline: target,
          target: target === null ? null : target + random.int(5, 20),
        };
        const actions = text.actions.map((title, index) => ({
          id: newId(),
          title,
          ownerId: account.ownerId,
          dueOn: `${year - 1}-${String(3 * (index + 1)).padStart(2, '0')}-28`,
          status: random.chance(0.6)
            ? ('done' as const)
            : random.chance(0.5)
              ? ('in_progress' as const)
              : ('dropped' as const),
          progress: 0,
        }));
        for (const action of actions) action.progress = action.status === 'done' ? 100 : random.int(0, 80);
        snapshot.objectives.push({
          ...lastObjective,
          metricKey: null,
          periodFrom: null,
          periodTo: null,
          dueOn: null,
          actions,
        });
        objectiveRows.push({ ...stamp, ...lastObjective, planId: lastId, position });
        objectiveRows.push({ ...stamp, ...thisObjective, planId: thisId, position });
        for (const [index, action] of actions.entries()) {
          actionRows.push({ ...stamp, ...action, planId: lastId, objectiveId: lastObjective.id, position: index });
          if (action.status !== 'in_progress') continue;
          actionRows.push({
            ...stamp,
            ...action,
            id: newId(),
            planId: thisId,
            objectiveId: thisObjective.id,
            position: index,
            carriedFromId: action.id,
          });
        }
      }
      versionRows.push({
        ...stamp,
        id: newId(),
        planId: lastId,
        number: 1,
        snapshot,
        approvedAt: new Date(Date.UTC(year - 1, 1, 1)),
        approvedById: head?.id ?? account.ownerId,
      });
    }
    await insertAll(ctx.db, accountPlans, plans);
    await insertAll(ctx.db, planSections, planSectionRows);
    await insertAll(ctx.db, planObjectives, objectiveRows);
    await insertAll(ctx.db, planActions, actionRows);
    await insertAll(ctx.db, planVersions, versionRows);
  },
};
