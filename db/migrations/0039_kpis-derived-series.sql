CREATE TABLE "kpi_derived_sources" (
	"workspace_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_version" text NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "kpi_derived_sources_workspace_id_source_pk" PRIMARY KEY("workspace_id","source")
);
--> statement-breakpoint
ALTER TABLE "kpi_derived_sources" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "kpi_series" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "kpi_series" ADD COLUMN "source_module" text;--> statement-breakpoint
ALTER TABLE "kpi_series" ADD COLUMN "source_read_permission" text;--> statement-breakpoint
ALTER TABLE "kpi_series" ADD COLUMN "source_read_all_permission" text;--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "kpi_derived_sources" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());