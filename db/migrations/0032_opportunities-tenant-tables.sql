-- Grants for the app role and audit triggers on the offering catalogue, buying centres, the
-- pipeline, opportunities, whitespace cells and entered actuals.
SELECT accord_register_tenant_table('offerings');
--> statement-breakpoint
SELECT accord_register_tenant_table('buying_centres');
--> statement-breakpoint
SELECT accord_register_tenant_table('pipeline_stages');
--> statement-breakpoint
SELECT accord_register_tenant_table('opportunities');
--> statement-breakpoint
SELECT accord_register_tenant_table('whitespace_cells');
--> statement-breakpoint
SELECT accord_register_tenant_table('entered_actuals');
