export { auditRoutes } from './routes';
export { auditLog } from './schema';
