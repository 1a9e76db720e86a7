export { type AccountDetail, getAccount } from './get-account';
export { accountOwnership } from './ownership';
export { accountRoutes } from './routes';
export { accounts, accountTeamMembers } from './schema';
export * from './schemas';
export { completeInn, isValidInn } from './tax-id';
export { visibleAccountIds, visibleAccounts } from './visibility';
export { domainOf } from './website';
