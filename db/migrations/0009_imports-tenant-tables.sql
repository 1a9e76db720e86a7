-- Grants for the app role and audit triggers on the import tables.
-- The file itself and the running counters are left out of the audit: the status changes say enough.
SELECT accord_register_tenant_table('imports', ARRAY['file', 'columns', 'processed_rows', 'created_count', 'updated_count', 'unchanged_count', 'failed_count', 'problems', 'heartbeat_at']);
--> statement-breakpoint
SELECT accord_register_tenant_table('import_changes', ARRAY['previous']);
--> statement-breakpoint
SELECT accord_register_tenant_table('external_ids');
--> statement-breakpoint
SELECT accord_register_tenant_table('import_presets');
