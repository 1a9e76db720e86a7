import { eq } from 'drizzle-orm';
import { hashPassword } from '../../../platform/auth/password';
import type { Role } from '../../../platform/auth/permissions';
import { generateSecret } from '../../../platform/auth/tokens';
import { newId } from '../../../platform/db/columns';
import { users } from '../../users';
import { memberships } from '../../workspaces';
import { insertAll } from '../batch-insert';
import type { DemoContext, DemoStep, DemoUser } from '../demo-context';
import { mailboxOf, makePersonName } from '../people';

/** How many people of each role (besides the admin) a workspace of this scale has. */
export function membersByRole(scale: number): Record<Exclude<Role, 'admin'>, number> {
  return {
    head: Math.max(1, Math.round(scale / 5)),
    // NOTE: about 50 accounts per manager, as in a real KAM team.
    manager: Math.max(2, Math.round(4 * scale)),
    specialist: Math.max(1, Math.round(2 * scale)),
    finance: Math.max(1, Math.round(scale)),
    viewer: Math.max(1, Math.round(scale / 10)),
  };
}

/**
 * E-mail addresses are unique across the whole installation, so every demo workspace gets its
 * own mail domain, taken from the (random) end of the workspace id.
 */
function mailDomainOf(ctx: DemoContext): string {
  return `demo-${ctx.workspace.id.slice(-8)}.accord.local`;
}

/** The admin who asked for the demo, and a team across every other role. */
export const usersStep: DemoStep = {
  name: 'users',
  async run(ctx, random) {
    const [admin] = await ctx.db.select({ name: users.name }).from(users).where(eq(users.id, ctx.options.adminUserId));
    ctx.users.push({ id: ctx.options.adminUserId, name: admin?.name ?? 'Admin', role: 'admin' });

    // NOTE: hashed once for everyone: argon2id takes ~25 ms a hash, and hundreds of members would add up.
    const passwordHash = await hashPassword(ctx.options.memberPassword ?? generateSecret());
    const domain = mailDomainOf(ctx);
    const mailboxes = new Set<string>();
    const people: (DemoUser & { email: string })[] = [];
    for (const [role, count] of Object.entries(membersByRole(ctx.options.scale)) as [Role, number][]) {
      for (let index = 0; index < count; index += 1) {
        const name = makePersonName(random, ctx.vocabulary);
        const base = mailboxOf(name, 'first.last');
        let mailbox = base;
        for (let suffix = 2; mailboxes.has(mailbox); suffix += 1) mailbox = `${base}${suffix}`;
        mailboxes.add(mailbox);
        people.push({ id: newId(), name: `${name.firstName} ${name.lastName}`, role, email: `${mailbox}@${domain}` });
      }
    }
    await insertAll(
      ctx.db,
      users,
      people.map((person) => ({
        id: person.id,
        email: person.email,
        name: person.name,
        passwordHash,
        locale: ctx.vocabulary.locale,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })),
    );
    await insertAll(
      ctx.db,
      memberships,
      people.map((person) => ({
        workspaceId: ctx.workspace.id,
        id: newId(),
        userId: person.id,
        role: person.role,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })),
    );
    ctx.users.push(...people.map(({ id, name, role }) => ({ id, name, role })));
  },
};
