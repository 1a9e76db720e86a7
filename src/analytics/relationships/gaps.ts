import { freshnessDays, isStale } from './freshness';
import {
  type BuyingRole,
  type GapKind,
  type InfluenceLevel,
  levelRank,
  type RelationshipLevel,
  type SupportLevel,
} from './terms';

/** One of our people owning the relationship with a stakeholder, at a level today and a target. */
export type CoverageState = {
  coverageId: string;
  userId: string;
  currentLevel: RelationshipLevel;
  targetLevel: RelationshipLevel;
};

/** What the gap rules need to know about one stakeholder of an account. */
export type StakeholderState = {
  contactId: string;
  keyPlayer: boolean;
  buyingRole: BuyingRole | null;
  support: SupportLevel | null;
  influence: InfluenceLevel | null;
  /** The latest held interaction with them, or null. */
  lastHeldAt: Date | null;
  /** Whether an interaction with them is planned from now on. */
  hasPlannedInteraction: boolean;
  coverage: readonly CoverageState[];
};

export type Gap = {
  kind: GapKind;
  /** The stakeholder concerned; null for a gap of the whole account (decision maker unknown). */
  contactId: string | null;
  /** Our person concerned (target without a plan), else null. */
  userId: string | null;
  coverageId: string | null;
  /** Days since the last held interaction, for the stakeholder gaps; null when never contacted. */
  days: number | null;
};

export type GapOptions = { now: Date; staleAfterDays: number };

const hostileSupport: ReadonlySet<SupportLevel | null> = new Set(['enemy', 'non_supporter']);

/**
 * Whether a stakeholder can take part in any gap rule. A caller that cannot afford to load every
 * contact (the workspace-wide list) may pass only these: the result is the same.
 */
export function mattersForGaps(stakeholder: StakeholderState): boolean {
  return (
    stakeholder.keyPlayer ||
    stakeholder.buyingRole === 'decision_maker' ||
    stakeholder.coverage.length > 0 ||
    (hostileSupport.has(stakeholder.support) && stakeholder.influence === 'high')
  );
}

/** A live relationship: someone of ours owns it, and it was held within the staleness window. */
export function isLiveRelationship(stakeholder: StakeholderState, options: GapOptions): boolean {
  return (
    stakeholder.coverage.length > 0 &&
    !isStale(freshnessDays(stakeholder.lastHeldAt, options.now), options.staleAfterDays)
  );
}

/** The gaps of one account's coverage, in the order of `gapKinds` (most serious first), rule by rule. */
export function findGaps(stakeholders: readonly StakeholderState[], options: GapOptions): Gap[] {
  const gaps: Gap[] = [];
  const add = (kind: GapKind, stakeholder: StakeholderState | null, extra: Partial<Gap> = {}) =>
    gaps.push({
      kind,
      contactId: stakeholder?.contactId ?? null,
      userId: null,
      coverageId: null,
      days: stakeholder ? freshnessDays(stakeholder.lastHeldAt, options.now) : null,
      ...extra,
    });

  if (!stakeholders.some((stakeholder) => stakeholder.buyingRole === 'decision_maker')) {
    add('decision_maker_unknown', null);
  }
  for (const stakeholder of stakeholders) {
    if (hostileSupport.has(stakeholder.support) && stakeholder.influence === 'high') {
      add('hostile_high_influence', stakeholder);
    }
  }
  for (const stakeholder of stakeholders) {
    if (stakeholder.keyPlayer && stakeholder.coverage.length === 0) add('key_player_without_owner', stakeholder);
  }
  for (const stakeholder of stakeholders) {
    const days = freshnessDays(stakeholder.lastHeldAt, options.now);
    if (stakeholder.keyPlayer && isStale(days, options.staleAfterDays)) add('key_player_not_contacted', stakeholder);
  }
  const live = stakeholders.filter((stakeholder) => isLiveRelationship(stakeholder, options));
  if (live.length === 1) add('single_threaded', live[0] ?? null);
  for (const stakeholder of stakeholders) {
    if (stakeholder.hasPlannedInteraction) continue;
    for (const coverage of stakeholder.coverage) {
      if (levelRank(coverage.targetLevel) > levelRank(coverage.currentLevel)) {
        add('target_without_plan', stakeholder, { userId: coverage.userId, coverageId: coverage.coverageId });
      }
    }
  }
  return gaps;
}
