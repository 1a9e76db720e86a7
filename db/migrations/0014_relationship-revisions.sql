CREATE TABLE "relationship_change_marks" (
	"transaction_id" bigint NOT NULL,
	"workspace_id" uuid NOT NULL,
	CONSTRAINT "relationship_change_marks_transaction_id_workspace_id_pk" PRIMARY KEY("transaction_id","workspace_id")
);
--> statement-breakpoint
ALTER TABLE "relationship_change_marks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "relationship_revisions" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "relationship_revisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "relationship_change_marks" ADD CONSTRAINT "relationship_change_marks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_revisions" ADD CONSTRAINT "relationship_revisions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "relationship_change_marks" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "relationship_revisions" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());