-- Grants for the app role and audit triggers on the portfolio's tables.
SELECT accord_register_tenant_table('portfolio_models');
--> statement-breakpoint
SELECT accord_register_tenant_table('portfolio_ratings');
--> statement-breakpoint
SELECT accord_register_tenant_table('portfolio_designations');
--> statement-breakpoint
SELECT accord_register_tenant_table('portfolio_reviews');
--> statement-breakpoint
-- A review's entries are its immutable snapshot, written once with it: the review's own row is the
-- audited change (who ran it, when, under which model, with its tallies); auditing each of its
-- 10,000 entries again would double the log for nothing. The app writes and reads them, never
-- updates; they go with their review.
GRANT SELECT, INSERT, DELETE ON portfolio_review_entries TO accord_app;
--> statement-breakpoint
-- The ratings revision is bookkeeping for the servers' caches, not anyone's change: not audited.
GRANT SELECT, INSERT, UPDATE ON portfolio_rating_revisions TO accord_app;
