export { defaultPortfolioModel } from './default-model';
export { keyAccountCapGuard } from './key-account-cap';
export { portfolioRoutes } from './routes';
export {
  portfolioDesignations,
  portfolioModels,
  portfolioRatings,
  portfolioReviewEntries,
  portfolioReviews,
} from './schema';
export * from './schemas';
