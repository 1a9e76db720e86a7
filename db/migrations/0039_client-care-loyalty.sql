CREATE TABLE "loyalty_tiers" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"rank" integer NOT NULL,
	"min_tenure_months" integer DEFAULT 0 NOT NULL,
	"min_revenue12m" bigint DEFAULT 0 NOT NULL,
	"min_projects" integer DEFAULT 0 NOT NULL,
	"discount" integer DEFAULT 0 NOT NULL,
	"priority" boolean DEFAULT false NOT NULL,
	CONSTRAINT "loyalty_tiers_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "loyalty_tiers_name_key" UNIQUE("workspace_id","name"),
	CONSTRAINT "loyalty_tiers_rank_key" UNIQUE("workspace_id","rank")
);
--> statement-breakpoint
ALTER TABLE "loyalty_tiers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "loyalty_tiers" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());