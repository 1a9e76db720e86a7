-- Grants and the audit trigger on the loyalty programme's tiers (decision 0016, client care).
SELECT accord_register_tenant_table('loyalty_tiers');
