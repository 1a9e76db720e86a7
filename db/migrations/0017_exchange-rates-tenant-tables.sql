-- Grants for the app role and the audit trigger on the workspace's exchange rates.
SELECT accord_register_tenant_table('exchange_rates');
