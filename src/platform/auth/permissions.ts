export const roles = ['admin', 'head', 'manager', 'specialist', 'finance', 'viewer'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  'workspace:manage',
  'workspace:backup',
  'members:read',
  'accounts:read',
  'accounts:read-all',
  'accounts:write',
  'accounts:delete',
  'contacts:read',
  'contacts:write',
  'contacts:delete',
  'relationships:read',
  'relationships:write',
  'interactions:write',
  'audit:read',
  'api-tokens:own',
  'portfolio:read',
  'portfolio:rate',
  'portfolio:manage',
  'imports:run',
  'kpis:read',
  'kpis:write',
  'kpis:triage',
  'kpis:manage',
  'finance:read',
  'finance:read-all',
  'finance:write',
  'delivery:read',
  'delivery:write',
  'delivery:manage',
  'estimates:read',
  'estimates:write',
  'plans:read',
  'plans:write',
  'plans:approve',
  'plans:manage',
] as const;
export type Permission = (typeof permissions)[number];

const everyone: Permission[] = [
  'members:read',
  'accounts:read',
  'contacts:read',
  'relationships:read',
  'api-tokens:own',
  'portfolio:read',
  'kpis:read',
  'delivery:read',
  'plans:read',
];
// NOTE: specialists work on the accounts they are assigned to (owner or account team) and see
// only those; everyone else reads the whole workspace. On those accounts a specialist logs the
// interactions they take part in.
const wholeWorkspace: Permission[] = [...everyone, 'accounts:read-all', 'estimates:read'];
// NOTE: `kpis:write` loads series, points and targets; `kpis:triage` acknowledges findings and turns
// them into follow-ups (specialists too, on their accounts); `kpis:manage` edits the metric catalogue.
// NOTE: `portfolio:rate` covers rating and nominating the accounts one owns or is on the team of;
// `portfolio:manage` (the scoring model, approving designations, reviews) any account.
const editors: Permission[] = [
  ...wholeWorkspace,
  'accounts:write',
  'contacts:write',
  'contacts:delete',
  'relationships:write',
  'interactions:write',
  'portfolio:rate',
  'imports:run',
  'kpis:write',
  'kpis:triage',
  'delivery:write',
  'estimates:write',
  'plans:write',
];

// NOTE: delivery (decision 0016): everyone reads it, but a specialist sees only the tasks given to
// them or their department and the projects those tasks belong to, and never an estimate or a budget
// (`estimates:read` comes with reading the whole workspace). Managers run projects, tasks and
// estimates (`delivery:write`, `estimates:write`); heads and admins also keep the departments,
// capacities, project types, price list and the acceptance window (`delivery:manage`).
// NOTE: `plans:write` edits the plans of the accounts one owns or is on the team of, in draft;
// `plans:approve` approves or returns any plan and edits any; `plans:manage` edits the template.
// NOTE: money is not for everyone (docs/decisions/0014-finance.md): finance and admin write it;
// heads and viewers read the whole workspace's; managers read only the accounts they own or are
// on the team of (`finance:read` without `finance:read-all`); specialists see none of it.
const financeReaders: Permission[] = ['finance:read', 'finance:read-all'];

/** What each role may do. Routes and use cases ask `can(role, permission)`; nothing else decides. */
const grants: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(permissions),
  head: new Set([
    ...editors,
    'accounts:delete',
    'audit:read',
    'portfolio:manage',
    'kpis:manage',
    'delivery:manage',
    ...financeReaders,
    'plans:approve',
    'plans:manage',
  ]),
  manager: new Set([...editors, 'finance:read']),
  specialist: new Set([...everyone, 'interactions:write', 'kpis:triage']),
  finance: new Set([...wholeWorkspace, ...financeReaders, 'finance:write']),
  viewer: new Set([...wholeWorkspace, ...financeReaders]),
};

export function can(role: Role, permission: Permission): boolean {
  return grants[role].has(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return permissions.filter((permission) => can(role, permission));
}

/** Who is acting: the signed-in user in their current workspace, with their role there. */
export type Actor = {
  userId: string;
  workspaceId: string;
  role: Role;
};
