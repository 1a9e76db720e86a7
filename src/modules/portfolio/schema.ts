import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenantColumns, tenantKeyAndPolicy, timestamptz, workspaceIsolation } from '../../platform/db/columns';
import { accounts } from '../accounts';
import { workspaces } from '../workspaces';
import type { PortfolioModelDefinition, QuadrantCounts } from './schemas';

/**
 * The workspace's scoring model, one row per version: saving a change adds a version, never
 * rewrites one, so a review keeps the model it was scored with.
 */
export const portfolioModels = pgTable(
  'portfolio_models',
  {
    ...tenantColumns(),
    number: integer().notNull(),
    definition: jsonb().$type<PortfolioModelDefinition>().notNull(),
    note: text(),
    createdBy: uuid(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    unique('portfolio_models_number_key').on(table.workspaceId, table.number),
  ],
);

/**
 * A counter per workspace that every change of ratings moves on, so a server can tell in one
 * cheap read whether the ratings it keeps in memory for the portfolio are still current.
 */
export const portfolioRatingRevisions = pgTable(
  'portfolio_rating_revisions',
  {
    workspaceId: uuid().primaryKey(),
    revision: bigint({ mode: 'number' }).notNull().default(0),
  },
  (table) => [
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    workspaceIsolation(),
  ],
);

/**
 * The ratings revision that last changed each account's ratings, so a server keeping the
 * workspace's ratings re-reads only the accounts rated since, not all 80,000 ratings.
 */
export const portfolioRatedAccounts = pgTable(
  'portfolio_rated_accounts',
  {
    workspaceId: uuid().notNull(),
    accountId: uuid().notNull(),
    revision: bigint({ mode: 'number' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.accountId] }),
    foreignKey({
      name: 'portfolio_rated_accounts_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    index('portfolio_rated_accounts_revision_idx').on(table.workspaceId, table.revision),
    workspaceIsolation(),
  ],
);

/** A person's current rating of an account on one manual criterion, with their comment. */
export const portfolioRatings = pgTable(
  'portfolio_ratings',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    criterion: text().notNull(),
    value: integer().notNull(),
    comment: text(),
    ratedBy: uuid().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    unique('portfolio_ratings_criterion_key').on(table.workspaceId, table.accountId, table.criterion),
    foreignKey({
      name: 'portfolio_ratings_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
  ],
);

/**
 * A key-account nomination (pending until the head approves or rejects it) or a demotion (decided
 * when made), with the justification or reason, the decision and its comment.
 */
export const portfolioDesignations = pgTable(
  'portfolio_designations',
  {
    ...tenantColumns(),
    accountId: uuid().notNull(),
    kind: text().notNull(),
    status: text().notNull(),
    justification: text().notNull(),
    requestedBy: uuid().notNull(),
    decidedBy: uuid(),
    decidedAt: timestamptz(),
    decisionComment: text(),
    /** The account's attractiveness when nominated, and the threshold it was held against. */
    attractiveness: doublePrecision(),
    attractivenessThreshold: doublePrecision(),
    warnings: text().array().notNull().default(sql`'{}'::text[]`),
    /** The account's status before the decision changed it, and after. */
    previousStatus: text(),
    newStatus: text(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({
      name: 'portfolio_designations_account_fk',
      columns: [table.workspaceId, table.accountId],
      foreignColumns: [accounts.workspaceId, accounts.id],
    }).onDelete('cascade'),
    // NOTE: one open nomination per account; the index also serves "is one pending?".
    uniqueIndex('portfolio_designations_pending_key')
      .on(table.workspaceId, table.accountId)
      .where(sql`status = 'pending'`),
    index('portfolio_designations_account_idx').on(table.workspaceId, table.accountId, table.createdAt),
    index('portfolio_designations_status_idx').on(table.workspaceId, table.status, table.createdAt, table.id),
  ],
);

/** A portfolio review: when it was held, by whom, under which model version, with its tallies. */
export const portfolioReviews = pgTable(
  'portfolio_reviews',
  {
    ...tenantColumns(),
    name: text().notNull(),
    notes: text(),
    heldAt: timestamptz().notNull(),
    heldBy: uuid(),
    modelNumber: integer().notNull(),
    accountCount: integer().notNull(),
    counts: jsonb().$type<QuadrantCounts>().notNull(),
  },
  (table) => [
    ...tenantKeyAndPolicy(table),
    foreignKey({ columns: [table.workspaceId], foreignColumns: [workspaces.id] }).onDelete('cascade'),
    foreignKey({
      name: 'portfolio_reviews_model_fk',
      columns: [table.workspaceId, table.modelNumber],
      foreignColumns: [portfolioModels.workspaceId, portfolioModels.number],
    }),
    index('portfolio_reviews_held_idx').on(table.workspaceId, table.heldAt, table.id),
  ],
);

/**
 * One account's scores in a review: the snapshot, never changed afterwards. It keeps the account's
 * name and what it was scored from, and no foreign key to the account, so history outlives it.
 */
export const portfolioReviewEntries = pgTable(
  'portfolio_review_entries',
  {
    workspaceId: uuid().notNull(),
    reviewId: uuid().notNull(),
    accountId: uuid().notNull(),
    accountName: text().notNull(),
    ownerId: uuid().notNull(),
    status: text().notNull(),
    attractiveness: doublePrecision(),
    strength: doublePrecision(),
    quadrant: text(),
    complete: boolean().notNull(),
    /** The raw input of each criterion (rating or fact value) by criterion key; missing ones absent. */
    inputs: jsonb().$type<Record<string, number>>().notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.reviewId, table.accountId] }),
    workspaceIsolation(),
    foreignKey({
      name: 'portfolio_review_entries_review_fk',
      columns: [table.workspaceId, table.reviewId],
      foreignColumns: [portfolioReviews.workspaceId, portfolioReviews.id],
    }).onDelete('cascade'),
    index('portfolio_review_entries_account_idx').on(table.workspaceId, table.accountId),
  ],
);
