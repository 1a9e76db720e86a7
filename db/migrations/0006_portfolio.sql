CREATE TABLE "portfolio_designations" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"justification" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_comment" text,
	"attractiveness" double precision,
	"attractiveness_threshold" double precision,
	"warnings" text[] DEFAULT '{}'::text[] NOT NULL,
	"previous_status" text,
	"new_status" text,
	CONSTRAINT "portfolio_designations_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "portfolio_designations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "portfolio_models" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"number" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"note" text,
	"created_by" uuid,
	CONSTRAINT "portfolio_models_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "portfolio_models_number_key" UNIQUE("workspace_id","number")
);
--> statement-breakpoint
ALTER TABLE "portfolio_models" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "portfolio_rating_revisions" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "portfolio_rating_revisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "portfolio_ratings" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"account_id" uuid NOT NULL,
	"criterion" text NOT NULL,
	"value" integer NOT NULL,
	"comment" text,
	"rated_by" uuid NOT NULL,
	CONSTRAINT "portfolio_ratings_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "portfolio_ratings_criterion_key" UNIQUE("workspace_id","account_id","criterion")
);
--> statement-breakpoint
ALTER TABLE "portfolio_ratings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "portfolio_review_entries" (
	"workspace_id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"account_name" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"status" text NOT NULL,
	"attractiveness" double precision,
	"strength" double precision,
	"quadrant" text,
	"complete" boolean NOT NULL,
	"inputs" jsonb NOT NULL,
	CONSTRAINT "portfolio_review_entries_workspace_id_review_id_account_id_pk" PRIMARY KEY("workspace_id","review_id","account_id")
);
--> statement-breakpoint
ALTER TABLE "portfolio_review_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "portfolio_reviews" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"notes" text,
	"held_at" timestamp with time zone NOT NULL,
	"held_by" uuid,
	"model_number" integer NOT NULL,
	"account_count" integer NOT NULL,
	"counts" jsonb NOT NULL,
	CONSTRAINT "portfolio_reviews_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "portfolio_reviews" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "portfolio_designations" ADD CONSTRAINT "portfolio_designations_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_models" ADD CONSTRAINT "portfolio_models_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_rating_revisions" ADD CONSTRAINT "portfolio_rating_revisions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_ratings" ADD CONSTRAINT "portfolio_ratings_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_review_entries" ADD CONSTRAINT "portfolio_review_entries_review_fk" FOREIGN KEY ("workspace_id","review_id") REFERENCES "public"."portfolio_reviews"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_reviews" ADD CONSTRAINT "portfolio_reviews_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_reviews" ADD CONSTRAINT "portfolio_reviews_model_fk" FOREIGN KEY ("workspace_id","model_number") REFERENCES "public"."portfolio_models"("workspace_id","number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "portfolio_designations_pending_key" ON "portfolio_designations" USING btree ("workspace_id","account_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "portfolio_designations_account_idx" ON "portfolio_designations" USING btree ("workspace_id","account_id","created_at");--> statement-breakpoint
CREATE INDEX "portfolio_designations_status_idx" ON "portfolio_designations" USING btree ("workspace_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "portfolio_review_entries_account_idx" ON "portfolio_review_entries" USING btree ("workspace_id","account_id");--> statement-breakpoint
CREATE INDEX "portfolio_reviews_held_idx" ON "portfolio_reviews" USING btree ("workspace_id","held_at","id");--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "portfolio_designations" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "portfolio_models" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "portfolio_rating_revisions" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "portfolio_ratings" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "portfolio_review_entries" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "portfolio_reviews" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());