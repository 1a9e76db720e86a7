-- Grants for the app role and audit triggers on the delivery tables.
SELECT accord_register_tenant_table('delivery_settings');
--> statement-breakpoint
SELECT accord_register_tenant_table('departments');
--> statement-breakpoint
SELECT accord_register_tenant_table('delivery_members');
--> statement-breakpoint
SELECT accord_register_tenant_table('project_types');
--> statement-breakpoint
SELECT accord_register_tenant_table('projects');
--> statement-breakpoint
SELECT accord_register_tenant_table('tasks');
--> statement-breakpoint
SELECT accord_register_tenant_table('task_comments');
--> statement-breakpoint
SELECT accord_register_tenant_table('price_list_items');
--> statement-breakpoint
SELECT accord_register_tenant_table('estimates');
--> statement-breakpoint
SELECT accord_register_tenant_table('estimate_lines');
--> statement-breakpoint
-- The board and the workload read only open tasks; a partial covering index answers the
-- workload's sums per assignee and week without touching the table (decision 0016).
CREATE INDEX "tasks_open_workload_idx" ON "tasks" ("workspace_id", "due_at")
  INCLUDE ("assignee_id", "department_id", "estimate_minutes")
  WHERE status <> 'done' AND acceptance <> 'declined';
