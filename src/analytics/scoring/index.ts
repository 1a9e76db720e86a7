export * from './model';
export {
  criteriaOf,
  inputOf,
  normaliseInput,
  type PortfolioScore,
  quadrantOf,
  scoreAccount,
  scoreAxis,
  scorePortfolio,
} from './score';
export { type ModelProblem, type ModelProblemCode, modelProblems } from './validate';
