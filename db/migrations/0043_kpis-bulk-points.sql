-- Corrections of KPI points are audited once per statement instead of once per row (decision 0013):
-- a row-level trigger ran a PL/pgSQL call and a one-row INSERT for each of an upload's 100,000
-- corrected points (~6,500 points/s). The statement-level trigger sees the statement's old and new
-- rows in transition tables and writes every changed value's entry in one INSERT … SELECT; what
-- an entry holds is unchanged (against the series id, the point's time, the old and new value).
DROP TRIGGER audit_correction ON kpi_points;
--> statement-breakpoint
DROP FUNCTION kpi_points_audit_correction();
--> statement-breakpoint
CREATE FUNCTION kpi_points_audit_corrections() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  IF current_setting('app.audit', true) = 'off' AND current_user <> 'accord_app' THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit_log (workspace_id, id, at, actor_user_id, request_id, entity, entity_id, action, before, after)
  SELECT
    after_image.workspace_id,
    accord_uuid_v7(),
    clock_timestamp(),
    nullif(current_setting('app.user_id', true), '')::uuid,
    nullif(current_setting('app.request_id', true), ''),
    'kpi_points',
    after_image.series_id,
    'update',
    jsonb_build_object('at', before_image.at, 'value', before_image.value),
    jsonb_build_object('at', after_image.at, 'value', after_image.value)
  FROM old_rows AS before_image
  -- A point's key (workspace, series, time) never changes: only its value, band and score do.
  JOIN new_rows AS after_image
    ON after_image.workspace_id = before_image.workspace_id
   AND after_image.series_id = before_image.series_id
   AND after_image.at = before_image.at
  -- The detection job's band and score are not corrections.
  WHERE after_image.value IS DISTINCT FROM before_image.value
  ORDER BY after_image.series_id, after_image.at;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_corrections AFTER UPDATE ON kpi_points
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_points_audit_corrections();
