import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { refreshAfterBulkLoad } from '../../platform/db/maintenance';
import { createWorkspace, type Workspace } from '../workspaces';
import type { DemoContext, DemoOptions } from './demo-context';
import { createRandomStreams } from './random';
import { demoSteps } from './steps';
import { vocabularyFor } from './vocabulary';

/** The tables the steps fill, whose indexes and statistics need refreshing after the load. */
const demoTables = [
  'users',
  'memberships',
  'custom_field_definitions',
  'accounts',
  'account_team_members',
  'contacts',
  'stakeholders',
  'stakeholder_links',
  'relationship_coverage',
  'interactions',
  'interaction_contacts',
  'interaction_users',
  'portfolio_models',
  'portfolio_ratings',
  'portfolio_designations',
  'portfolio_reviews',
  'portfolio_review_entries',
  'kpi_series',
  'kpi_points',
  'kpi_series_detection',
  'kpi_findings',
  'kpi_targets',
  'departments',
  'delivery_members',
  'projects',
  'tasks',
  'estimates',
  'estimate_lines',
  'brief_templates',
  'client_requests',
  'report_schedules',
  'client_reports',
  'client_feedback',
  'account_losses',
  'plan_template_sections',
  'account_plans',
  'plan_sections',
  'plan_objectives',
  'plan_actions',
  'plan_versions',
  'offerings',
  'pipeline_stages',
  'buying_centres',
  'whitespace_cells',
  'opportunities',
];

/**
 * Creates a demo workspace with realistic data in the given transaction (which must run as the
 * owner role): the admin, a team across every role, accounts with holdings, teams and custom
 * values, their people in org charts, and the relationship map (stakeholders, our coverage,
 * interactions over two years). The same seed, scale and locale give the same data.
 */
export async function generateDemoWorkspace(db: Executor, options: DemoOptions): Promise<Workspace> {
  const vocabulary = vocabularyFor(options.locale);
  const random = await createRandomStreams(options.seed, options.locale);
  const { rows } = await db.execute<{ audit: string | null }>(
    sql`select current_setting('app.audit', true) as audit, set_config('app.audit', 'off', true)`,
  );
  // NOTE: generated data is no one's change: the audit log starts with what people do to it.
  const previousAudit = rows[0]?.audit ?? '';
  const workspace = await createWorkspace(
    db,
    {
      name: vocabulary.workspaceName,
      defaultCurrency: vocabulary.currency,
      locale: vocabulary.locale,
      timeZone: vocabulary.timeZone,
    },
    { userId: options.adminUserId },
  );
  const ctx: DemoContext = {
    db,
    options,
    now: options.now,
    workspace,
    vocabulary,
    random,
    users: [],
    customFields: { account: [], contact: [] },
    accounts: [],
    accountTeams: new Map(),
    contacts: [],
  };
  for (const step of demoSteps) await step.run(ctx, random(step.name));
  await refreshAfterBulkLoad(db, demoTables);
  await db.execute(sql`select set_config('app.audit', ${previousAudit}, true)`);
  return workspace;
}
