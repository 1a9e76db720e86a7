import type { Executor } from '../../platform/db/client';
import { createWorkspace } from '../workspaces';

export type DemoOptions = { adminUserId: string; scale: number; locale: 'ru' | 'en'; seed: number; now: Date };

/** Creates a demo workspace with realistic data (being written: only the workspace so far). */
export async function generateDemoWorkspace(db: Executor, options: DemoOptions) {
  return createWorkspace(db, { name: options.locale === 'ru' ? 'Демо' : 'Demo' }, { userId: options.adminUserId });
}
