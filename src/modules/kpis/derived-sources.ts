import { sql } from 'drizzle-orm';
import type { DerivedSeriesProvider } from '../../platform/derived-series';
import { translate } from '../../platform/i18n/text';
import type { UseCaseContext } from '../../platform/use-case';
import type { DerivedSeriesRegistry } from './derived-series-job';

export type DerivedSource = {
  key: string;
  module: string;
  metricKey: string;
  label: { en: string; ru: string };
  description: { en: string; ru: string };
  refreshedAt: string | null;
};

const bothLanguages = (text: DerivedSeriesProvider['label']) => ({
  en: translate('en', { text }),
  ru: translate('ru', { text }),
});

/** The derived series Accord computes, where they come from, and when the job last refreshed each. */
export async function listDerivedSources(
  ctx: UseCaseContext,
  providers: DerivedSeriesRegistry,
): Promise<DerivedSource[]> {
  const refreshed = await ctx.db.execute<{ source: string; refreshed_at: string }>(sql`
    select source, to_json(refreshed_at) #>> '{}' as refreshed_at from kpi_derived_sources
    where workspace_id = ${ctx.actor.workspaceId}`);
  const at = new Map(refreshed.rows.map((row) => [row.source, row.refreshed_at]));
  return providers.map((provider) => ({
    key: provider.key,
    module: provider.module,
    metricKey: provider.metricKey,
    label: bothLanguages(provider.label),
    description: bothLanguages(provider.description),
    refreshedAt: at.get(provider.key) ?? null,
  }));
}
