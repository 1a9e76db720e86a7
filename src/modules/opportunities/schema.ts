import { sql } from 'drizzle-orm';
import { bigint, check, date, foreignKey, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { tenantColumns, tenantKeyAndPolicy, timestamptz } from '../../platform/db/columns';
import { accounts } from '../accounts';
import { users } from '../users';

// NOTE: amounts are bigint counts of minor units of the row's currency, read as JS numbers (capped
// at 10^13, far inside 2^53), like finance (decision 0014).
const minorUnits = () => bigint({ mode: 'number' });

/** What the workspace sells: products and services grouped in families; retired ones stay on old records. */
export const offerings = pgTable(
  'offerings',
  {
    ...tenantColumns(),
    /** Set on the demo catalogue and defaults; null for what people add. */
    key: text(),
    name: text().notNull(),
    family: text().notNull(),
    kind: text().notNull(),
    retiredAt: timestamptz(),
  },
  (table) => [...tenantKeyAndPolicy(table), unique('offerings_key').on(table.workspaceId, table.key)],
);

/** A part of the customer that buys on its own: a division, a function or a region. */
export const buyingCentres = pgTable(
  'buying_centres',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    name: text().notNull(),
    kind: text().notNull(),
    /** The child account this centre stands for, when it came from the account hierarchy. */
    childAccountId: uuid(),
    position: integer().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'buying_centres_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'buying_centres_child_fk',
      columns: [table.workspaceId, table.childAccountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('set null'),
    unique('buying_centres_child_key').on(table.workspaceId, table.accountId, table.childAccountId),
  ],
);

/** The workspace's sales pipeline: ordered stages, each with a default probability; won/lost close it. */
export const pipelineStages = pgTable(
  'pipeline_stages',
  {
    ...tenantColumns(),
    key: text(),
    titleEn: text().notNull(),
    titleRu: text().notNull(),
    position: integer().notNull(),
    probability: integer().notNull(),
    /** open, won or lost: the last two are terminal. */
    outcome: text().notNull(),
    retiredAt: timestamptz(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('pipeline_stages_key').on(table.workspaceId, table.key),
    check('pipeline_stages_probability_check', sql`probability between 0 and 100`),
  ],
);

/** A chance to sell an offering to a buying centre of an account. */
export const opportunities = pgTable(
  'opportunities',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    title: text().notNull(),
    type: text().notNull(),
    offeringId: uuid(),
    buyingCentreId: uuid(),
    stageId: uuid().notNull(),
    amountMinor: minorUnits().notNull(),
    currency: text().notNull(),
    probability: integer().notNull(),
    expectedCloseOn: date({ mode: 'string' }).notNull(),
    ownerId: uuid().notNull(),
    nextStep: text(),
    lostReason: text(),
    closedAt: timestamptz(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'opportunities_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'opportunities_offering_fk',
      columns: [table.workspaceId, table.offeringId],
      foreignColumns: [offerings.workspaceId, offerings.id],
    }),
    foreignKey({
      name: 'opportunities_centre_fk',
      columns: [table.workspaceId, table.buyingCentreId],
      foreignColumns: [buyingCentres.workspaceId, buyingCentres.id],
    }).onDelete('set null'),
    foreignKey({
      name: 'opportunities_stage_fk',
      columns: [table.workspaceId, table.stageId],
      foreignColumns: [pipelineStages.workspaceId, pipelineStages.id],
    }),
    foreignKey({ name: 'opportunities_owner_fk', columns: [table.ownerId], foreignColumns: [users.id] }),
    index('opportunities_account_idx').on(table.workspaceId, table.accountId),
    index('opportunities_stage_idx').on(table.workspaceId, table.stageId),
    check('opportunities_probability_check', sql`probability between 0 and 100`),
    check('opportunities_amount_check', sql`amount_minor >= 0`),
  ],
);

/** One cell of an account's whitespace matrix: a buying centre × an offering. */
export const whitespaceCells = pgTable(
  'whitespace_cells',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    buyingCentreId: uuid().notNull(),
    offeringId: uuid().notNull(),
    state: text().notNull(),
    currency: text().notNull(),
    currentRevenueMinor: minorUnits().notNull().default(0),
    potentialMinor: minorUnits().notNull().default(0),
    /** Who holds it, when a competitor does. */
    competitor: text(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'whitespace_cells_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'whitespace_cells_centre_fk',
      columns: [table.workspaceId, table.buyingCentreId],
      foreignColumns: [buyingCentres.workspaceId, buyingCentres.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'whitespace_cells_offering_fk',
      columns: [table.workspaceId, table.offeringId],
      foreignColumns: [offerings.workspaceId, offerings.id],
    }),
    unique('whitespace_cells_key').on(table.workspaceId, table.buyingCentreId, table.offeringId),
    index('whitespace_cells_offering_idx').on(table.workspaceId, table.offeringId),
    check('whitespace_cells_amounts_check', sql`current_revenue_minor >= 0 and potential_minor >= 0`),
  ],
);

/** Revenue entered by hand for a month, for accounts whose invoices are not in Accord. */
export const enteredActuals = pgTable(
  'entered_actuals',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    month: date({ mode: 'string' }).notNull(),
    currency: text().notNull(),
    amountMinor: minorUnits().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'entered_actuals_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    unique('entered_actuals_key').on(table.workspaceId, table.accountId, table.month, table.currency),
  ],
);
