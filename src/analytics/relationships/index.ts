export { freshnessDays, isStale, lastHeldAt } from './freshness';
export {
  type CoverageState,
  findGaps,
  type Gap,
  type GapOptions,
  isLiveRelationship,
  mattersForGaps,
  type StakeholderState,
} from './gaps';
export {
  apportion,
  freshnessValue,
  relationshipStrength,
  type StrengthContribution,
  type StrengthExplanation,
  type StrengthFactor,
  type StrengthMember,
  strengthFactors,
} from './strength';
export * from './terms';
