CREATE TABLE "account_losses" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"account_id" uuid NOT NULL,
	"lost_on" date NOT NULL,
	"reason" text NOT NULL,
	"story" text NOT NULL,
	"previous_status" text NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "account_losses_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "account_losses_account_key" UNIQUE("workspace_id","account_id")
);
--> statement-breakpoint
ALTER TABLE "account_losses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
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
CREATE TABLE "survey_results" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"account_id" uuid NOT NULL,
	"contact_id" uuid,
	"surveyed_on" date NOT NULL,
	"nps" integer,
	"csat" integer,
	"comment" text,
	"created_by" uuid NOT NULL,
	CONSTRAINT "survey_results_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "survey_results" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "client_feedback" ADD COLUMN "contact_id" uuid;--> statement-breakpoint
ALTER TABLE "brief_templates" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "account_losses" ADD CONSTRAINT "account_losses_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_losses" ADD CONSTRAINT "account_losses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_results" ADD CONSTRAINT "survey_results_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_results" ADD CONSTRAINT "survey_results_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_losses_lost_on_idx" ON "account_losses" USING btree ("workspace_id","lost_on");--> statement-breakpoint
CREATE INDEX "survey_results_account_idx" ON "survey_results" USING btree ("workspace_id","account_id","surveyed_on");--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "account_losses" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "loyalty_tiers" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "survey_results" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());