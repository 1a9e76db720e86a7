export { accountCareRoutes } from './account-care-routes';
export { clientCareRoutes } from './routes';
export { accountLosses, clientFeedback, surveyResults } from './schema';
export * from './schemas';
