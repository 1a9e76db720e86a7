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
