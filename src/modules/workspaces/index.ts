export { createWorkspace, type Workspace } from './create-workspace';
export {
  type AccountOwnership,
  getMember,
  isMember,
  listMembers,
  type Member,
  type MemberAccess,
  type MemberRemovalPorts,
} from './members';
export { workspaceMessages } from './messages';
export { workspaceRoutes } from './routes';
export { memberships, workspaces } from './schema';
export * from './schemas';
export {
  dateIn,
  getWorkspace,
  updateWorkspace,
  workspaceCurrency,
  workspaceTimeZone,
  workspaceToday,
} from './workspace-settings';
