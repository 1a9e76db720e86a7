import { sql } from 'drizzle-orm';
import type { UseCaseContext } from '../../platform/use-case';

/**
 * Queues a series for the detection job, in the transaction that changed its points (so the job
 * never runs before they are visible). `rescore`: the change reached back before what the
 * detector has read, so it starts the series over.
 */
export async function enqueueDetection(ctx: UseCaseContext, seriesId: string, rescore: boolean): Promise<void> {
  await ctx.db.execute(sql`
    insert into kpi_detection_jobs (workspace_id, series_id, requested_at, rescore)
    values (${ctx.actor.workspaceId}, ${seriesId}, clock_timestamp(), ${rescore})
    on conflict (workspace_id, series_id) do update
      set requested_at = excluded.requested_at,
          rescore = kpi_detection_jobs.rescore or excluded.rescore,
          attempts = 0`);
}
