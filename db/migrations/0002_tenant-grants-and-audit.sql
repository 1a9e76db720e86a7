-- Grants for the app role and audit triggers on the foundation's tables.
SELECT accord_register_tenant_table('workspaces');
--> statement-breakpoint
SELECT accord_register_tenant_table('memberships');
--> statement-breakpoint
SELECT accord_register_tenant_table('accounts');
--> statement-breakpoint
SELECT accord_register_tenant_table('account_team_members');
--> statement-breakpoint
SELECT accord_register_tenant_table('contacts');
--> statement-breakpoint
SELECT accord_register_tenant_table('custom_field_definitions');
--> statement-breakpoint
-- last_used_at is left out too: using a token is not a change worth a row.
SELECT accord_register_tenant_table('api_tokens', ARRAY['token_hash', 'last_used_at']);
--> statement-breakpoint
-- The log is append-only for the app: it reads and (through the trigger) inserts, never changes.
GRANT SELECT, INSERT ON audit_log TO accord_app;
--> statement-breakpoint
-- Users: members of the workspace are visible, never their password hash. Profile changes are
-- made by the owner role (sign-in, password change run outside a workspace transaction) and
-- audited under the workspace the change was made from.
GRANT SELECT (id, email, name, locale, disabled_at, created_at, updated_at, version) ON users TO accord_app;
--> statement-breakpoint
CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION accord_audit('password_hash');
