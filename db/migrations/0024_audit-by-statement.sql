-- The audit log is written once per statement instead of once per row (decision 0003).
-- A row-level trigger ran a PL/pgSQL call and a one-row INSERT for every changed row, which made
-- bulk writes (a bank statement paying 8,000 invoices, an import) spend most of their time in
-- the audit. Statement-level triggers see every changed row in transition tables and write the
-- log in one INSERT … SELECT; what a row's entry holds is unchanged. PostgreSQL allows transition
-- tables only on single-event triggers, so each table gets three: insert, update and delete.

CREATE FUNCTION accord_audit_rows() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  hidden text[] := coalesce(TG_ARGV, '{}') || '{search}';
  befores jsonb[];
  afters jsonb[];
BEGIN
  IF current_setting('app.audit', true) = 'off' AND current_user <> 'accord_app' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(NULL::jsonb), array_agg(to_jsonb(changed) - hidden)
      INTO befores, afters
      FROM new_rows AS changed;
  ELSIF TG_OP = 'UPDATE' THEN
    -- Every audited table has an `id`; an update never changes it, so it pairs the two images.
    SELECT array_agg(to_jsonb(before_image) - hidden), array_agg(to_jsonb(after_image) - hidden)
      INTO befores, afters
      FROM old_rows AS before_image
      JOIN new_rows AS after_image ON after_image.id = before_image.id;
  ELSE
    SELECT array_agg(to_jsonb(changed) - hidden), array_agg(NULL::jsonb)
      INTO befores, afters
      FROM old_rows AS changed;
  END IF;
  IF befores IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit_log (workspace_id, id, at, actor_user_id, request_id, entity, entity_id, action, before, after)
  SELECT
    entry.workspace,
    accord_uuid_v7(),
    clock_timestamp(),
    nullif(current_setting('app.user_id', true), '')::uuid,
    nullif(current_setting('app.request_id', true), ''),
    TG_TABLE_NAME,
    (entry.row_data ->> 'id')::uuid,
    lower(TG_OP),
    entry.before_row,
    entry.after_row
  FROM (
    SELECT
      change.before_row,
      change.after_row,
      coalesce(change.after_row, change.before_row) AS row_data,
      CASE
        WHEN TG_TABLE_NAME = 'workspaces' THEN (coalesce(change.after_row, change.before_row) ->> 'id')::uuid
        ELSE coalesce(
          (coalesce(change.after_row, change.before_row) ->> 'workspace_id')::uuid,
          accord_current_workspace()
        )
      END AS workspace
    FROM unnest(befores, afters) WITH ORDINALITY AS change(before_row, after_row, position)
    -- An update that changes nothing but the bookkeeping columns is not a change.
    WHERE TG_OP <> 'UPDATE'
       OR (change.before_row - 'updated_at' - 'version') <> (change.after_row - 'updated_at' - 'version')
    ORDER BY change.position
  ) AS entry
  WHERE entry.workspace IS NOT NULL;
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- Attaches the three statement-level audit triggers to a table, with the columns never to copy.
CREATE FUNCTION accord_attach_audit(target regclass, secret_columns text[] DEFAULT '{}')
  RETURNS void
  LANGUAGE plpgsql
  AS $$
DECLARE
  arguments text := coalesce(
    (SELECT string_agg(quote_literal(column_name), ', ') FROM unnest(secret_columns) AS column_name),
    ''
  );
BEGIN
  EXECUTE format(
    'CREATE TRIGGER audit_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows '
    'FOR EACH STATEMENT EXECUTE FUNCTION accord_audit_rows(%s)',
    target, arguments
  );
  EXECUTE format(
    'CREATE TRIGGER audit_update AFTER UPDATE ON %s REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
    'FOR EACH STATEMENT EXECUTE FUNCTION accord_audit_rows(%s)',
    target, arguments
  );
  EXECUTE format(
    'CREATE TRIGGER audit_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows '
    'FOR EACH STATEMENT EXECUTE FUNCTION accord_audit_rows(%s)',
    target, arguments
  );
END
$$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION accord_register_tenant_table(target regclass, secret_columns text[] DEFAULT '{}')
  RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO accord_app', target);
  PERFORM accord_attach_audit(target, secret_columns);
END
$$;
--> statement-breakpoint

-- Every table audited by the row-level trigger moves to the statement-level ones, keeping its
-- secret columns (stored as the trigger's arguments).
DO $$
DECLARE
  audited record;
BEGIN
  FOR audited IN
    SELECT trigger.tgrelid::regclass AS target,
           coalesce(
             -- tgargs holds the arguments NUL-terminated; `escape` encoding shows each NUL as \000.
             (SELECT array_agg(argument)
                FROM unnest(string_to_array(encode(trigger.tgargs, 'escape'), '\000')) AS argument
               WHERE argument <> ''),
             '{}'
           ) AS secret_columns
      FROM pg_trigger AS trigger
     WHERE trigger.tgname = 'audit' AND trigger.tgfoid = 'accord_audit'::regproc
  LOOP
    EXECUTE format('DROP TRIGGER audit ON %s', audited.target);
    PERFORM accord_attach_audit(audited.target, audited.secret_columns);
  END LOOP;
END
$$;
--> statement-breakpoint

DROP FUNCTION accord_audit();
