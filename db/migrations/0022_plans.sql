CREATE TABLE "account_plans" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"account_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" text NOT NULL,
	"review_comment" text,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by_id" uuid,
	"copied_from_id" uuid,
	CONSTRAINT "account_plans_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "account_plans_period_key" UNIQUE("workspace_id","account_id","period_start"),
	CONSTRAINT "account_plans_period_check" CHECK (period_end >= period_start)
);
--> statement-breakpoint
ALTER TABLE "account_plans" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plan_actions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"plan_id" uuid NOT NULL,
	"objective_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid,
	"due_on" date,
	"status" text NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"carried_from_id" uuid,
	CONSTRAINT "plan_actions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "plan_actions_progress_check" CHECK (progress between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "plan_actions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plan_competitors" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"share_of_wallet" integer,
	"strengths" text,
	"weaknesses" text,
	"threat" text NOT NULL,
	CONSTRAINT "plan_competitors_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "plan_competitors_share_check" CHECK (share_of_wallet between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "plan_competitors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plan_objectives" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"metric_key" text,
	"metric_name" text,
	"baseline" double precision,
	"target" double precision,
	"period_from" date,
	"period_to" date,
	"due_on" date,
	CONSTRAINT "plan_objectives_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "plan_objectives" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plan_sections" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"plan_id" uuid NOT NULL,
	"template_section_id" uuid NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	CONSTRAINT "plan_sections_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "plan_sections_key" UNIQUE("workspace_id","plan_id","template_section_id")
);
--> statement-breakpoint
ALTER TABLE "plan_sections" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plan_template_sections" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"key" text,
	"title_en" text NOT NULL,
	"title_ru" text NOT NULL,
	"position" integer NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "plan_template_sections_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "plan_template_sections_key" UNIQUE("workspace_id","key")
);
--> statement-breakpoint
ALTER TABLE "plan_template_sections" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "plan_versions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"approved_by_id" uuid NOT NULL,
	CONSTRAINT "plan_versions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "plan_versions_number_key" UNIQUE("workspace_id","plan_id","number")
);
--> statement-breakpoint
ALTER TABLE "plan_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "account_plans" ADD CONSTRAINT "account_plans_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_plans" ADD CONSTRAINT "account_plans_decided_by_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_plan_fk" FOREIGN KEY ("workspace_id","plan_id") REFERENCES "public"."account_plans"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_objective_fk" FOREIGN KEY ("workspace_id","objective_id") REFERENCES "public"."plan_objectives"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_owner_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_competitors" ADD CONSTRAINT "plan_competitors_plan_fk" FOREIGN KEY ("workspace_id","plan_id") REFERENCES "public"."account_plans"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_objectives" ADD CONSTRAINT "plan_objectives_plan_fk" FOREIGN KEY ("workspace_id","plan_id") REFERENCES "public"."account_plans"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sections" ADD CONSTRAINT "plan_sections_plan_fk" FOREIGN KEY ("workspace_id","plan_id") REFERENCES "public"."account_plans"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_sections" ADD CONSTRAINT "plan_sections_template_fk" FOREIGN KEY ("workspace_id","template_section_id") REFERENCES "public"."plan_template_sections"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_plan_fk" FOREIGN KEY ("workspace_id","plan_id") REFERENCES "public"."account_plans"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_versions" ADD CONSTRAINT "plan_versions_approved_by_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_actions_plan_idx" ON "plan_actions" USING btree ("workspace_id","plan_id");--> statement-breakpoint
CREATE INDEX "plan_actions_due_idx" ON "plan_actions" USING btree ("workspace_id","due_on");--> statement-breakpoint
CREATE INDEX "plan_competitors_plan_idx" ON "plan_competitors" USING btree ("workspace_id","plan_id");--> statement-breakpoint
CREATE INDEX "plan_objectives_plan_idx" ON "plan_objectives" USING btree ("workspace_id","plan_id");--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "account_plans" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "plan_actions" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "plan_competitors" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "plan_objectives" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "plan_sections" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "plan_template_sections" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "plan_versions" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());