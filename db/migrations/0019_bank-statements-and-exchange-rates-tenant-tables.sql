-- Grants for the app role on the imported bank statement lines. No audit trigger: a line is a
-- copy of the bank's own record, and what it does is audited where it happens — the payment it
-- becomes, its allocations and the invoices it pays. A statement of 10,000 lines would otherwise
-- write 10,000 audit rows of the bank's data (decision 0014). The app role never deletes a line:
-- the line is what keeps a second import from paying twice.
GRANT SELECT, INSERT, UPDATE ON bank_transactions TO accord_app;

--> statement-breakpoint
-- Grants for the app role and the audit trigger on the workspace's exchange rates.
SELECT accord_register_tenant_table('exchange_rates');
