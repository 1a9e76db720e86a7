import { beforeAll, describe, expect, it } from 'vitest';
import { uploadImport, waitForImport } from '../../../tests/support/import-helpers';
import type { SeededWorkspace } from '../../../tests/support/test-app';
import { useTestApp } from '../../../tests/support/test-app';
import { inWorkspace } from '../../platform/db/client';
import { chunkBytes } from './file-store';
import { processImport, startImport } from './run-import';

describe('imports of files larger than one stored piece', () => {
  const t = useTestApp();
  let workspace: SeededWorkspace;

  beforeAll(async () => {
    workspace = await t.seedWorkspace();
  });

  const names = async () =>
    (await t.query(`select name from accounts where workspace_id = $1 order by name`, [workspace.workspaceId])).map(
      (row) => row.name,
    );

  it('stores a 10 MB upload in pieces and reads every row across their seams', async () => {
    const api = workspace.users.admin.api;
    // NOTE: 1,700 rows of 3,000 characters (two bytes each) are about 10 MB: three pieces.
    const notes = (index: number) => `${'Пометка '.repeat(374)}${String(index).padStart(5, '0')}`;
    // The long column maps to nothing: the seams are in it, and storing it would only slow the test.
    const lines = ['ID;Название компании;Прочее'];
    for (let index = 0; index < 1700; index += 1) lines.push(`S${index};"Компания ""${index}""";${notes(index)}`);
    const bytes = new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
    expect(bytes.byteLength).toBeGreaterThan(2 * chunkBytes);
    const draft = await uploadImport(api, bytes, 'big.csv');
    expect(draft).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';', totalRows: 1700 });
    const pieces = await t.query(`select count(*)::int as n from import_file_chunks where import_id = $1`, [draft.id]);
    expect(pieces[0]?.n).toBe(3);
    const preview = (await api.get(`/api/v1/imports/${draft.id}/preview`)).body;
    expect(preview.rows[0].cells).toEqual(['S0', 'Компания "0"', notes(0)]);
    expect(preview.rows[0].values).toMatchObject({ name: 'Компания "0"' });
    expect((await api.post(`/api/v1/imports/${draft.id}/run`)).status).toBe(202);
    const done = await waitForImport(api, draft.id);
    expect(done).toMatchObject({ status: 'completed', createdCount: 1700, failedCount: 0 });
    const stored = await t.query(
      `select count(distinct name)::int as n from accounts where workspace_id = $1 and name ~ '^Компания "[0-9]+"$'`,
      [workspace.workspaceId],
    );
    expect(stored[0]?.n).toBe(1700);
    expect((await api.post(`/api/v1/imports/${draft.id}/undo`)).status).toBe(200);
    expect(await names()).toEqual([]);
  });

  it('holds no database transaction while a slow client is still sending the file', async () => {
    const head = new TextEncoder().encode('ID;Название компании\nM1;Медленная первая\n');
    const tail = new TextEncoder().encode('M2;Медленная вторая\n');
    let sendTail: () => void = () => undefined;
    const tailReady = new Promise<void>((resolve) => {
      sendTail = resolve;
    });
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        sent += 1;
        if (sent === 1) controller.enqueue(head);
        else if (sent === 2) {
          await tailReady;
          controller.enqueue(tail);
        } else controller.close();
      },
    });
    const response = t.app.request('/api/v1/imports?fileName=slow.csv', {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        authorization: `Bearer ${workspace.users.admin.api.auth.token}`,
      },
      body,
      duplex: 'half',
    } as RequestInit);
    // NOTE: half the file has arrived; the rest waits for the test. Meanwhile no session of this
    // database may sit in a transaction for it (before, the draft row was written first).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sent).toBeGreaterThanOrEqual(2);
    const waiting = await t.query(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null`,
    );
    expect(waiting[0]?.n).toBe(0);
    const drafts = await t.query(`select count(*)::int as n from imports where file_name = 'slow.csv'`);
    expect(drafts[0]?.n).toBe(0);
    sendTail();
    const created = await response;
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ fileName: 'slow.csv', totalRows: 2, delimiter: ';' });
  });

  it('lets the last row of a repeated id win, in one batch and across batches, and reports the earlier row', async () => {
    const admin = workspace.users.admin;
    const csv = 'ID,Название компании\n1,Альфа\n2,Бета\n1,Альфа-2\n';
    const inOneBatch = await uploadImport(admin.api, new TextEncoder().encode(csv), 'repeat.csv');
    expect((await admin.api.post(`/api/v1/imports/${inOneBatch.id}/run`)).status).toBe(202);
    const one = await waitForImport(admin.api, inOneBatch.id);
    expect(one).toMatchObject({ createdCount: 2, failedCount: 1, problems: [{ row: 2 }] });
    expect(await names()).toEqual(['Альфа-2', 'Бета']);
    expect((await admin.api.post(`/api/v1/imports/${inOneBatch.id}/undo`)).status).toBe(200);

    const acrossBatches = await uploadImport(admin.api, new TextEncoder().encode(csv), 'repeat.csv');
    const actor = { userId: admin.id, workspaceId: workspace.workspaceId, role: 'admin' as const };
    await inWorkspace(t.deps.db, actor, (tx) => startImport({ db: tx, actor, now: t.clock.now() }, acrossBatches.id));
    const across = await processImport(t.deps.db, actor, acrossBatches.id, { batchSize: 1, now: t.clock.now });
    expect(across).toMatchObject({ createdCount: 2, updatedCount: 1, failedCount: 1 });
    expect(await names()).toEqual(['Альфа-2', 'Бета']);
    expect((await admin.api.post(`/api/v1/imports/${acrossBatches.id}/undo`)).status).toBe(200);
    expect(await names()).toEqual([]);
  });
});
