-- Grants for the app role and audit triggers on the KPI tables.
SELECT accord_register_tenant_table('kpi_metrics');
--> statement-breakpoint
SELECT accord_register_tenant_table('kpi_series');
--> statement-breakpoint
SELECT accord_register_tenant_table('kpi_findings');
--> statement-breakpoint
SELECT accord_register_tenant_table('kpi_targets');
--> statement-breakpoint
-- Points arrive by the hundred thousand: an upload is not that many changes. Only a correction
-- (a stored value replaced by another) is audited; the detection job's band and score are not.
GRANT SELECT, INSERT, UPDATE, DELETE ON kpi_points TO accord_app;
--> statement-breakpoint
CREATE TRIGGER audit_correction AFTER UPDATE OF value ON kpi_points
  FOR EACH ROW WHEN (OLD.value IS DISTINCT FROM NEW.value) EXECUTE FUNCTION accord_audit('expected_low', 'expected_high', 'score');
--> statement-breakpoint
-- The detector's state, the job queue and stored upload answers are bookkeeping, not anyone's change.
GRANT SELECT, INSERT, UPDATE, DELETE ON kpi_series_detection TO accord_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON kpi_detection_jobs TO accord_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON kpi_point_uploads TO accord_app;
--> statement-breakpoint
SELECT accord_register_tenant_table('kpi_health_settings');
--> statement-breakpoint
-- A day's health of every account is a computed record, not anyone's change.
GRANT SELECT, INSERT, UPDATE, DELETE ON account_health_history TO accord_app;
