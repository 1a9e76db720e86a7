import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createImport, processImport, startImport } from '../../src/modules/imports';
import { checkImport } from '../../src/modules/imports/check-import';
import { createUser } from '../../src/modules/users';
import { createWorkspace } from '../../src/modules/workspaces';
import { loadConfig } from '../../src/platform/config';
import { asSystem, inWorkspace } from '../../src/platform/db/client';
import { newId } from '../../src/platform/db/columns';
import { createLogger } from '../../src/platform/logger';
import { connectDatabase, disconnectDatabase } from '../../src/server';
import { round } from '../measure';
import { contactsTableCost } from './contacts-table-cost';

const contactRows = Number(process.env.BENCH_IMPORT_ROWS ?? 200_000);
const accountRows = 2_000;
/** The large file: rows of about 2 KB (a long column no field maps to) up to this size. */
const largeFileMegabytes = Number(process.env.BENCH_IMPORT_LARGE_MB ?? 200);

/** Writes a contacts CSV of about `megabytes` with a wide unmapped column, a line at a time. */
async function writeWideCsv(file: string, megabytes: number): Promise<number> {
  const out = createWriteStream(file);
  const payload = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit; '.repeat(34);
  let bytes = 0;
  let rows = 0;
  const write = async (line: string) => {
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('Id,First Name,Last Name,Email,Company Id,Payload\n');
  while (bytes < megabytes * 2 ** 20) {
    await write(
      `W${rows},Имя${rows % 997},Широкий${rows},wide${rows}@example.com,A${rows % accountRows},"${payload}${rows}"\n`,
    );
    rows += 1;
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

/** The highest resident memory seen while `work` runs, sampled every 50 ms, and before it. */
async function peakRss<T>(
  work: () => Promise<T>,
): Promise<{ result: T; beforeMegabytes: number; peakMegabytes: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, beforeMegabytes: round(before / 2 ** 20), peakMegabytes: round(peak / 2 ** 20) };
  } finally {
    clearInterval(sampler);
  }
}

/** A contacts export as a CRM writes it: its own ids, names, e-mail, phone, title and company id. */
function contactsCsv(rows: number): string {
  const lines = ['Id,First Name,Last Name,Email,Phone,Title,Company Id'];
  for (let index = 0; index < rows; index += 1) {
    lines.push(
      `C${index},Имя${index % 997},Фамилия${index},person${index}@example.com,+7 900 ${String(index).padStart(7, '0')},Менеджер ${index % 13},A${index % accountRows}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Import end to end (read, detect, draft, validate, write in batches with external ids and undo
 * records) of a 200,000-row contacts CSV, against PostgreSQL COPY of the same rows into the same
 * table (same indexes and audit trigger) in another workspace.
 */
export async function importsBenchmark() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'accord-bench-imports-'));
  const logger = createLogger('warn');
  const config = {
    ...loadConfig({ ...process.env, ACCORD_DATA_DIR: dataDir, ACCORD_DEMO: '0' }),
    databaseUrl: undefined,
  };
  const connection = await connectDatabase(config, logger);
  const db = connection.handle.db;
  const results: Record<string, unknown> = { contactRows, accountRows };
  try {
    const admin = await asSystem(db, {}, (tx) =>
      createUser(tx, { email: 'bench@example.com', name: 'Bench', password: 'correct horse battery' }),
    );
    const workspace = await asSystem(db, { userId: admin.id }, (tx) =>
      createWorkspace(tx, { name: 'Import bench' }, { userId: admin.id }),
    );
    const actor = { userId: admin.id, workspaceId: workspace.id, role: 'admin' as const };
    const run = async (bytes: Uint8Array | AsyncIterable<Uint8Array>, fileName: string) => {
      const draft = await inWorkspace(db, actor, (tx) =>
        createImport({ db: tx, actor, now: new Date() }, bytes, { fileName }),
      );
      await inWorkspace(db, actor, (tx) => startImport({ db: tx, actor, now: new Date() }, draft.id));
      return processImport(db, actor, draft.id);
    };
    const companies = [
      'Id,Company Name',
      ...Array.from({ length: accountRows }, (_, index) => `A${index},Компания ${index}`),
    ];
    await run(new TextEncoder().encode(`${companies.join('\n')}\n`), 'companies.csv');

    const csv = new TextEncoder().encode(contactsCsv(contactRows));
    results.fileMegabytes = round(csv.byteLength / 2 ** 20);
    const started = performance.now();
    const { result: imported, peakMegabytes } = await peakRss(() => run(csv, 'contacts.csv'));
    const importSeconds = (performance.now() - started) / 1000;
    results.import = {
      seconds: round(importSeconds),
      rowsPerSecond: Math.round(contactRows / importSeconds),
      created: imported.createdCount,
      problems: imported.failedCount,
      targetRowsPerSecond: 20_000,
    };
    results.processRssMegabytes = {
      afterImport: round(process.memoryUsage().rss / 2 ** 20),
      peakDuringImport: peakMegabytes,
    };

    const again = performance.now();
    const reimported = await run(csv, 'contacts.csv');
    const reimportSeconds = (performance.now() - again) / 1000;
    results.reimportUnchanged = {
      seconds: round(reimportSeconds),
      rowsPerSecond: Math.round(contactRows / reimportSeconds),
      created: reimported.createdCount,
      unchanged: reimported.unchangedCount,
    };

    // COPY of the same rows, already in the table's shape, into another workspace.
    const other = await asSystem(db, { userId: admin.id }, (tx) =>
      createWorkspace(tx, { name: 'COPY bench' }, { userId: admin.id }),
    );
    const accountId = newId();
    await db.execute(sql`insert into accounts (workspace_id, id, name, owner_id, currency)
      values (${other.id}, ${accountId}, 'COPY', ${admin.id}, 'RUB')`);
    const copyFile = path.join(dataDir, 'copy.csv');
    const copyLines: string[] = [];
    for (let index = 0; index < contactRows; index += 1) {
      copyLines.push(
        `${other.id},${newId()},${accountId},Имя${index % 997},Фамилия${index},"{person${index}@example.com}","{""+7 900 ${String(index).padStart(7, '0')}""}",Менеджер ${index % 13}`,
      );
    }
    await writeFile(copyFile, `${copyLines.join('\n')}\n`);
    const copyStarted = performance.now();
    await db.execute(
      sql.raw(`copy contacts (workspace_id, id, account_id, first_name, last_name, emails, phones, title)
        from '${copyFile}' with (format csv)`),
    );
    const copySeconds = (performance.now() - copyStarted) / 1000;
    results.copy = { seconds: round(copySeconds), rowsPerSecond: Math.round(contactRows / copySeconds) };
    results.importToCopyRatio = round(importSeconds / copySeconds);
    // The same COPY with the audit trigger off (allowed to the owner only): the audit's share.
    await db.execute(sql`delete from contacts where workspace_id = ${other.id}`);
    const quietStarted = performance.now();
    await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.audit', 'off', true)`);
      await tx.execute(
        sql.raw(`copy contacts (workspace_id, id, account_id, first_name, last_name, emails, phones, title)
          from '${copyFile}' with (format csv)`),
      );
    });
    const quietSeconds = (performance.now() - quietStarted) / 1000;
    results.copyWithoutAudit = { seconds: round(quietSeconds), rowsPerSecond: Math.round(contactRows / quietSeconds) };
    results.contactsTableCost = await contactsTableCost(connection.handle.pool, other.id, accountId);

    results.largeFile = await largeFileImport(dataDir, run, (id) =>
      inWorkspace(db, actor, (tx) => checkImport({ db: tx, actor, now: new Date() }, id)),
    );
  } finally {
    await disconnectDatabase(connection);
    await rm(dataDir, { recursive: true, force: true });
  }
  return results;
}

/**
 * A ~200 MB CSV streamed from disk: upload (stored in pieces, read once for its outline), dry run
 * and full run, each with the process's peak resident memory.
 */
async function largeFileImport(
  dataDir: string,
  run: (body: AsyncIterable<Uint8Array>, fileName: string) => Promise<{ id: string; createdCount: number }>,
  check: (id: string) => Promise<unknown>,
) {
  const file = path.join(dataDir, 'wide-contacts.csv');
  const rows = await writeWideCsv(file, largeFileMegabytes);
  const megabytes = round((await stat(file)).size / 2 ** 20);
  const started = performance.now();
  const {
    result: imported,
    beforeMegabytes,
    peakMegabytes,
  } = await peakRss(() => run(createReadStream(file, { highWaterMark: 2 ** 20 }), 'wide-contacts.csv'));
  const seconds = (performance.now() - started) / 1000;
  const dryRun = await peakRss(() => check(imported.id));
  return {
    megabytes,
    rows,
    uploadAndRun: {
      seconds: round(seconds),
      rowsPerSecond: Math.round(rows / seconds),
      megabytesPerSecond: round(megabytes / seconds),
      created: imported.createdCount,
      rssBeforeMegabytes: beforeMegabytes,
      rssPeakMegabytes: peakMegabytes,
    },
    dryRunAfterwards: { rssBeforeMegabytes: dryRun.beforeMegabytes, rssPeakMegabytes: dryRun.peakMegabytes },
  };
}
