import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { createApiToken } from '../../src/modules/auth';
import { generateDemoWorkspace } from '../../src/modules/demo';
import { createUser } from '../../src/modules/users';
import { loadConfig } from '../../src/platform/config';
import { asSystem, inWorkspace } from '../../src/platform/db/client';
import { createLogger } from '../../src/platform/logger';
import { buildApp, connectDatabase, disconnectDatabase } from '../../src/server';
import { round, summarize, timeRepeated } from '../measure';

const invoiceCount = Number(process.env.BENCH_INVOICES ?? 200_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 50);

type Json = Record<string, unknown>;

async function getJson(url: string, token: string): Promise<Json> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Json;
}

const statementLines = Number(process.env.BENCH_STATEMENT_LINES ?? 10_000);

/**
 * A bank statement of 10,000 lines (target < 5 s): eight in ten name an open invoice and pay
 * what is open on it, the rest name nothing and pay amounts no invoice has. Timed over HTTP,
 * then again (every line a duplicate).
 */
async function timeStatementImport(
  db: Parameters<typeof inWorkspace>[0],
  workspaceId: string,
  base: string,
  token: string,
) {
  const open = await db.execute<{
    number: string;
    open: string;
  }>(sql`select number, (gross_minor - paid_minor)::text as open
    from invoices where workspace_id = ${workspaceId} and currency = 'RUB' and status in ('issued', 'sent', 'partly_paid')
    order by id limit ${Math.round(statementLines * 0.8)}`);
  const rows = ['Дата;Сумма;Валюта;Плательщик;Назначение платежа;Номер'];
  for (let index = 0; index < statementLines; index += 1) {
    const invoice = open.rows[index];
    const amount = invoice ? `${invoice.open.slice(0, -2)},${invoice.open.slice(-2)}` : `${1000 + index},17`;
    const purpose = invoice ? `Оплата по счёту № ${invoice.number}, в т.ч. НДС` : `Перевод ${index}`;
    rows.push(`26.11.2026;${amount};RUB;ООО «Клиент ${index % 97}»;${purpose};${index + 1}`);
  }
  const body = new TextEncoder().encode(rows.join('\n'));
  const post = async () => {
    const started = performance.now();
    const response = await fetch(`${base}/bank-statements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body,
    });
    if (response.status !== 200)
      throw new Error(`bank-statements answered ${response.status}: ${await response.text()}`);
    return { ms: round(performance.now() - started), ...((await response.json()) as Json) };
  };
  const first = await post();
  const again = await post();
  const pick = ({ ms, lines, matched, unmatched, duplicates }: Json) => ({ ms, lines, matched, unmatched, duplicates });
  return { bytes: body.length, first: pick(first), again: pick(again), targetMs: 5000 };
}

/**
 * Receivables ageing over a workspace of 200,000 invoices (target < 300 ms): a demo workspace at
 * scale 1 (its own two years of money), then invoices spread over its accounts and two years —
 * six in ten paid, two partly paid, two open, one in twenty in dollars — added in one statement.
 */
export async function financeBenchmark() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'accord-bench-finance-'));
  const logger = createLogger('warn');
  const config = {
    ...loadConfig({ ...process.env, ACCORD_DATA_DIR: dataDir, ACCORD_DEMO: '0' }),
    databaseUrl: undefined,
  };
  const connection = await connectDatabase(config, logger);
  const db = connection.handle.db;
  const results: Json = { invoiceTarget: invoiceCount, requests };
  try {
    const admin = await asSystem(db, {}, (tx) =>
      createUser(tx, { email: 'bench@example.com', name: 'Bench', password: 'correct horse battery' }),
    );
    const now = new Date();
    const workspace = await asSystem(db, { userId: admin.id }, (tx) =>
      generateDemoWorkspace(tx, { adminUserId: admin.id, scale: 1, locale: 'ru', seed: 1, now }),
    );
    const loadStarted = performance.now();
    await asSystem(db, { userId: admin.id }, async (tx) => {
      await tx.execute(sql`select set_config('app.audit', 'off', true)`);
      await tx.execute(sql`
        with ids as (select array_agg(id order by id) as list from accounts where workspace_id = ${workspace.id}),
          base as (select coalesce(max(sequence), 0) as last from invoices where workspace_id = ${workspace.id}),
          existing as (select count(*)::int as n from invoices where workspace_id = ${workspace.id})
        insert into invoices (workspace_id, id, account_id, sequence, number, status, currency, vat_mode,
          payment_terms_days, issued_on, due_on, net_minor, vat_minor, gross_minor, paid_minor, paid_on)
        select ${workspace.id}, gen_random_uuid(), ids.list[1 + g % array_length(ids.list, 1)], base.last + g,
          to_char(current_date - (g % 730), 'YYYY') || '-' || lpad((base.last + g)::text, greatest(5, length((base.last + g)::text)), '0'), s.status, case when g % 20 = 0 then 'USD' else 'RUB' end, 'included', 10,
          current_date - (g % 730), current_date - (g % 730) + 10,
          100000, 18033, 118033,
          case s.status when 'paid' then 118033 when 'partly_paid' then 50000 else 0 end,
          case s.status when 'paid' then current_date - (g % 730) + 10 + (g % 40) end
        from ids, base, existing, generate_series(1, greatest(0, ${invoiceCount}::int - existing.n)) as g,
          lateral (select case when g % 10 < 6 then 'paid' when g % 10 < 8 then 'partly_paid' else 'sent' end as status) s`);
    });
    // NOTE: vacuum sets the visibility map, as autovacuum would, so index-only scans apply.
    await db.execute(sql`vacuum analyze invoices`);
    results.loadSeconds = round((performance.now() - loadStarted) / 1000);
    const counts = await db.execute<Json>(sql`select count(*)::int as invoices,
      count(*) filter (where status in ('issued', 'sent', 'partly_paid'))::int as open
      from invoices where workspace_id = ${workspace.id}`);
    results.rows = counts.rows[0];

    const actor = { userId: admin.id, workspaceId: workspace.id, role: 'admin' as const };
    const { token } = await inWorkspace(db, actor, (tx) =>
      createApiToken({ db: tx, actor, now: new Date() }, { name: 'bench' }),
    );
    const app = buildApp({ db, config, logger: createLogger('warn'), now: () => new Date() });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1`;
    results.receivablesAgeing = {
      ...summarize(await timeRepeated(requests, async () => void (await getJson(`${base}/receivables`, token)), 5)),
      targetMs: 300,
    };
    results.chaseList = summarize(
      await timeRepeated(requests, async () => void (await getJson(`${base}/receivables/chase`, token)), 5),
    );
    results.overdueInvoicePage = summarize(
      await timeRepeated(
        requests,
        async () => void (await getJson(`${base}/invoices?status=overdue&limit=50`, token)),
        5,
      ),
    );
    results.bankStatement = await timeStatementImport(db, workspace.id, base, token);
    await new Promise((resolve) => server.close(resolve));
  } finally {
    await disconnectDatabase(connection);
    await rm(dataDir, { recursive: true, force: true });
  }
  return results;
}
