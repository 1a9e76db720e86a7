-- Grants for the app role and the audit trigger on the imported bank statement lines.
SELECT accord_register_tenant_table('bank_transactions');
