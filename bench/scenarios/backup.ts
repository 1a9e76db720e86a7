import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { maySkipRowChecks, restoreWorkspace, type TableTiming, writeBackup } from '../../src/modules/backups';
import { openDemoWorkspace } from '../demo-workspace';
import { round } from '../measure';

const scale = Number(process.env.BENCH_SCALE ?? 50);

/**
 * Issue 9's target: `accord backup` and `accord restore` of a scale-50 workspace under 60 s each.
 * Measures the same functions the CLI runs, file to file, and checks the copy has every row.
 */
export async function backupBenchmark() {
  const workspace = await openDemoWorkspace('backup', scale);
  try {
    const file = path.join(workspace.dataDir, 'workspace.accord-backup.gz');
    const backupStarted = performance.now();
    const manifest = await writeBackup(workspace.db, workspace.workspaceId, createWriteStream(file), {
      now: new Date(),
    });
    const backupSeconds = (performance.now() - backupStarted) / 1000;
    const { size } = await stat(file);
    const restoreStarted = performance.now();
    const nodeCpuBefore = process.cpuUsage();
    const timings: TableTiming[] = [];
    let lastTableDone = restoreStarted;
    const restored = await restoreWorkspace(workspace.db, createReadStream(file), {
      actorUserId: workspace.admin.id,
      onTable: (timing) => {
        timings.push(timing);
        lastTableDone = performance.now();
      },
    });
    const restoreEnded = performance.now();
    const restoreSeconds = (restoreEnded - restoreStarted) / 1000;
    const nodeCpu = process.cpuUsage(nodeCpuBefore);
    if (restored.rows !== manifest.rows) throw new Error(`restored ${restored.rows} of ${manifest.rows} rows`);
    const largest = Object.entries(manifest.tables)
      .sort(([, first], [, second]) => second.rows - first.rows)
      .slice(0, 8)
      .map(([table, { rows }]) => ({ table, rows }));
    return {
      scale,
      demoGenerationSeconds: workspace.demoGenerationSeconds,
      rows: manifest.rows,
      tables: Object.keys(manifest.tables).length,
      largestTables: largest,
      fileMegabytes: round(size / (1024 * 1024)),
      backup: {
        seconds: round(backupSeconds),
        rowsPerSecond: Math.round(manifest.rows / backupSeconds),
        targetSeconds: 60,
      },
      restore: {
        seconds: round(restoreSeconds),
        rowsPerSecond: Math.round(manifest.rows / restoreSeconds),
        targetSeconds: 60,
        foreignKeyChecks: (await maySkipRowChecks(workspace.db)) ? 'set-wise' : 'per row',
        // Node's share: reading, hashing and turning JSON lines into COPY lines (the server has the rest).
        nodeCpuSeconds: round((nodeCpu.user + nodeCpu.system) / 1e6),
        // After the last table: the set-wise foreign-key check, the relationship map noted and the commit.
        afterTablesSeconds: round((restoreEnded - lastTableDone) / 1000),
        // Where the time goes: the tables that took longest, each from its first row read to its
        // COPY done and checked (the rest is reading the file, the checks and the commit).
        slowestTables: timings
          .sort((first, second) => second.seconds - first.seconds)
          .slice(0, 10)
          .map(({ table, rows, seconds }) => ({ table, rows, seconds: round(seconds) })),
      },
    };
  } finally {
    await workspace.close();
  }
}
