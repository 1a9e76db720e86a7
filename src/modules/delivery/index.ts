export { estimateRoutes } from './estimate-routes';
export { deliveryRoutes } from './routes';
export {
  deliveryMembers,
  deliverySettings,
  departments,
  estimateLines,
  estimates,
  priceListItems,
  projects,
  projectTypes,
  taskComments,
  tasks,
} from './schema';
export * from './schemas';
export { workRoutes } from './work-routes';
