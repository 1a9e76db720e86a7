import { infiniteQueryOptions } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type { AuditAction } from './audit-diff';

export type AuditEntry = {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  requestId: string | null;
  entity: string;
  entityId: string;
  action: AuditAction;
  before: unknown;
  after: unknown;
};

/** The tables the audit log records, as its `entity` names them. */
export const auditedEntities = [
  'accounts',
  'contacts',
  'account_team_members',
  'custom_field_definitions',
  'memberships',
  'workspaces',
  'users',
  'api_tokens',
  'stakeholders',
  'stakeholder_links',
  'relationship_coverage',
  'interactions',
  'interaction_contacts',
  'interaction_users',
  'relationship_settings',
  'calendar_feeds',
  'portfolio_models',
  'portfolio_ratings',
  'portfolio_designations',
  'portfolio_reviews',
  'kpi_metrics',
  'kpi_series',
  'kpi_points',
  'kpi_findings',
  'kpi_targets',
  'kpi_health_settings',
  'finance_settings',
  'contracts',
  'invoices',
  'invoice_lines',
  'payments',
  'payment_allocations',
  'acts',
  'imports',
  'import_presets',
  'delivery_settings',
  'departments',
  'delivery_members',
  'project_types',
  'projects',
  'tasks',
  'task_comments',
  'price_list_items',
  'estimates',
  'estimate_lines',
  'client_feedback',
  'survey_results',
  'account_losses',
  'credit_notes',
  'credit_note_lines',
  'exchange_rates',
  'client_requests',
  'brief_templates',
  'report_schedules',
  'client_reports',
  'loyalty_tiers',
  'plan_template_sections',
  'account_plans',
  'plan_sections',
  'plan_competitors',
  'plan_objectives',
  'plan_actions',
  'plan_versions',
  'entered_actuals',
  'offerings',
  'buying_centres',
  'pipeline_stages',
  'opportunities',
  'whitespace_cells',
] as const;
export type AuditedEntity = (typeof auditedEntities)[number];

export function auditLogQuery(entity: AuditedEntity | undefined) {
  return infiniteQueryOptions({
    queryKey: ['audit-log', entity ?? 'all'] as const,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AuditEntry>>('/audit-log', { query: { entity, cursor: pageParam, limit: 50 }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
