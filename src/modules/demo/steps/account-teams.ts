import type { Role } from '../../../platform/auth/permissions';
import { newId } from '../../../platform/db/columns';
import { accountTeamMembers, type TeamRole } from '../../accounts';
import { BatchInserter } from '../batch-insert';
import type { DemoAccount, DemoStep, DemoUser } from '../demo-context';
import type { DemoRandom } from '../random';

const teamSizes = [
  { value: 1, weight: 45 },
  { value: 2, weight: 38 },
  { value: 3, weight: 17 },
];

/** The part a member of each workspace role plays on an account's team. */
function teamRoleOf(random: DemoRandom, role: Role): TeamRole {
  switch (role) {
    case 'head':
    case 'admin':
      return 'executive_sponsor';
    case 'manager':
      return 'manager';
    case 'finance':
      return 'finance';
    default:
      return random.chance(0.75) ? 'specialist' : 'support';
  }
}

/**
 * One to three of our people besides the owner: specialists and finance mostly, another manager
 * now and then, and the head of KAM as executive sponsor of key accounts.
 */
function chooseTeam(random: DemoRandom, account: DemoAccount, byRole: Map<Role, DemoUser[]>): DemoUser[] {
  const available = (role: Role) => (byRole.get(role) ?? []).filter((user) => user.id !== account.ownerId);
  const team: DemoUser[] = [];
  const add = (role: Role) => {
    const candidates = available(role).filter((user) => !team.includes(user));
    if (candidates.length > 0) team.push(random.pick(candidates));
  };
  if (account.status === 'key') add('head');
  const size = random.weighted(teamSizes);
  for (let attempt = 0; team.length < size && attempt < 6; attempt += 1) {
    add(
      random.weighted([
        { value: 'specialist', weight: 55 },
        { value: 'finance', weight: 25 },
        { value: 'manager', weight: 15 },
        { value: 'head', weight: 5 },
      ] as const),
    );
  }
  return team;
}

export const accountTeamsStep: DemoStep = {
  name: 'account-teams',
  async run(ctx, random) {
    const byRole = new Map<Role, DemoUser[]>();
    for (const user of ctx.users) byRole.set(user.role, [...(byRole.get(user.role) ?? []), user]);
    const inserter = new BatchInserter(ctx.db, accountTeamMembers);
    for (const account of ctx.accounts) {
      const team = chooseTeam(random, account, byRole);
      ctx.accountTeams.set(
        account.id,
        team.map((member) => member.id),
      );
      for (const member of team) {
        await inserter.add({
          workspaceId: ctx.workspace.id,
          id: newId(),
          accountId: account.id,
          userId: member.id,
          role: teamRoleOf(random, member.role),
          createdAt: account.createdAt,
          updatedAt: account.createdAt,
        });
      }
    }
    await inserter.finish();
  },
};
