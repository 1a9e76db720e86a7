export { mayEditPlansOf, type PlanAccount, visiblePlanAccount } from './access';
export { copyPlanForward } from './copy-forward';
export { createPlan } from './create-plan';
export { type ApprovedPlanForExport, approvedPlanForExport } from './export-markdown';
export type { PlanDetail } from './get-plan';
export { actionStatusNames, defaultSections as defaultPlanSections, exportHeadings, threatNames } from './messages';
export { planRoutes } from './routes';
export { savePlan } from './save-plan';
export {
  accountPlans,
  planActions,
  planCompetitors,
  planObjectives,
  planSections,
  planTemplateSections,
  planVersions,
} from './schema';
export * from './schemas';
export { planTemplateRoutes } from './template-routes';
export { approvePlan, submitPlan } from './workflow';
