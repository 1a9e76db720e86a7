import { newId } from '../../../platform/db/columns';
import { type AccountStatus, accounts, domainOf } from '../../accounts';
import { BatchInserter } from '../batch-insert';
import { customValuesFor, type DemoAccount, type DemoContext, type DemoStep, daysBefore } from '../demo-context';
import { type CompanyPlan, planPortfolio } from '../portfolio';
import type { DemoRandom } from '../random';

/** How long ago accounts of each status were added, in days: [least, most]. */
const ageByStatus: Record<AccountStatus, readonly [number, number]> = {
  prospect: [3, 240],
  active: [60, 1500],
  key: [300, 2000],
  at_risk: [150, 1500],
  lost: [300, 1800],
};

const tagCounts = [
  { value: 0, weight: 40 },
  { value: 1, weight: 35 },
  { value: 2, weight: 18 },
  { value: 3, weight: 7 },
];

/** About 200 accounts per unit of scale. */
export function accountCount(scale: number): number {
  return Math.max(1, Math.round(200 * scale));
}

/**
 * Who owns each account: managers (some carry more than others), the head of KAM for a few key
 * accounts; a subsidiary usually stays with its group's owner.
 */
function assignOwners(ctx: DemoContext, random: DemoRandom, plans: readonly CompanyPlan[]): string[] {
  const managers = ctx.users
    .filter((user) => user.role === 'manager')
    .map((user) => ({ value: user.id, weight: random.int(6, 14) }));
  const heads = ctx.users.filter((user) => user.role === 'head').map((user) => user.id);
  if (managers.length === 0 || heads.length === 0) throw new Error('The demo users step makes managers and heads');
  const owners: string[] = [];
  for (const plan of plans) {
    const parentOwner = plan.parentIndex === null ? undefined : owners[plan.parentIndex];
    if (parentOwner && random.chance(0.7)) owners.push(parentOwner);
    else if (random.chance(plan.status === 'key' ? 0.2 : 0.03)) owners.push(random.pick(heads));
    else owners.push(random.weighted(managers));
  }
  return owners;
}

function websiteOf(random: DemoRandom, plan: CompanyPlan): string | null {
  if (!plan.domain || !random.chance(0.93)) return null;
  return `https://${random.chance(0.15) ? 'www.' : ''}${plan.domain}`;
}

/** The portfolio: companies, holdings with subsidiaries, owners, statuses and custom values. */
export const accountsStep: DemoStep = {
  name: 'accounts',
  async run(ctx, random) {
    const plans = planPortfolio(random, ctx.vocabulary, accountCount(ctx.options.scale));
    const owners = assignOwners(ctx, random, plans);
    const ids = plans.map(() => newId());
    const inserter = new BatchInserter(ctx.db, accounts);
    for (const [index, plan] of plans.entries()) {
      const [least, most] = ageByStatus[plan.status];
      const createdAt = random.dateBetween(daysBefore(ctx.now, most), daysBefore(ctx.now, least));
      const updatedAt = random.dateBetween(
        new Date(Math.max(createdAt.getTime(), daysBefore(ctx.now, 150).getTime())),
        ctx.now,
      );
      const account: DemoAccount = {
        id: ids[index] as string,
        name: plan.name,
        status: plan.status,
        ownerId: owners[index] as string,
        parentId: plan.parentIndex === null ? null : (ids[plan.parentIndex] as string),
        industry: plan.industry,
        region: plan.region,
        size: plan.size,
        budget: plan.budget,
        currency: plan.currency,
        emailDomain: plan.domain,
        soleTrader: plan.soleTrader,
        createdAt,
      };
      const website = websiteOf(random, plan);
      const notes = random.chance(0.35) ? random.sample(ctx.vocabulary.accountNotes, random.int(1, 2)).join(' ') : null;
      await inserter.add({
        workspaceId: ctx.workspace.id,
        id: account.id,
        name: plan.name,
        legalName: plan.legalName,
        // NOTE: a prospect's tax id is often not known yet.
        taxId: plan.status === 'prospect' && random.chance(0.3) ? null : plan.taxId,
        website,
        domain: website ? domainOf(website) : null,
        industry: plan.industry.name,
        segment: plan.segment,
        status: plan.status,
        ownerId: account.ownerId,
        parentId: account.parentId,
        currency: plan.currency,
        tags: random.sample(ctx.vocabulary.tags, random.weighted(tagCounts)),
        custom: customValuesFor(ctx.customFields.account, account, random),
        notes,
        createdAt,
        updatedAt,
      });
      ctx.accounts.push(account);
    }
    await inserter.finish();
  },
};
