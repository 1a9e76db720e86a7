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
-- A correction is logged against its series (points have no id of their own).
CREATE FUNCTION kpi_points_audit_correction() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF current_setting('app.audit', true) = 'off' AND current_user <> 'accord_app' THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit_log (workspace_id, id, at, actor_user_id, request_id, entity, entity_id, action, before, after)
  VALUES (
    NEW.workspace_id,
    accord_uuid_v7(),
    clock_timestamp(),
    nullif(current_setting('app.user_id', true), '')::uuid,
    nullif(current_setting('app.request_id', true), ''),
    'kpi_points',
    NEW.series_id,
    'update',
    jsonb_build_object('at', OLD.at, 'value', OLD.value),
    jsonb_build_object('at', NEW.at, 'value', NEW.value)
  );
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_correction AFTER UPDATE OF value ON kpi_points
  FOR EACH ROW WHEN (OLD.value IS DISTINCT FROM NEW.value) EXECUTE FUNCTION kpi_points_audit_correction();
--> statement-breakpoint
-- A series' points go with it (in place of a foreign key, which checked every loaded point).
CREATE FUNCTION kpi_series_delete_points() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  DELETE FROM kpi_points WHERE workspace_id = OLD.workspace_id AND series_id = OLD.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER delete_points AFTER DELETE ON kpi_series
  FOR EACH ROW EXECUTE FUNCTION kpi_series_delete_points();
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
