-- Grants for the app role and audit triggers on the finance tables.
SELECT accord_register_tenant_table('finance_settings');
--> statement-breakpoint
SELECT accord_register_tenant_table('contracts');
--> statement-breakpoint
SELECT accord_register_tenant_table('invoices');
--> statement-breakpoint
SELECT accord_register_tenant_table('invoice_lines');
--> statement-breakpoint
SELECT accord_register_tenant_table('payments');
--> statement-breakpoint
SELECT accord_register_tenant_table('payment_allocations');
--> statement-breakpoint
SELECT accord_register_tenant_table('acts');
--> statement-breakpoint
-- The numbering counters are bookkeeping: each number shows in the audit as the invoice's own
-- change (its `number` set at issue), so the counter row is not audited again. The app role never
-- deletes a counter: a gap would follow.
GRANT SELECT, INSERT, UPDATE ON numbering_counters TO accord_app;
--> statement-breakpoint
-- Receivables ageing reads only these columns of the open invoices and of the last year's issued
-- ones; covering indexes let it answer from the index alone (decision 0014: 200,000 invoices).
CREATE INDEX "invoices_open_ageing_idx" ON "invoices" ("workspace_id", "currency", "due_on")
  INCLUDE ("gross_minor", "paid_minor", "issued_on", "account_id")
  WHERE status in ('issued', 'sent', 'partly_paid');
--> statement-breakpoint
CREATE INDEX "invoices_invoiced_idx" ON "invoices" ("workspace_id", "issued_on")
  INCLUDE ("currency", "gross_minor", "status", "account_id")
  WHERE status in ('issued', 'sent', 'partly_paid', 'paid');
--> statement-breakpoint
CREATE INDEX "invoices_created_idx" ON "invoices" ("workspace_id", "created_at", "id");
