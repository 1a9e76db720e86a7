CREATE TABLE "buying_centres" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"child_account_id" uuid,
	"position" integer NOT NULL,
	CONSTRAINT "buying_centres_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "buying_centres_child_key" UNIQUE("workspace_id","account_id","child_account_id")
);
--> statement-breakpoint
ALTER TABLE "buying_centres" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "entered_actuals" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"account_id" uuid NOT NULL,
	"month" date NOT NULL,
	"currency" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	CONSTRAINT "entered_actuals_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "entered_actuals_key" UNIQUE("workspace_id","account_id","month","currency")
);
--> statement-breakpoint
ALTER TABLE "entered_actuals" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "offerings" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"key" text,
	"name" text NOT NULL,
	"family" text NOT NULL,
	"kind" text NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "offerings_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "offerings_key" UNIQUE("workspace_id","key")
);
--> statement-breakpoint
ALTER TABLE "offerings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "opportunities" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"account_id" uuid NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"offering_id" uuid,
	"buying_centre_id" uuid,
	"stage_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"probability" integer NOT NULL,
	"expected_close_on" date NOT NULL,
	"owner_id" uuid NOT NULL,
	"next_step" text,
	"lost_reason" text,
	"closed_at" timestamp with time zone,
	CONSTRAINT "opportunities_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "opportunities_probability_check" CHECK (probability between 0 and 100),
	CONSTRAINT "opportunities_amount_check" CHECK (amount_minor >= 0)
);
--> statement-breakpoint
ALTER TABLE "opportunities" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "pipeline_stages" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"key" text,
	"title_en" text NOT NULL,
	"title_ru" text NOT NULL,
	"position" integer NOT NULL,
	"probability" integer NOT NULL,
	"outcome" text NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "pipeline_stages_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "pipeline_stages_key" UNIQUE("workspace_id","key"),
	CONSTRAINT "pipeline_stages_probability_check" CHECK (probability between 0 and 100)
);
--> statement-breakpoint
ALTER TABLE "pipeline_stages" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "whitespace_cells" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"account_id" uuid NOT NULL,
	"buying_centre_id" uuid NOT NULL,
	"offering_id" uuid NOT NULL,
	"state" text NOT NULL,
	"currency" text NOT NULL,
	"current_revenue_minor" bigint DEFAULT 0 NOT NULL,
	"potential_minor" bigint DEFAULT 0 NOT NULL,
	"competitor" text,
	CONSTRAINT "whitespace_cells_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "whitespace_cells_key" UNIQUE("workspace_id","buying_centre_id","offering_id"),
	CONSTRAINT "whitespace_cells_amounts_check" CHECK (current_revenue_minor >= 0 and potential_minor >= 0)
);
--> statement-breakpoint
ALTER TABLE "whitespace_cells" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "plan_objectives" ADD COLUMN "target_minor" bigint;--> statement-breakpoint
ALTER TABLE "plan_objectives" ADD COLUMN "target_currency" text;--> statement-breakpoint
ALTER TABLE "buying_centres" ADD CONSTRAINT "buying_centres_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buying_centres" ADD CONSTRAINT "buying_centres_child_fk" FOREIGN KEY ("workspace_id","child_account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entered_actuals" ADD CONSTRAINT "entered_actuals_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_offering_fk" FOREIGN KEY ("workspace_id","offering_id") REFERENCES "public"."offerings"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_centre_fk" FOREIGN KEY ("workspace_id","buying_centre_id") REFERENCES "public"."buying_centres"("workspace_id","id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_stage_fk" FOREIGN KEY ("workspace_id","stage_id") REFERENCES "public"."pipeline_stages"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_owner_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitespace_cells" ADD CONSTRAINT "whitespace_cells_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitespace_cells" ADD CONSTRAINT "whitespace_cells_centre_fk" FOREIGN KEY ("workspace_id","buying_centre_id") REFERENCES "public"."buying_centres"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitespace_cells" ADD CONSTRAINT "whitespace_cells_offering_fk" FOREIGN KEY ("workspace_id","offering_id") REFERENCES "public"."offerings"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opportunities_account_idx" ON "opportunities" USING btree ("workspace_id","account_id");--> statement-breakpoint
CREATE INDEX "opportunities_stage_idx" ON "opportunities" USING btree ("workspace_id","stage_id");--> statement-breakpoint
CREATE INDEX "whitespace_cells_offering_idx" ON "whitespace_cells" USING btree ("workspace_id","offering_id");--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "buying_centres" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "entered_actuals" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "offerings" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "opportunities" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "pipeline_stages" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "whitespace_cells" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());