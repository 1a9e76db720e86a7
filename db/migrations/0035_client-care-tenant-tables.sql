-- Grants for the app role and the audit trigger on complaints, conflicts and feedback (decision 0016).
SELECT accord_register_tenant_table('client_feedback');
