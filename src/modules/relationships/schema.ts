import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantColumns, tenantKeyAndPolicy, timestamptz, workspaceIsolation } from '../../platform/db/columns';
import { accounts } from '../accounts';
import { contacts } from '../contacts';
import { users } from '../users';
import { memberships, workspaces } from '../workspaces';

// NOTE: a contact's stakeholder attributes live here, one row per contact with the contact's own
// id, created on the first edit; a contact without a row has no attributes recorded yet.
export const stakeholders = pgTable(
  'stakeholders',
  {
    ...tenantColumns(),
    buyingRole: text(),
    support: text(),
    influence: text(),
    decisionOrientation: text(),
    keyPlayer: boolean().notNull().default(false),
    notes: text(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'stakeholders_contact_fk',
      columns: [table.workspaceId, table.id],
      foreignColumns: [contacts.workspaceId, contacts.id],
    }).onDelete('cascade'),
    index('stakeholders_key_player_idx')
      .on(table.workspaceId, table.id)
      .where(sql`key_player or buying_role = 'decision_maker' or influence = 'high'`),
  ],
);

/** Dotted lines between two people of an account: one influences the other, or they are in conflict. */
export const stakeholderLinks = pgTable(
  'stakeholder_links',
  {
    ...tenantColumns(),
    fromContactId: uuid().notNull(),
    toContactId: uuid().notNull(),
    kind: text().notNull(),
    note: text(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('stakeholder_links_pair_key').on(table.workspaceId, table.fromContactId, table.toContactId, table.kind),
    foreignKey({
      name: 'stakeholder_links_from_fk',
      columns: [table.workspaceId, table.fromContactId],
      foreignColumns: [contacts.workspaceId, contacts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'stakeholder_links_to_fk',
      columns: [table.workspaceId, table.toContactId],
      foreignColumns: [contacts.workspaceId, contacts.id],
    }).onDelete('cascade'),
    index('stakeholder_links_to_idx').on(table.workspaceId, table.toContactId),
  ],
);

/** Our coverage: one of our people owns the relationship with a stakeholder, at a level today and a target. */
export const relationshipCoverage = pgTable(
  'relationship_coverage',
  {
    ...tenantColumns(),
    contactId: uuid().notNull(),
    userId: uuid().notNull(),
    currentLevel: text().notNull(),
    targetLevel: text().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('relationship_coverage_owner_key').on(table.workspaceId, table.contactId, table.userId),
    foreignKey({
      name: 'relationship_coverage_contact_fk',
      columns: [table.workspaceId, table.contactId],
      foreignColumns: [contacts.workspaceId, contacts.id],
    }).onDelete('cascade'),
    // NOTE: a member who leaves the workspace no longer owns relationships: the gap shows.
    foreignKey({
      name: 'relationship_coverage_member_fk',
      columns: [table.workspaceId, table.userId],
      foreignColumns: [memberships.workspaceId, memberships.userId],
    }).onDelete('cascade'),
    index('relationship_coverage_user_idx').on(table.workspaceId, table.userId),
  ],
);

/** Meetings, calls, e-mails… with an account's people, planned or held, and the next step they led to. */
export const interactions = pgTable(
  'interactions',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    kind: text().notNull(),
    status: text().notNull(),
    occurredAt: timestamptz().notNull(),
    durationMinutes: integer(),
    location: text(),
    subject: text().notNull(),
    summary: text(),
    outcome: text(),
    nextStep: text(),
    nextStepOwnerId: uuid(),
    nextStepDueOn: date({ mode: 'string' }),
    nextStepDone: boolean().notNull().default(false),
    createdById: uuid(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'interactions_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    // NOTE: people of ours are referenced globally, so history keeps them after they leave.
    foreignKey({
      name: 'interactions_next_step_owner_fk',
      columns: [table.nextStepOwnerId],
      foreignColumns: [users.id],
    }),
    foreignKey({ name: 'interactions_created_by_fk', columns: [table.createdById], foreignColumns: [users.id] }),
    index('interactions_account_idx').on(table.workspaceId, table.accountId, table.occurredAt, table.id),
    index('interactions_next_step_owner_idx')
      .on(table.workspaceId, table.nextStepOwnerId, table.nextStepDueOn)
      .where(sql`next_step_owner_id is not null and not next_step_done`),
  ],
);

/**
 * The customer's people in an interaction. The interaction's time and status are repeated here
 * (kept in step by the interaction use cases) so a person's freshness is one index lookup.
 */
export const interactionContacts = pgTable(
  'interaction_contacts',
  {
    ...tenantColumns(),
    interactionId: uuid().notNull(),
    contactId: uuid().notNull(),
    status: text().notNull(),
    occurredAt: timestamptz().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('interaction_contacts_key').on(table.workspaceId, table.interactionId, table.contactId),
    foreignKey({
      name: 'interaction_contacts_interaction_fk',
      columns: [table.workspaceId, table.interactionId],
      foreignColumns: [interactions.workspaceId, interactions.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'interaction_contacts_contact_fk',
      columns: [table.workspaceId, table.contactId],
      foreignColumns: [contacts.workspaceId, contacts.id],
    }).onDelete('cascade'),
    index('interaction_contacts_contact_idx').on(table.workspaceId, table.contactId, table.status, table.occurredAt),
  ],
);

/** Our people in an interaction. */
export const interactionUsers = pgTable(
  'interaction_users',
  {
    ...tenantColumns(),
    interactionId: uuid().notNull(),
    userId: uuid().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('interaction_users_key').on(table.workspaceId, table.interactionId, table.userId),
    foreignKey({
      name: 'interaction_users_interaction_fk',
      columns: [table.workspaceId, table.interactionId],
      foreignColumns: [interactions.workspaceId, interactions.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'interaction_users_user_fk', columns: [table.userId], foreignColumns: [users.id] }),
    index('interaction_users_user_idx').on(table.workspaceId, table.userId),
  ],
);

/** The workspace's relationship-map settings; absent until first changed (defaults apply). */
export const relationshipSettings = pgTable(
  'relationship_settings',
  {
    ...tenantColumns(),
    staleAfterDays: integer().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('relationship_settings_workspace_key').on(table.workspaceId),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
  ],
);

/**
 * Moved on by every transaction that changes what the relationship map shows (accounts, contacts,
 * attributes, lines, coverage, who took part in what, settings), as it commits: see the triggers
 * in the migration. Answers kept in a server's memory are current while the revision is unchanged.
 */
export const relationshipRevisions = pgTable(
  'relationship_revisions',
  {
    workspaceId: uuid().primaryKey(),
    revision: bigint({ mode: 'number' }).notNull().default(0),
  },
  (table) => [
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    workspaceIsolation(),
  ],
);

/** The id the change notes give the whole map (in place of an account) or an account itself (of a person). */
export const wholeMapId = '00000000-0000-0000-0000-000000000000';

/**
 * A transaction's note that it changed a workspace's relationship map, written by the watched
 * tables' statement triggers and turned into a new revision when the transaction commits. Moving
 * the revision itself at once would hold its row lock to the end of a long import, stalling
 * every other change in the workspace behind it.
 */
export const relationshipChangeMarks = pgTable(
  'relationship_change_marks',
  {
    transactionId: bigint({ mode: 'number' }).notNull(),
    workspaceId: uuid().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.transactionId, table.workspaceId] }),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    workspaceIsolation(),
  ],
);

/**
 * A transaction's note of the accounts and people whose map it changed, written beside
 * `relationship_change_marks` and carried into `relationship_account_revisions` and
 * `relationship_contact_revisions` when the transaction commits. The all-zero account id stands
 * for the whole map (a settings change); the all-zero contact id for the account itself.
 */
export const relationshipAccountMarks = pgTable(
  'relationship_account_marks',
  {
    transactionId: bigint({ mode: 'number' }).notNull(),
    workspaceId: uuid().notNull(),
    accountId: uuid().notNull(),
    contactId: uuid().notNull().default(wholeMapId),
  },
  (table) => [
    primaryKey({
      name: 'relationship_account_marks_pk',
      columns: [table.transactionId, table.workspaceId, table.accountId, table.contactId],
    }),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    workspaceIsolation(),
  ],
);

/**
 * The workspace revision at which each account's map last changed, so an answer kept at an older
 * revision redoes only those accounts. No foreign key to the account: a deleted account's row is
 * how a reader learns it is gone. The all-zero account id stands for the whole map.
 */
export const relationshipAccountRevisions = pgTable(
  'relationship_account_revisions',
  {
    workspaceId: uuid().notNull(),
    accountId: uuid().notNull(),
    revision: bigint({ mode: 'number' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.accountId] }),
    index('relationship_account_revisions_revision_idx').on(table.workspaceId, table.revision),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    workspaceIsolation(),
  ],
);

/**
 * The workspace revision at which each person of an account last changed on its map, so a chart
 * kept at an older revision re-reads only them. A person who moved to another account is stamped
 * under both; a deleted one keeps its row, which is how a reader learns they are gone.
 */
export const relationshipContactRevisions = pgTable(
  'relationship_contact_revisions',
  {
    workspaceId: uuid().notNull(),
    accountId: uuid().notNull(),
    contactId: uuid().notNull(),
    revision: bigint({ mode: 'number' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.accountId, table.contactId] }),
    index('relationship_contact_revisions_revision_idx').on(table.workspaceId, table.accountId, table.revision),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    workspaceIsolation(),
  ],
);

/**
 * A member's secret calendar address (planned interactions and next steps as iCalendar): calendar
 * apps cannot sign in, so the URL is the credential. Only its SHA-256 is stored.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    ...tenantColumns(),
    userId: uuid().notNull(),
    tokenHash: text().notNull(),
    lastReadAt: timestamptz(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('calendar_feeds_member_key').on(table.workspaceId, table.userId),
    uniqueIndex('calendar_feeds_token_hash_key').on(table.tokenHash),
    foreignKey({
      name: 'calendar_feeds_member_fk',
      columns: [table.workspaceId, table.userId],
      foreignColumns: [memberships.workspaceId, memberships.userId],
    }).onDelete('cascade'),
  ],
);
