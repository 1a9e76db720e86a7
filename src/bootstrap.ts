import { count, sql } from 'drizzle-orm';
import { generateDemoWorkspace } from './modules/demo';
import { createUser, users } from './modules/users';
import { createWorkspace } from './modules/workspaces';
import { generateSecret } from './platform/auth/tokens';
import { asSystem } from './platform/db/client';
import type { AppDependencies } from './platform/http/context';

export const defaultAdminEmail = 'admin@accord.local';

/**
 * On the first start (no users yet) creates the admin and a workspace — the demo workspace
 * unless ACCORD_DEMO=0 — and prints the admin's password once when it was generated.
 */
export async function bootstrapFirstStart(deps: AppDependencies): Promise<void> {
  const { config, logger } = deps;
  const created = await asSystem(deps.db, {}, async (tx) => {
    // NOTE: two processes starting on one external database must not both bootstrap.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('accord:bootstrap'))`);
    const [existing] = await tx.select({ users: count() }).from(users);
    if ((existing?.users ?? 0) > 0) return undefined;
    const email = config.adminEmail ?? defaultAdminEmail;
    const password = config.adminPassword ?? generateSecret().slice(0, 20);
    const admin = await createUser(tx, { email, name: 'Администратор', password, locale: 'ru' });
    if (config.demo) {
      await generateDemoWorkspace(tx, { adminUserId: admin.id, scale: 1, locale: 'ru', seed: 1, now: deps.now() });
    } else {
      await createWorkspace(tx, { name: 'Accord' }, { userId: admin.id });
    }
    return { email, password, generated: !config.adminPassword };
  });
  if (!created) return;
  logger.info({ email: created.email, demo: config.demo }, 'first start: admin user created');
  if (created.generated) {
    // NOTE: printed once, straight to the terminal, never through the logger.
    process.stdout.write(
      `\n  Accord admin account\n    e-mail:   ${created.email}\n    password: ${created.password}\n  Keep it now: it is shown only this once. Change it under Profile after signing in.\n\n`,
    );
  }
}
