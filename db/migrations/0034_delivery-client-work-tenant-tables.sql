-- Grants for the app role and audit triggers on requests, briefs and client reports (decision 0016).
SELECT accord_register_tenant_table('brief_templates');
--> statement-breakpoint
SELECT accord_register_tenant_table('client_requests');
--> statement-breakpoint
SELECT accord_register_tenant_table('report_schedules');
--> statement-breakpoint
SELECT accord_register_tenant_table('client_reports');
