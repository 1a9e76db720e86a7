import { type AccountInputs, type PortfolioScore, scorePortfolio } from '../../../analytics/scoring';
import { newId } from '../../../platform/db/columns';
import {
  type Criterion,
  defaultPortfolioModel,
  type PortfolioModelDefinition,
  portfolioDesignations,
  portfolioModels,
  portfolioRatings,
  portfolioReviewEntries,
  portfolioReviews,
  type QuadrantCounts,
  scoringModelOf,
} from '../../portfolio';
import { BatchInserter, insertAll } from '../batch-insert';
import { type DemoAccount, type DemoContext, type DemoStep, daysAfter, daysBefore } from '../demo-context';
import type { DemoRandom } from '../random';
import { type PortfolioWords, portfolioWordsFor } from '../vocabulary/portfolio';

/** Where an account stands on each axis, 0–1, before it is turned into ratings. */
type Standing = { potential: number; strength: number };

const clamp = (value: number, least: number, most: number) => Math.min(most, Math.max(least, value));

/**
 * Potential follows the purchasing budget (its rank in the portfolio); strength follows the
 * status: key accounts mostly strong (Strategic, a few Stars), prospects and lost ones weak.
 */
function standingOf(random: DemoRandom, account: DemoAccount, budgetRank: number): Standing {
  const noise = () => (random.next() - 0.5) * 0.2;
  let potential = clamp(0.12 + 0.72 * budgetRank + noise(), 0.02, 0.98);
  const between = (least: number, most: number) => least + random.next() * (most - least);
  let strength: number;
  switch (account.status) {
    case 'key':
      potential = Math.max(potential, between(0.58, 0.95));
      strength = random.chance(0.8) ? between(0.55, 0.95) : between(0.25, 0.45);
      break;
    case 'active':
      strength = between(0.3, 0.8);
      break;
    case 'at_risk':
      strength = between(0.1, 0.45);
      break;
    case 'prospect':
      strength = between(0.02, 0.25);
      break;
    case 'lost':
      potential = clamp(potential - 0.15, 0.02, 0.98);
      strength = between(0.02, 0.2);
      break;
  }
  return { potential, strength };
}

/** A 1–10 rating around a standing, with a person's noise. */
function ratingAround(random: DemoRandom, level: number): number {
  return clamp(Math.round(1 + 9 * (level + (random.next() - 0.5) * 0.25)), 1, 10);
}

/** What the account's owner would rate it on each manual criterion, leaving some unrated. */
function ratingsOf(
  random: DemoRandom,
  account: DemoAccount,
  standing: Standing,
  criteria: readonly Criterion[],
  now: Date,
): Record<string, number> {
  if (account.status !== 'key' && random.chance(0.05)) return {};
  const yearsTogether = (now.getTime() - account.createdAt.getTime()) / (365 * 24 * 3600 * 1000);
  const levels: Record<string, number> = {
    volume_potential: standing.potential,
    profit_potential: clamp(standing.potential + (random.next() - 0.5) * 0.3, 0, 1),
    strategic_fit: clamp(standing.potential + (random.next() - 0.4) * 0.3, 0, 1),
    wallet_headroom: clamp(1 - standing.strength + (random.next() - 0.5) * 0.2, 0, 1),
    ease_of_business: random.next() * 0.6 + 0.3,
    share_of_wallet: standing.strength,
    satisfaction: clamp(standing.strength + 0.1, 0, 1),
    supplier_position: standing.strength,
    track_record: clamp(Math.min(yearsTogether / 5, 1) * 0.6 + standing.strength * 0.4, 0, 1),
  };
  const ratings: Record<string, number> = {};
  for (const criterion of criteria) {
    // NOTE: with a prospect, satisfaction and a track record cannot be judged yet.
    if (account.status === 'prospect' && ['satisfaction', 'track_record'].includes(criterion.key) && random.chance(0.6))
      continue;
    ratings[criterion.key] = ratingAround(random, levels[criterion.key] ?? 0.5);
  }
  const keys = Object.keys(ratings);
  if (account.status !== 'key' && keys.length > 0 && random.chance(0.08)) delete ratings[random.pick(keys)];
  return ratings;
}

function commentFor(random: DemoRandom, words: PortfolioWords, value: number): string | null {
  if (!random.chance(0.25)) return null;
  return random.pick(value >= 8 ? words.comments.high : value >= 4 ? words.comments.middle : words.comments.low);
}

/** Ratings as they were some time ago: key accounts have grown stronger since, accounts at risk weaker. */
function earlierRatings(
  random: DemoRandom,
  account: DemoAccount,
  current: Record<string, number>,
  strengthKeys: ReadonlySet<string>,
  stepsBack: number,
): Record<string, number> {
  const earlier: Record<string, number> = {};
  for (const [key, value] of Object.entries(current)) {
    let drift = random.int(-1, 1);
    if (strengthKeys.has(key) && account.status === 'key') drift = -random.int(0, 1 + stepsBack);
    if (strengthKeys.has(key) && account.status === 'at_risk') drift = random.int(1, 1 + stepsBack);
    if (!strengthKeys.has(key) && account.status === 'key' && random.chance(0.3)) drift = -random.int(1, 2 + stepsBack);
    earlier[key] = clamp(value + drift, 1, 10);
  }
  return earlier;
}

const inputsFor = (ratings: Record<string, number>, contacts: number | undefined): AccountInputs => ({
  ratings,
  facts: contacts ? { 'contacts.count': contacts } : {},
});

/** The raw input of each criterion, by criterion key, as a review keeps it. */
function inputsByCriterion(definition: PortfolioModelDefinition, inputs: AccountInputs): Record<string, number> {
  const byKey: Record<string, number> = {};
  for (const criterion of [...definition.attractiveness, ...definition.strength]) {
    const value =
      criterion.source.kind === 'rating' ? inputs.ratings[criterion.key] : inputs.facts[criterion.source.fact];
    if (value !== undefined) byKey[criterion.key] = value;
  }
  return byKey;
}

/** The second version of the model: more weight on growth potential, after the annual review. */
function revisedModel(model: PortfolioModelDefinition): PortfolioModelDefinition {
  const weights: Record<string, number> = { volume_potential: 35, ease_of_business: 10 };
  return {
    ...model,
    attractiveness: model.attractiveness.map((criterion) => ({
      ...criterion,
      weight: weights[criterion.key] ?? criterion.weight,
    })),
  };
}

type Scored = { account: DemoAccount; score: PortfolioScore; inputs: AccountInputs };

/**
 * The portfolio: the scoring model (two versions), every account rated by its owner (some
 * criteria left unrated), key-account nominations (approved ones for the key accounts, some
 * pending, rejected, a demotion) and two past reviews, a year and half a year ago, whose
 * snapshots show accounts moving between quadrants.
 */
export const portfolioStep: DemoStep = {
  name: 'portfolio',
  async run(ctx, random) {
    const words = portfolioWordsFor(ctx.vocabulary.locale);
    const heads = ctx.users.filter((user) => user.role === 'head');
    const workspaceId = ctx.workspace.id;
    const firstModel = defaultPortfolioModel(new Set(['contacts.count']));
    const currentModel = revisedModel(firstModel);
    const modelDates = [daysBefore(ctx.now, 400), daysBefore(ctx.now, 200)];
    await insertAll(
      ctx.db,
      portfolioModels,
      [firstModel, currentModel].map((definition, index) => ({
        workspaceId,
        id: newId(),
        number: index + 1,
        definition,
        note: index === 0 ? null : words.modelNote,
        createdBy: random.pick(heads).id,
        createdAt: modelDates[index] as Date,
        updatedAt: modelDates[index] as Date,
      })),
    );

    const ratingCriteria = [...currentModel.attractiveness, ...currentModel.strength].filter(
      (criterion) => criterion.source.kind === 'rating',
    );
    const strengthKeys = new Set(currentModel.strength.map((criterion) => criterion.key));
    const byBudget = [...ctx.accounts].sort((a, b) => a.budget - b.budget);
    const budgetRank = new Map(
      byBudget.map((account, index) => [account.id, index / Math.max(1, byBudget.length - 1)]),
    );
    const contactsByAccount = (until: Date) => {
      const counts = new Map<string, number>();
      for (const contact of ctx.contacts) {
        if (contact.createdAt <= until) counts.set(contact.accountId, (counts.get(contact.accountId) ?? 0) + 1);
      }
      return counts;
    };

    const ratingInserter = new BatchInserter(ctx.db, portfolioRatings);
    const current = new Map<string, Record<string, number>>();
    for (const account of ctx.accounts) {
      const ratings = ratingsOf(
        random,
        account,
        standingOf(random, account, budgetRank.get(account.id) ?? 0.5),
        ratingCriteria,
        ctx.now,
      );
      current.set(account.id, ratings);
      const ratedAt = random.dateBetween(daysBefore(ctx.now, 150), daysBefore(ctx.now, 3));
      for (const [criterion, value] of Object.entries(ratings)) {
        await ratingInserter.add({
          workspaceId,
          id: newId(),
          accountId: account.id,
          criterion,
          value,
          comment: commentFor(random, words, value),
          ratedBy: account.ownerId,
          createdAt: ratedAt,
          updatedAt: ratedAt,
        });
      }
    }
    await ratingInserter.finish();

    const score = (model: PortfolioModelDefinition, inputs: AccountInputs[]) =>
      scorePortfolio(scoringModelOf(model), inputs);
    const contactsNow = contactsByAccount(ctx.now);
    const nowInputs = ctx.accounts.map((account) =>
      inputsFor(current.get(account.id) ?? {}, contactsNow.get(account.id)),
    );
    const nowScores = score(currentModel, nowInputs);
    const scored: Scored[] = ctx.accounts.map((account, index) => ({
      account,
      score: nowScores[index] as PortfolioScore,
      inputs: nowInputs[index] as AccountInputs,
    }));

    await addReviews(ctx, random, words, { firstModel, currentModel, current, strengthKeys, contactsByAccount, score });
    await addDesignations(ctx, random, words, scored, currentModel);
  },
};

type ReviewMaterial = {
  firstModel: PortfolioModelDefinition;
  currentModel: PortfolioModelDefinition;
  current: Map<string, Record<string, number>>;
  strengthKeys: ReadonlySet<string>;
  contactsByAccount: (until: Date) => Map<string, number>;
  score: (model: PortfolioModelDefinition, inputs: AccountInputs[]) => PortfolioScore[];
};

/** A review a year ago (first model) and one half a year ago (revised model), from drifted ratings. */
async function addReviews(ctx: DemoContext, random: DemoRandom, words: PortfolioWords, material: ReviewMaterial) {
  const heads = ctx.users.filter((user) => user.role === 'head');
  const plans = [
    { heldAt: daysBefore(ctx.now, 365), model: material.firstModel, number: 1, stepsBack: 2, annual: true },
    { heldAt: daysBefore(ctx.now, 182), model: material.currentModel, number: 2, stepsBack: 1, annual: false },
  ];
  const entries = new BatchInserter(ctx.db, portfolioReviewEntries);
  for (const plan of plans) {
    const accounts = ctx.accounts.filter((account) => account.createdAt <= plan.heldAt);
    const contacts = material.contactsByAccount(plan.heldAt);
    const inputs = accounts.map((account) =>
      inputsFor(
        earlierRatings(random, account, material.current.get(account.id) ?? {}, material.strengthKeys, plan.stepsBack),
        contacts.get(account.id),
      ),
    );
    const scores = material.score(plan.model, inputs);
    const counts: QuadrantCounts = { strategic: 0, star: 0, status: 0, streamline: 0, unscored: 0 };
    for (const score of scores) counts[score.quadrant ?? 'unscored'] += 1;
    const reviewId = newId();
    const year = plan.heldAt.getUTCFullYear();
    await insertAll(ctx.db, portfolioReviews, [
      {
        workspaceId: ctx.workspace.id,
        id: reviewId,
        name: plan.annual ? words.reviewNames.annual(year) : words.reviewNames.halfYear(year),
        notes: random.pick(words.reviewNotes),
        heldAt: plan.heldAt,
        heldBy: random.pick(heads).id,
        modelNumber: plan.number,
        accountCount: accounts.length,
        counts,
        createdAt: plan.heldAt,
        updatedAt: plan.heldAt,
      },
    ]);
    for (const [index, account] of accounts.entries()) {
      const score = scores[index] as PortfolioScore;
      await entries.add({
        workspaceId: ctx.workspace.id,
        reviewId,
        accountId: account.id,
        accountName: account.name,
        ownerId: account.ownerId,
        status: account.status,
        attractiveness: score.attractiveness,
        strength: score.strength,
        quadrant: score.quadrant,
        complete: score.complete,
        inputs: inputsByCriterion(plan.model, inputs[index] as AccountInputs),
      });
    }
  }
  await entries.finish();
}

/**
 * An approved nomination behind every key account; pending ones for attractive accounts (and one
 * resting on tenure, which the head is warned about); a few rejected; a demotion of an account
 * now at risk.
 */
async function addDesignations(
  ctx: DemoContext,
  random: DemoRandom,
  words: PortfolioWords,
  scored: readonly Scored[],
  model: PortfolioModelDefinition,
) {
  const heads = ctx.users.filter((user) => user.role === 'head');
  const threshold = model.thresholds.attractiveness;
  const keyCount = scored.filter(({ account }) => account.status === 'key').length;
  const rows: (typeof portfolioDesignations.$inferInsert)[] = [];
  const designate = (
    item: Scored,
    options: {
      kind?: 'nomination' | 'demotion';
      status: 'pending' | 'approved' | 'rejected';
      requestedAt: Date;
      justification: string;
      decision?: string | null;
      previousStatus: string;
      newStatus?: string | null;
    },
  ) => {
    const attractiveness = item.score.attractiveness;
    const warnings: string[] = [];
    if (options.kind !== 'demotion') {
      if (attractiveness === null) warnings.push('attractiveness_unknown');
      else if (attractiveness < threshold) warnings.push('low_attractiveness');
      if (attractiveness !== null && item.score.missing.some((key) => model.attractiveness.some((c) => c.key === key)))
        warnings.push('attractiveness_incomplete');
      if (options.status === 'pending' && keyCount >= model.keyAccountCap) warnings.push('cap_reached');
    }
    const decided = options.status !== 'pending';
    // NOTE: a demotion is decided when it is made; a nomination waits a few days for the head.
    const decidedAt = !decided
      ? null
      : options.kind === 'demotion'
        ? options.requestedAt
        : daysAfter(options.requestedAt, random.int(1, 10));
    rows.push({
      workspaceId: ctx.workspace.id,
      id: newId(),
      accountId: item.account.id,
      kind: options.kind ?? 'nomination',
      status: options.status,
      justification: options.justification,
      requestedBy: options.kind === 'demotion' ? random.pick(heads).id : item.account.ownerId,
      decidedBy: decided ? random.pick(heads).id : null,
      decidedAt: decidedAt && decidedAt > ctx.now ? ctx.now : decidedAt,
      decisionComment: options.decision ?? null,
      attractiveness: options.kind === 'demotion' ? null : attractiveness,
      attractivenessThreshold: options.kind === 'demotion' ? null : threshold,
      warnings,
      previousStatus: options.previousStatus,
      newStatus: options.newStatus ?? null,
      createdAt: options.requestedAt,
      updatedAt: decidedAt ?? options.requestedAt,
      version: decided ? 2 : 1,
    });
  };

  for (const item of scored.filter(({ account }) => account.status === 'key')) {
    const earliest = new Date(
      Math.max(daysAfter(item.account.createdAt, 30).getTime(), daysBefore(ctx.now, 900).getTime()),
    );
    designate(item, {
      status: 'approved',
      requestedAt: random.dateBetween(earliest, daysBefore(ctx.now, 30)),
      justification: random.pick(words.justifications),
      decision: random.pick(words.approvals),
      previousStatus: 'active',
      newStatus: 'key',
    });
  }

  const active = scored.filter(({ account }) => account.status === 'active');
  const attractive = active
    .filter(({ score }) => (score.attractiveness ?? 0) >= threshold)
    .sort((a, b) => (b.score.attractiveness ?? 0) - (a.score.attractiveness ?? 0));
  const pendingCount = clamp(Math.round(scored.length * 0.015), 2, 10);
  const nominated = new Set<string>();
  for (const item of attractive.slice(0, pendingCount)) {
    nominated.add(item.account.id);
    designate(item, {
      status: 'pending',
      requestedAt: random.dateBetween(daysBefore(ctx.now, 20), daysBefore(ctx.now, 1)),
      justification: random.pick(words.justifications),
      previousStatus: 'active',
    });
  }
  const unattractive = active.filter(
    ({ account, score }) =>
      !nominated.has(account.id) && score.attractiveness !== null && score.attractiveness < threshold,
  );
  const [tenure, ...others] = random.sample(unattractive, 3);
  if (tenure) {
    designate(tenure, {
      status: 'pending',
      requestedAt: daysBefore(ctx.now, random.int(2, 6)),
      justification: words.tenureJustification,
      previousStatus: 'active',
    });
  }
  for (const item of others) {
    designate(item, {
      status: 'rejected',
      requestedAt: random.dateBetween(daysBefore(ctx.now, 200), daysBefore(ctx.now, 30)),
      justification: words.tenureJustification,
      decision: random.pick(words.rejections),
      previousStatus: 'active',
    });
  }
  // NOTE: a long-standing account now at risk was key once, and was demoted a few months ago.
  const longStanding = scored.filter(
    ({ account }) => account.status === 'at_risk' && account.createdAt < daysBefore(ctx.now, 450),
  );
  for (const item of random.sample(longStanding, Math.max(1, Math.round(scored.length / 400)))) {
    const earliest = new Date(
      Math.max(daysAfter(item.account.createdAt, 30).getTime(), daysBefore(ctx.now, 900).getTime()),
    );
    designate(item, {
      status: 'approved',
      requestedAt: random.dateBetween(earliest, daysBefore(ctx.now, 400)),
      justification: random.pick(words.justifications),
      decision: random.pick(words.approvals),
      previousStatus: 'active',
      newStatus: 'key',
    });
    designate(item, {
      kind: 'demotion',
      status: 'approved',
      requestedAt: random.dateBetween(daysBefore(ctx.now, 120), daysBefore(ctx.now, 20)),
      justification: random.pick(words.demotions),
      previousStatus: 'key',
      newStatus: 'at_risk',
    });
  }
  await insertAll(ctx.db, portfolioDesignations, rows);
}
