DROP INDEX "accounts_status_idx";--> statement-breakpoint
CREATE INDEX "accounts_status_idx" ON "accounts" USING btree ("workspace_id","status","id");