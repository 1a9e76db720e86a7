export { accountCareRoutes } from './account-care-routes';
export { loyaltyDiscountForProject } from './loyalty';
export { loyaltyRoutes } from './loyalty-routes';
export { clientCareRoutes } from './routes';
export { accountLosses, clientFeedback, loyaltyTiers, surveyResults } from './schema';
export * from './schemas';
