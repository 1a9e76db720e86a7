import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { notFound } from '../../platform/errors';
import type { UseCaseContext } from '../../platform/use-case';
import { accounts, visibleAccountIds } from '../accounts';
import { contactMessages } from './messages';
import { contacts } from './schema';

export type ContactRow = Omit<typeof contacts.$inferSelect, 'workspaceId' | 'search'>;

export type ContactDetail = ContactRow & {
  account: { id: string; name: string };
  reportsTo: { id: string; fullName: string } | null;
  directReports: { id: string; fullName: string; title: string | null }[];
};

export const contactColumns = {
  id: contacts.id,
  accountId: contacts.accountId,
  firstName: contacts.firstName,
  lastName: contacts.lastName,
  patronymic: contacts.patronymic,
  fullName: contacts.fullName,
  title: contacts.title,
  department: contacts.department,
  emails: contacts.emails,
  phones: contacts.phones,
  messengers: contacts.messengers,
  reportsToId: contacts.reportsToId,
  notes: contacts.notes,
  custom: contacts.custom,
  createdAt: contacts.createdAt,
  updatedAt: contacts.updatedAt,
  version: contacts.version,
};

const managers = alias(contacts, 'manager');

/** A contact with their account, manager and direct reports. */
export async function getContact(ctx: UseCaseContext, id: string): Promise<ContactDetail> {
  const workspaceId = ctx.actor.workspaceId;
  const [row] = await ctx.db
    .select({
      ...contactColumns,
      account: { id: accounts.id, name: accounts.name },
      managerName: managers.fullName,
    })
    .from(contacts)
    .innerJoin(accounts, and(eq(accounts.workspaceId, contacts.workspaceId), eq(accounts.id, contacts.accountId)))
    .leftJoin(managers, and(eq(managers.workspaceId, contacts.workspaceId), eq(managers.id, contacts.reportsToId)))
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id), visibleAccountIds(ctx, contacts.accountId)));
  if (!row) throw notFound(contactMessages.contact);
  const directReports = await ctx.db
    .select({ id: contacts.id, fullName: contacts.fullName, title: contacts.title })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.reportsToId, id)))
    .orderBy(asc(contacts.fullName))
    .limit(200);
  const { managerName, ...contact } = row;
  return {
    ...contact,
    reportsTo: contact.reportsToId && managerName ? { id: contact.reportsToId, fullName: managerName } : null,
    directReports,
  };
}
