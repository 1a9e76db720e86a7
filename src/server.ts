import type { ServerType } from '@hono/node-server';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { bootstrapFirstStart } from './bootstrap';
import { accountOwnership, accountRoutes } from './modules/accounts';
import { auditRoutes } from './modules/audit';
import { authenticate, authRoutes, memberAccess } from './modules/auth';
import { backupRoutes, restoreUploadBody } from './modules/backups';
import { accountCareRoutes, clientCareRoutes, loyaltyDiscountForProject, loyaltyRoutes } from './modules/client-care';
import { contactCountFact, contactRoutes } from './modules/contacts';
import { customFieldRoutes } from './modules/custom-fields';
import {
  deliveryRoutes,
  estimateRoutes,
  overdueTasksFact,
  overdueTasksSeries,
  reportRoutes,
  requestRoutes,
  workRoutes,
} from './modules/delivery';
import {
  actRoutes,
  bankRoutes,
  creditNoteRoutes,
  financeCalendarEntries,
  financeRoutes,
  followUpRoutes,
  invoicedRevenueSeries,
  invoiceRoutes,
  overdueInvoicesFact,
  paymentDelayFact,
  paymentDelaySeries,
  revenueFact,
  statementUploadBody,
} from './modules/finance';
import { exportRoutes, importRoutes, importUploadBody } from './modules/imports';
import {
  accountHealthFact,
  type DerivedSeriesRegistry,
  type DetectionWorker,
  derivedSeriesRoutes,
  type FollowUpPort,
  kpiRoutes,
  startDetectionWorker,
} from './modules/kpis';
import { catalogueRoutes, opportunityRoutes } from './modules/opportunities';
import { planRoutes, planTemplateRoutes } from './modules/plans';
import { keyAccountCapGuard, portfolioRoutes } from './modules/portfolio';
import {
  createInteraction,
  interactionRoutes,
  relationshipRoutes,
  relationshipStrengthFact,
} from './modules/relationships';
import { workspaceRoutes } from './modules/workspaces';
import type { AccountFact } from './platform/account-facts';
import type { Config } from './platform/config';
import { type Database, type DatabaseHandle, openDatabase } from './platform/db/client';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './platform/db/embedded-server';
import { migrateDatabase } from './platform/db/migrate';
import { createHttpApp } from './platform/http/app';
import type { AppDependencies } from './platform/http/context';
import type { Logger } from './platform/logger';
import { openComplaintsFact } from './wiring/client-care-facts';

/**
 * Every module's numbers about accounts (decision 0009), handed to the modules that read them:
 * portfolio scoring criteria, health factors, derived KPI series.
 */
export const moduleFacts: readonly AccountFact[] = [
  contactCountFact,
  relationshipStrengthFact,
  revenueFact,
  paymentDelayFact,
  overdueInvoicesFact,
  overdueTasksFact,
  openComplaintsFact,
];
// NOTE: health is computed from the other facts, so it is given those and added after them.
export const accountFacts: readonly AccountFact[] = [...moduleFacts, accountHealthFact(moduleFacts)];

/** Series other modules compute from their own data, kept by the KPI module's job (decision 0013). */
export const derivedSeries: DerivedSeriesRegistry = [invoicedRevenueSeries, paymentDelaySeries, overdueTasksSeries];

/** A KPI finding's follow-up is a note on the account's timeline with the next step (decision 0013). */
const kpiFollowUps: FollowUpPort = {
  create: (ctx, input) =>
    createInteraction(ctx, {
      accountId: input.accountId,
      kind: 'note',
      status: 'held',
      occurredAt: ctx.now.toISOString(),
      subject: input.subject,
      summary: input.summary,
      nextStep: input.nextStep,
      nextStepOwnerId: input.ownerId,
      nextStepDueOn: input.dueOn,
    }),
};

/** Wires every module's routes into the HTTP app: the one place that knows them all. */
export function buildApp(
  deps: AppDependencies,
  options: { webDirectory?: string; detection?: Pick<DetectionWorker, 'wake'> } = {},
) {
  const { detection, ...httpOptions } = options;
  return createHttpApp(deps, {
    authenticate: authenticate(),
    routers: [
      authRoutes(),
      workspaceRoutes({ accountOwnership, memberAccess }),
      accountRoutes({ statusGuard: keyAccountCapGuard(accountFacts) }),
      contactRoutes(),
      customFieldRoutes(),
      relationshipRoutes(),
      interactionRoutes({ calendarSources: [financeCalendarEntries] }),
      auditRoutes(),
      portfolioRoutes({ accountFacts }),
      importRoutes(),
      exportRoutes(),
      kpiRoutes({ accountFacts: moduleFacts, followUps: kpiFollowUps, ...(detection ? { detection } : {}) }),
      derivedSeriesRoutes({ derivedSeries }),
      followUpRoutes(),
      financeRoutes(),
      invoiceRoutes(),
      actRoutes(),
      creditNoteRoutes(),
      deliveryRoutes(),
      workRoutes(),
      estimateRoutes({ defaultDiscount: loyaltyDiscountForProject }),
      requestRoutes(),
      reportRoutes(),
      clientCareRoutes(),
      accountCareRoutes(),
      loyaltyRoutes(),
      bankRoutes(),
      planTemplateRoutes(),
      planRoutes(),
      catalogueRoutes(),
      opportunityRoutes(),
      backupRoutes(),
    ],
    largeBodies: [
      { path: /^\/api\/v1\/kpi-series\/[^/]+\/points$/, maxBytes: 8 * 1024 * 1024 },
      importUploadBody,
      statementUploadBody,
      restoreUploadBody,
    ],
    checkDatabase: async () => {
      await deps.db.execute(sql`select 1`);
    },
    ...httpOptions,
  });
}

export type DatabaseConnection = { url: string; handle: DatabaseHandle; embedded: EmbeddedPostgres | undefined };

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL in the data directory, and migrates. */
export async function connectDatabase(
  config: Config,
  logger: Logger,
  options: { attachIfRunning?: boolean } = {},
): Promise<DatabaseConnection> {
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: config.dataDir,
        logger,
        attachIfRunning: options.attachIfRunning ?? false,
      });
  const url = config.databaseUrl ?? (embedded as EmbeddedPostgres).url;
  try {
    await migrateDatabase(url);
    return { url, handle: openDatabase(url), embedded };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

export async function disconnectDatabase(connection: DatabaseConnection): Promise<void> {
  await connection.handle.close();
  await connection.embedded?.stop();
}

export type RunningAccord = { url: string; db: Database; stop(): Promise<void> };

/** Starts Accord: database, migrations, first-start bootstrap, then the HTTP server. */
export async function startAccord(config: Config, logger: Logger): Promise<RunningAccord> {
  const connection = await connectDatabase(config, logger);
  const deps: AppDependencies = { db: connection.handle.db, config, logger, now: () => new Date() };
  try {
    await bootstrapFirstStart(deps);
  } catch (error) {
    await disconnectDatabase(connection);
    throw error;
  }
  const detection = startDetectionWorker(deps.db, logger, { accountFacts: moduleFacts, derivedSeries });
  const app = buildApp(deps, { detection });
  const server = await new Promise<ServerType>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(started));
    started.once('error', reject);
  }).catch(async (error) => {
    await detection.stop();
    await disconnectDatabase(connection);
    throw error;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host}:${port}`;
  logger.info({ url, database: connection.embedded ? 'embedded' : 'external' }, 'Accord is listening');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      // NOTE: finish the requests in flight, then close the pool, then stop the database.
      await new Promise<void>((resolve) => {
        const forceAfter = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, 5_000);
        server.close(() => {
          clearTimeout(forceAfter);
          resolve();
        });
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      await detection.stop();
      await disconnectDatabase(connection);
      logger.info('Accord stopped');
    })();
    return stopping;
  };
  return { url, db: connection.handle.db, stop };
}
