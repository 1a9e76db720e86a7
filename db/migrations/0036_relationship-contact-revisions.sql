CREATE TABLE "relationship_contact_revisions" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"revision" bigint NOT NULL,
	CONSTRAINT "relationship_contact_revisions_workspace_id_account_id_contact_id_pk" PRIMARY KEY("workspace_id","account_id","contact_id")
);
--> statement-breakpoint
ALTER TABLE "relationship_contact_revisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "relationship_account_marks" ADD COLUMN "contact_id" uuid DEFAULT '00000000-0000-0000-0000-000000000000' NOT NULL;--> statement-breakpoint
ALTER TABLE "relationship_contact_revisions" ADD CONSTRAINT "relationship_contact_revisions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "relationship_contact_revisions_revision_idx" ON "relationship_contact_revisions" USING btree ("workspace_id","account_id","revision");--> statement-breakpoint
ALTER TABLE "relationship_account_marks" DROP CONSTRAINT "relationship_account_marks_pk";
--> statement-breakpoint
ALTER TABLE "relationship_account_marks" ADD CONSTRAINT "relationship_account_marks_pk" PRIMARY KEY("transaction_id","workspace_id","account_id","contact_id");--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "relationship_contact_revisions" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());