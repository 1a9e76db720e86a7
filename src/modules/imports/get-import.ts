import type { UseCaseContext } from '../../platform/use-case';
import { type ImportRow, loadImport } from './load-import';
import { staleRunMilliseconds } from './run-import';

/** An import as the API shows it, with `interrupted` for a dead run. */
export type ImportView = Omit<ImportRow, 'workspaceId'> & { interrupted: boolean };

export function viewOf(job: ImportRow, now: Date): ImportView {
  const { workspaceId: _workspaceId, ...rest } = job;
  const interrupted =
    job.status === 'running' && (!job.heartbeatAt || now.getTime() - job.heartbeatAt.getTime() > staleRunMilliseconds);
  return { ...rest, interrupted };
}

export async function getImport(ctx: UseCaseContext, id: string): Promise<ImportView> {
  return viewOf(await loadImport(ctx, id), ctx.now);
}
