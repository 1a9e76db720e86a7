-- Grants for the app role and audit triggers on the credit note tables.
SELECT accord_register_tenant_table('credit_notes');
--> statement-breakpoint
SELECT accord_register_tenant_table('credit_note_lines');
--> statement-breakpoint
-- What is open is now gross − paid − credited: the ageing's covering indexes carry the credited
-- amount too, so it still answers from the index alone (decision 0014).
DROP INDEX "invoices_open_ageing_idx";
--> statement-breakpoint
CREATE INDEX "invoices_open_ageing_idx" ON "invoices" ("workspace_id", "currency", "due_on")
  INCLUDE ("gross_minor", "paid_minor", "credited_minor", "issued_on", "account_id")
  WHERE status in ('issued', 'sent', 'partly_paid');
--> statement-breakpoint
DROP INDEX "invoices_invoiced_idx";
--> statement-breakpoint
CREATE INDEX "invoices_invoiced_idx" ON "invoices" ("workspace_id", "issued_on")
  INCLUDE ("currency", "gross_minor", "credited_minor", "status", "account_id")
  WHERE status in ('issued', 'sent', 'partly_paid', 'paid', 'credited');
