export { checkCustomValue, listDefinitions, resolveCustomValues } from './custom-values';
export { type CustomFieldDefinition, createCustomField } from './definitions';
export { customFieldRoutes } from './routes';
export { customFieldDefinitions } from './schema';
export * from './schemas';
