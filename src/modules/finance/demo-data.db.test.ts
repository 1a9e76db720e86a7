import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, type Json, useTestApp } from '../../../tests/support/test-app';
import { asSystem, inWorkspace } from '../../platform/db/client';
import { createApiToken } from '../auth';
import { generateDemoWorkspace } from '../demo';
import { createUser } from '../users';
import type { Workspace } from '../workspaces';
import { createContractInput, invoiceLineInput } from './schemas';

type Row = Record<string, Json>;

describe('money in the demo workspace', () => {
  const t = useTestApp();
  let workspace: Workspace;
  let api: ApiClient;
  const rows = async <T = Row>(query: ReturnType<typeof sql>) => (await t.database.db.execute(query)).rows as T[];

  beforeAll(async () => {
    const admin = await asSystem(t.database.db, {}, (tx) =>
      createUser(tx, { email: 'finance-admin@example.com', name: 'Бухгалтер', password: 'correct horse battery' }),
    );
    workspace = await asSystem(t.database.db, { userId: admin.id }, (tx) =>
      generateDemoWorkspace(tx, { adminUserId: admin.id, now: t.clock.now(), scale: 0.5, locale: 'ru', seed: 11 }),
    );
    const actor = { userId: admin.id, workspaceId: workspace.id, role: 'admin' as const };
    const { token } = await inWorkspace(t.database.db, { workspaceId: workspace.id }, (tx) =>
      createApiToken({ db: tx, actor, now: t.clock.now() }, { name: 'demo' }),
    );
    api = new ApiClient(t.app, { token });
  }, 180_000);

  it('has two years of invoices numbered without gaps, whose totals are their lines’ and whose payments add up', async () => {
    const [counts] = await rows(sql`select
      (select count(*)::int from contracts where workspace_id = ${workspace.id}) as contracts,
      (select count(*)::int from invoices where workspace_id = ${workspace.id}) as invoices,
      (select min(sequence)::int from invoices where workspace_id = ${workspace.id}) as first,
      (select max(sequence)::int from invoices where workspace_id = ${workspace.id}) as last,
      (select min(issued_on)::text from invoices where workspace_id = ${workspace.id}) as earliest,
      (select last_number from numbering_counters where workspace_id = ${workspace.id} and series = 'invoice') as counter,
      (select count(*)::int from invoices i where workspace_id = ${workspace.id} and gross_minor <> (
        select sum(gross_minor) from invoice_lines l where l.workspace_id = i.workspace_id and l.invoice_id = i.id)) as bad_totals,
      (select count(*)::int from invoices i where workspace_id = ${workspace.id} and paid_minor <> coalesce((
        select sum(amount_minor) from payment_allocations a where a.workspace_id = i.workspace_id and a.invoice_id = i.id), 0)) as bad_paid`);
    expect(counts?.contracts).toBeGreaterThan(20);
    expect(counts?.invoices).toBeGreaterThan(200);
    expect(counts?.first).toBe(1);
    expect(counts?.last).toBe(counts?.invoices);
    expect(counts?.counter).toBe(counts?.invoices);
    expect(String(counts?.earliest) < '2025-01-15').toBe(true);
    expect(counts?.bad_totals).toBe(0);
    expect(counts?.bad_paid).toBe(0);
  });

  it('has problem accounts: receivables over 90 days and a chase list', async () => {
    const receivables = await api.get('/api/v1/receivables');
    const rub = receivables.body.currencies.find((row: { currency: string }) => row.currency === 'RUB');
    expect(rub.buckets.over90).toBeGreaterThan(0);
    expect(rub.dso).toBeGreaterThan(0);
    const chase = await api.get('/api/v1/receivables/chase');
    expect(chase.body.items.length).toBeGreaterThan(3);
    const facts = await api.get('/api/v1/portfolio/facts');
    expect(facts.status).toBe(200);
  });

  it('has signed acts, a few the paperwork checks catch, and a credit note that lowers what its client owes', async () => {
    const [counts] = await rows(sql`select
      (select count(*)::int from acts where workspace_id = ${workspace.id} and signed_on is not null) as signed,
      (select count(*)::int from credit_notes where workspace_id = ${workspace.id}) as credit_notes,
      (select count(*)::int from invoices where workspace_id = ${workspace.id} and credited_minor > 0) as credited,
      (select last_number from numbering_counters where workspace_id = ${workspace.id} and series = 'credit_note') as counter`);
    expect(counts?.signed).toBeGreaterThan(100);
    expect(counts).toMatchObject({ credit_notes: 1, credited: 1, counter: 1 });
    const checks = (await api.get('/api/v1/finance/checks')).body;
    expect(checks.paidWithoutSignedAct.length).toBeGreaterThanOrEqual(3);
    expect(checks.signedNotInvoiced.length).toBeGreaterThanOrEqual(1);
    const [note] = (await api.get('/api/v1/credit-notes')).body.items;
    const invoice = (await api.get(`/api/v1/invoices/${note.invoiceId}`)).body;
    expect(invoice.openMinor).toBe(invoice.grossMinor - invoice.paidMinor - note.grossMinor);
  });

  it('makes records that pass the same validation as user input', async () => {
    const contracts = await rows(sql`select * from contracts where workspace_id = ${workspace.id} limit 50`);
    for (const contract of contracts) {
      const parsed = createContractInput.safeParse({
        accountId: contract.account_id,
        number: contract.number,
        signedOn:
          contract.signed_on instanceof Date ? contract.signed_on.toISOString().slice(0, 10) : contract.signed_on,
        kind: contract.kind,
        startsOn:
          contract.starts_on instanceof Date ? contract.starts_on.toISOString().slice(0, 10) : contract.starts_on,
        endsOn: contract.ends_on instanceof Date ? contract.ends_on.toISOString().slice(0, 10) : contract.ends_on,
        valueMinor: Number(contract.value_minor),
        currency: contract.currency,
        autoRenewal: contract.auto_renewal,
        paymentTermsDays: contract.payment_terms_days,
        status: contract.status,
        reminderDaysBefore: contract.reminder_days_before,
      });
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
    const lines = await rows(sql`select * from invoice_lines where workspace_id = ${workspace.id} limit 200`);
    for (const line of lines) {
      const parsed = invoiceLineInput.safeParse({
        description: line.description,
        unit: line.unit,
        quantityMilli: Number(line.quantity_milli),
        unitPriceMinor: Number(line.unit_price_minor),
        vatRate: line.vat_rate,
      });
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
  });
});
