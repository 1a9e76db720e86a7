export { createApiToken, memberAccess } from './api-tokens';
export { authenticate } from './authenticate';
export { authRoutes } from './routes';
export { apiTokens, loginFailures, sessions } from './schema';
export * from './schemas';
export { sessionCookieName } from './sessions';
