export { createInteraction } from './change-interaction';
export type { Interaction } from './get-interaction';
export { interactionRoutes } from './interaction-routes';
export { listInteractions } from './list-interactions';
export { stampRestoredMap } from './map-revision';
export { relationshipRoutes } from './routes';
export {
  calendarFeeds,
  interactionContacts,
  interactions,
  interactionUsers,
  relationshipCoverage,
  relationshipSettings,
  stakeholderLinks,
  stakeholders,
} from './schema';
export * from './schemas';
export { readRelationshipStrengths, relationshipStrengthFact } from './strength-fact';
