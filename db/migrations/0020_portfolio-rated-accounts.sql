CREATE TABLE "portfolio_rated_accounts" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"revision" bigint NOT NULL,
	CONSTRAINT "portfolio_rated_accounts_workspace_id_account_id_pk" PRIMARY KEY("workspace_id","account_id")
);
--> statement-breakpoint
ALTER TABLE "portfolio_rated_accounts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "portfolio_rated_accounts" ADD CONSTRAINT "portfolio_rated_accounts_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portfolio_rated_accounts_revision_idx" ON "portfolio_rated_accounts" USING btree ("workspace_id","revision");--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "portfolio_rated_accounts" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());