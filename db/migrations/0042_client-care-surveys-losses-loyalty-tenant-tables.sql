-- Grants and the audit trigger on survey results and lost accounts (decision 0016, client care);
-- the contact of a case or an answer is forgotten, not the case, when the contact is deleted.
SELECT accord_register_tenant_table('survey_results');--> statement-breakpoint
SELECT accord_register_tenant_table('account_losses');--> statement-breakpoint
ALTER TABLE "client_feedback" ADD CONSTRAINT "client_feedback_contact_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE SET NULL ("contact_id");--> statement-breakpoint
ALTER TABLE "survey_results" ADD CONSTRAINT "survey_results_contact_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE SET NULL ("contact_id");

--> statement-breakpoint
-- Grants and the audit trigger on the loyalty programme's tiers (decision 0016, client care).
SELECT accord_register_tenant_table('loyalty_tiers');
