// NOTE: the words of the relationship map (DOMAIN.md §2), shared by the pure rules, the API's
// schemas and the web app. Order matters where it is a scale: weakest first.

export const buyingRoles = [
  'decision_maker',
  'economic_buyer',
  'technical_buyer',
  'user',
  'influencer',
  'gatekeeper',
  'champion',
] as const;
export type BuyingRole = (typeof buyingRoles)[number];

/** Where a stakeholder stands towards us, from against to for. */
export const supportLevels = ['enemy', 'non_supporter', 'neutral', 'supporter', 'mentor'] as const;
export type SupportLevel = (typeof supportLevels)[number];

export const influenceLevels = ['low', 'medium', 'high'] as const;
export type InfluenceLevel = (typeof influenceLevels)[number];

export const decisionOrientations = ['financial', 'technical', 'relationship', 'business'] as const;
export type DecisionOrientation = (typeof decisionOrientations)[number];

/** How the stakeholder sees the one of our people who owns the relationship, lowest first. */
export const relationshipLevels = ['vendor', 'credible_source', 'problem_solver', 'trusted_advisor'] as const;
export type RelationshipLevel = (typeof relationshipLevels)[number];

/** Dotted lines between people besides reporting: one influences the other, or they are in conflict. */
export const linkKinds = ['influences', 'in_conflict_with'] as const;
export type LinkKind = (typeof linkKinds)[number];

export const interactionKinds = [
  'meeting',
  'negotiation',
  'presentation',
  'call',
  'email',
  'messenger',
  'note',
] as const;
export type InteractionKind = (typeof interactionKinds)[number];

export const interactionStatuses = ['planned', 'held'] as const;
export type InteractionStatus = (typeof interactionStatuses)[number];

/** The gaps in our coverage that Accord points out, most serious first. */
export const gapKinds = [
  'decision_maker_unknown',
  'hostile_high_influence',
  'key_player_without_owner',
  'key_player_not_contacted',
  'single_threaded',
  'target_without_plan',
] as const;
export type GapKind = (typeof gapKinds)[number];

/** Days without a held interaction after which a stakeholder counts as not contacted (a workspace setting). */
export const defaultStaleAfterDays = 60;
export const maxStaleAfterDays = 730;

export function levelRank(level: RelationshipLevel): number {
  return relationshipLevels.indexOf(level);
}
