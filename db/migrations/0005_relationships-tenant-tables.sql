-- Grants for the app role and audit triggers on the relationship map's tables.
SELECT accord_register_tenant_table('stakeholders');
--> statement-breakpoint
SELECT accord_register_tenant_table('stakeholder_links');
--> statement-breakpoint
SELECT accord_register_tenant_table('relationship_coverage');
--> statement-breakpoint
SELECT accord_register_tenant_table('interactions');
--> statement-breakpoint
-- The repeated time and status follow the interaction's own audited row; only who took part is news.
SELECT accord_register_tenant_table('interaction_contacts', ARRAY['status', 'occurred_at']);
--> statement-breakpoint
SELECT accord_register_tenant_table('interaction_users');
--> statement-breakpoint
SELECT accord_register_tenant_table('relationship_settings');
--> statement-breakpoint
-- A feed being read by a calendar app is not a change worth a row.
SELECT accord_register_tenant_table('calendar_feeds', ARRAY['token_hash', 'last_read_at']);
