export { clientCareRoutes } from './routes';
export { clientFeedback } from './schema';
export * from './schemas';
