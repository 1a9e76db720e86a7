-- Platform foundations: extensions, the application role, tenancy and audit functions.
-- Tables arrive in the generated migrations that follow; each registers itself with
-- accord_register_tenant_table() in a custom migration of its module.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint

-- The role that every workspace-scoped transaction switches to (SET LOCAL ROLE), so row-level
-- security applies even when Accord connects as a superuser. Roles are cluster-wide: create once.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'accord_app') THEN
    CREATE ROLE accord_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END
$$;
--> statement-breakpoint
GRANT accord_app TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO accord_app;
--> statement-breakpoint

-- The workspace of the current transaction, or NULL (then no tenant row is visible).
CREATE FUNCTION accord_current_workspace() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.workspace_id', true), '')::uuid $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION accord_current_workspace() TO accord_app;
--> statement-breakpoint

-- UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits, with the version
-- nibble set to 7. Starts from a random v4 UUID, whose variant bits are already right.
CREATE FUNCTION accord_uuid_v7() RETURNS uuid
  LANGUAGE plpgsql VOLATILE PARALLEL SAFE
  AS $$
DECLARE
  milliseconds bigint := floor(extract(epoch FROM clock_timestamp()) * 1000);
  bytes bytea := uuid_send(gen_random_uuid());
BEGIN
  bytes := overlay(bytes PLACING substring(int8send(milliseconds) FROM 3 FOR 6) FROM 1 FOR 6);
  bytes := set_byte(bytes, 6, (get_byte(bytes, 6) & 15) | 112);
  RETURN encode(bytes, 'hex')::uuid;
END
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION accord_uuid_v7() TO accord_app;
--> statement-breakpoint

-- Writes one audit row per changed row, in the changing transaction. Trigger arguments name
-- columns never to copy into the log (secrets). The actor and request come from the
-- transaction's settings. A bulk load by the owner role (not the app role) may turn auditing
-- off for its own transaction with `app.audit = 'off'`.
CREATE FUNCTION accord_audit() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  before_row jsonb;
  after_row jsonb;
  row_data jsonb;
  workspace uuid;
BEGIN
  IF current_setting('app.audit', true) = 'off' AND current_user <> 'accord_app' THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    before_row := to_jsonb(OLD) - coalesce(TG_ARGV, '{}') - 'search';
  END IF;
  IF TG_OP <> 'DELETE' THEN
    after_row := to_jsonb(NEW) - coalesce(TG_ARGV, '{}') - 'search';
  END IF;
  IF TG_OP = 'UPDATE'
     AND (before_row - 'updated_at' - 'version') = (after_row - 'updated_at' - 'version') THEN
    RETURN NULL;
  END IF;
  row_data := coalesce(after_row, before_row);
  workspace := CASE
    WHEN TG_TABLE_NAME = 'workspaces' THEN (row_data ->> 'id')::uuid
    ELSE coalesce((row_data ->> 'workspace_id')::uuid, accord_current_workspace())
  END;
  IF workspace IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO audit_log (workspace_id, id, at, actor_user_id, request_id, entity, entity_id, action, before, after)
  VALUES (
    workspace,
    accord_uuid_v7(),
    clock_timestamp(),
    nullif(current_setting('app.user_id', true), '')::uuid,
    nullif(current_setting('app.request_id', true), ''),
    TG_TABLE_NAME,
    (row_data ->> 'id')::uuid,
    lower(TG_OP),
    before_row,
    after_row
  );
  RETURN NULL;
END
$$;
--> statement-breakpoint

-- Lets the app role read and change a tenant table (row-level security still applies) and
-- attaches the audit trigger. Called once per tenant table by each module's migration.
CREATE FUNCTION accord_register_tenant_table(target regclass, secret_columns text[] DEFAULT '{}')
  RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO accord_app', target);
  EXECUTE format(
    'CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION accord_audit(%s)',
    target,
    coalesce((SELECT string_agg(quote_literal(column_name), ', ') FROM unnest(secret_columns) AS column_name), '')
  );
END
$$;
