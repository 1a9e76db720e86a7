import { and, count, eq, inArray } from 'drizzle-orm';
import type { AccountFact } from '../../platform/account-facts';
import { visibleAccountIds } from '../accounts';
import { contacts } from './schema';

/** How many people Accord knows at each account: a first measure of how widely we are connected. */
export const contactCountFact: AccountFact = {
  key: 'contacts.count',
  label: { en: 'Known contacts', ru: 'Известные контакты' },
  description: {
    en: 'Number of the customer’s people recorded at the account.',
    ru: 'Число сотрудников клиента, записанных в аккаунте.',
  },
  unit: 'count',
  higherIsBetter: true,
  async read(ctx, accountIds) {
    const rows = await ctx.db
      .select({ accountId: contacts.accountId, total: count() })
      .from(contacts)
      .where(
        and(
          eq(contacts.workspaceId, ctx.actor.workspaceId),
          visibleAccountIds(ctx, contacts.accountId),
          accountIds ? inArray(contacts.accountId, [...accountIds]) : undefined,
        ),
      )
      .groupBy(contacts.accountId);
    return new Map(rows.map((row) => [row.accountId, row.total]));
  },
};
