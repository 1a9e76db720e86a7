import { and, asc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { defaultAdminEmail } from '../bootstrap';
import { createApiToken } from '../modules/auth';
import { generateDemoWorkspace } from '../modules/demo';
import { createUser, findUserByEmail, passwordSchema, users } from '../modules/users';
import { memberships, roleSchema, workspaces } from '../modules/workspaces';
import { roles } from '../platform/auth/permissions';
import { generateSecret } from '../platform/auth/tokens';
import { loadConfig } from '../platform/config';
import { asSystem, inWorkspace } from '../platform/db/client';
import { createLogger } from '../platform/logger';
import { connectDatabase, disconnectDatabase } from '../server';
import { withDatabase } from './database';

/** A usage error: printed without a stack trace. */
export class CommandError extends Error {}

function parseOption<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CommandError(`--${name}: ${parsed.error.issues[0]?.message ?? 'invalid value'}`);
  return parsed.data;
}

export async function migrateCommand(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const connection = await connectDatabase(config, logger, { attachIfRunning: true });
  await disconnectDatabase(connection);
  process.stdout.write('Migrations are up to date.\n');
}

export async function demoCommand(options: {
  scale: string;
  locale: string;
  seed: string;
  adminEmail?: string;
  memberPassword?: string;
}) {
  const scale = parseOption(z.coerce.number().positive().max(1000), options.scale, 'scale');
  const locale = parseOption(z.enum(['ru', 'en']), options.locale, 'locale');
  const seed = parseOption(z.coerce.number().int(), options.seed, 'seed');
  const memberPassword = parseOption(passwordSchema.optional(), options.memberPassword, 'member-password');
  await withDatabase(async (db) => {
    const email = options.adminEmail ?? loadConfig().adminEmail ?? defaultAdminEmail;
    const admin = await findUserByEmail(db, email);
    if (!admin)
      throw new CommandError(`No user ${email}: create one with \`accord user create\` or pass --admin-email.`);
    const started = performance.now();
    const workspace = await asSystem(db, { userId: admin.id }, (tx) =>
      generateDemoWorkspace(tx, { adminUserId: admin.id, scale, locale, seed, now: new Date(), memberPassword }),
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `Demo workspace "${workspace.name}" (${workspace.id}) created in ${seconds} s for ${email}.\n`,
    );
    if (memberPassword) {
      const members = await db
        .selectDistinctOn([memberships.role], { role: memberships.role, email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.workspaceId, workspace.id), ne(memberships.role, 'admin')))
        .orderBy(memberships.role, users.email);
      const examples = members.map((member) => `    ${member.role}: ${member.email}`).join('\n');
      process.stdout.write(`Members sign in with the given password, for example:\n${examples}\n`);
    }
  });
}

export async function createUserCommand(options: {
  email: string;
  name: string;
  password?: string;
  locale: string;
  workspace?: string;
  role: string;
}) {
  const role = parseOption(roleSchema, options.role, 'role');
  const chosenWorkspace = options.workspace ? parseOption(z.uuid(), options.workspace, 'workspace') : undefined;
  const password = options.password ?? generateSecret().slice(0, 20);
  await withDatabase(async (db) => {
    const workspaceId = chosenWorkspace ?? (await firstWorkspaceId(db));
    if (chosenWorkspace) {
      const [found] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, chosenWorkspace));
      if (!found) throw new CommandError(`--workspace: there is no workspace ${chosenWorkspace}.`);
    }
    await asSystem(db, { workspaceId }, async (tx) => {
      const user = await createUser(tx, {
        email: options.email,
        name: options.name,
        password,
        locale: options.locale === 'en' ? 'en' : 'ru',
      });
      if (workspaceId) await tx.insert(memberships).values({ workspaceId, userId: user.id, role });
      process.stdout.write(
        `User ${user.email} created${workspaceId ? ` as ${role} of workspace ${workspaceId}` : ''}.\n`,
      );
      if (!options.password) process.stdout.write(`Password (shown once): ${password}\n`);
    });
  });
}

async function firstWorkspaceId(db: Parameters<Parameters<typeof withDatabase>[0]>[0]): Promise<string | undefined> {
  const [first] = await db.select({ id: workspaces.id }).from(workspaces).orderBy(asc(workspaces.createdAt)).limit(1);
  return first?.id;
}

export async function createTokenCommand(options: {
  email: string;
  workspace?: string;
  name: string;
  expiresDays?: string;
}) {
  const expiresInDays = options.expiresDays
    ? parseOption(z.coerce.number().int().min(1).max(3650), options.expiresDays, 'expires-days')
    : undefined;
  if (options.workspace) parseOption(z.uuid(), options.workspace, 'workspace');
  await withDatabase(async (db) => {
    const user = await findUserByEmail(db, options.email);
    if (!user) throw new CommandError(`No user ${options.email}.`);
    const [membership] = await db
      .select({ workspaceId: memberships.workspaceId, role: memberships.role })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, user.id),
          options.workspace ? eq(memberships.workspaceId, options.workspace) : undefined,
        ),
      )
      .orderBy(asc(memberships.createdAt))
      .limit(1);
    if (!membership)
      throw new CommandError(`${options.email} is not a member of ${options.workspace ?? 'any workspace'}.`);
    const actor = { userId: user.id, workspaceId: membership.workspaceId, role: roleSchema.parse(membership.role) };
    const { token } = await inWorkspace(db, actor, (tx) =>
      createApiToken({ db: tx, actor, now: new Date() }, { name: options.name, expiresInDays }),
    );
    process.stdout.write(`${token}\n`);
    process.stderr.write(
      `API token for ${options.email} in workspace ${membership.workspaceId} (shown once). Use: Authorization: Bearer <token>\n`,
    );
  });
}

export const roleChoices = roles.join(', ');
