-- Grants for the app role and audit triggers on the import tables.
-- The running counters are left out of the audit: the status changes say enough.
SELECT accord_register_tenant_table('imports', ARRAY['columns', 'processed_rows', 'created_count', 'updated_count', 'unchanged_count', 'failed_count', 'problems', 'heartbeat_at']);
--> statement-breakpoint
SELECT accord_register_tenant_table('import_presets');
--> statement-breakpoint
-- NOTE: no audit trigger on the import's own bookkeeping: each of its rows mirrors a change to an
-- account or contact that the audit log already records (with the actor and request), and auditing
-- it too tripled the audit rows per imported row (decision 0015).
GRANT SELECT, INSERT, UPDATE, DELETE ON import_changes TO accord_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON external_ids TO accord_app;
--> statement-breakpoint
-- The uploaded file is written once and never audited: the log would hold every file again.
GRANT SELECT, INSERT, UPDATE, DELETE ON import_files TO accord_app;
