-- Grants for the app role and audit triggers on the account plan tables.
SELECT accord_register_tenant_table('plan_template_sections');
--> statement-breakpoint
SELECT accord_register_tenant_table('account_plans');
--> statement-breakpoint
SELECT accord_register_tenant_table('plan_sections');
--> statement-breakpoint
SELECT accord_register_tenant_table('plan_competitors');
--> statement-breakpoint
SELECT accord_register_tenant_table('plan_objectives');
--> statement-breakpoint
SELECT accord_register_tenant_table('plan_actions');
--> statement-breakpoint
SELECT accord_register_tenant_table('plan_versions');
--> statement-breakpoint
-- An approved version is a record of what was approved: the app role may add one, never change
-- or remove it (an account's deletion still removes its plans' versions through the cascade).
REVOKE UPDATE, DELETE ON plan_versions FROM accord_app;
