export { overdueTasksSeries } from './derived-series';
export { estimateRoutes } from './estimate-routes';
export { overdueTasksFact } from './facts';
export { reportRoutes } from './report-routes';
export { reportDueDates } from './report-rules';
export { requestRoutes } from './request-routes';
export { defaultBriefTemplates } from './request-rules';
export { deliveryRoutes } from './routes';
export {
  briefTemplates,
  clientReports,
  clientRequests,
  deliveryMembers,
  deliverySettings,
  departments,
  estimateLines,
  estimates,
  priceListItems,
  projects,
  projectTypes,
  reportSchedules,
  taskComments,
  tasks,
} from './schema';
export * from './schemas';
export { workRoutes } from './work-routes';
