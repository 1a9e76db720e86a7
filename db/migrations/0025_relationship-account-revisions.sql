CREATE TABLE "relationship_account_marks" (
	"transaction_id" bigint NOT NULL,
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	CONSTRAINT "relationship_account_marks_pk" PRIMARY KEY("transaction_id","workspace_id","account_id")
);
--> statement-breakpoint
ALTER TABLE "relationship_account_marks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "relationship_account_revisions" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"revision" bigint NOT NULL,
	CONSTRAINT "relationship_account_revisions_workspace_id_account_id_pk" PRIMARY KEY("workspace_id","account_id")
);
--> statement-breakpoint
ALTER TABLE "relationship_account_revisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "relationship_account_marks" ADD CONSTRAINT "relationship_account_marks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_account_revisions" ADD CONSTRAINT "relationship_account_revisions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "relationship_account_revisions_revision_idx" ON "relationship_account_revisions" USING btree ("workspace_id","revision");--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "relationship_account_marks" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "relationship_account_revisions" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());