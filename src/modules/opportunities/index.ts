export { getPipeline, type PipelineStage } from './catalogue';
export { catalogueRoutes } from './catalogue-routes';
export { opportunityRoutes } from './routes';
export {
  buyingCentres,
  enteredActuals,
  offerings,
  opportunities,
  pipelineStages,
  whitespaceCells,
} from './schema';
export * from './schemas';
