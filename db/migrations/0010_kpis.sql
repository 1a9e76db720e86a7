CREATE TABLE "account_health_history" (
	"workspace_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"day" date NOT NULL,
	"score" double precision,
	"grade" text,
	"factors" jsonb NOT NULL,
	CONSTRAINT "account_health_history_workspace_id_account_id_day_pk" PRIMARY KEY("workspace_id","account_id","day")
);
--> statement-breakpoint
ALTER TABLE "account_health_history" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "kpi_detection_jobs" (
	"workspace_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rescore" boolean DEFAULT false NOT NULL,
	"lease_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_detection_jobs_workspace_id_series_id_pk" PRIMARY KEY("workspace_id","series_id")
);
--> statement-breakpoint
ALTER TABLE "kpi_detection_jobs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "kpi_findings" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"series_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"score" double precision NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"observed" double precision NOT NULL,
	"expected_low" double precision NOT NULL,
	"expected_high" double precision NOT NULL,
	"missing_points" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"interaction_id" uuid,
	CONSTRAINT "kpi_findings_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "kpi_findings_alert_key" UNIQUE("workspace_id","series_id","at","kind")
);
--> statement-breakpoint
ALTER TABLE "kpi_findings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "kpi_health_settings" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"weights" jsonb NOT NULL,
	CONSTRAINT "kpi_health_settings_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "kpi_health_settings_workspace_key" UNIQUE("workspace_id")
);
--> statement-breakpoint
ALTER TABLE "kpi_health_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "kpi_metrics" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"key" text NOT NULL,
	"name_en" text NOT NULL,
	"name_ru" text NOT NULL,
	"unit" text NOT NULL,
	"direction" text NOT NULL,
	"aggregation" text NOT NULL,
	"frequency" text NOT NULL,
	CONSTRAINT "kpi_metrics_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "kpi_metrics_key" UNIQUE("workspace_id","key")
);
--> statement-breakpoint
ALTER TABLE "kpi_metrics" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "kpi_point_uploads" (
	"workspace_id" uuid NOT NULL,
	"key" text NOT NULL,
	"series_id" uuid NOT NULL,
	"body_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_point_uploads_workspace_id_key_pk" PRIMARY KEY("workspace_id","key")
);
--> statement-breakpoint
ALTER TABLE "kpi_point_uploads" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "kpi_points" (
	"workspace_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"value" double precision NOT NULL,
	"expected_low" double precision,
	"expected_high" double precision,
	"score" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_points_workspace_id_series_id_at_pk" PRIMARY KEY("workspace_id","series_id","at")
);
--> statement-breakpoint
ALTER TABLE "kpi_points" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "kpi_series" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"account_id" uuid NOT NULL,
	"metric_key" text NOT NULL,
	"dimension" text DEFAULT '' NOT NULL,
	CONSTRAINT "kpi_series_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "kpi_series_key" UNIQUE("workspace_id","account_id","metric_key","dimension")
);
--> statement-breakpoint
ALTER TABLE "kpi_series" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "kpi_series_detection" (
	"workspace_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"state" jsonb,
	"scored_through" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_series_detection_workspace_id_series_id_pk" PRIMARY KEY("workspace_id","series_id")
);
--> statement-breakpoint
ALTER TABLE "kpi_series_detection" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "kpi_targets" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"series_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "kpi_targets_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "kpi_targets_period_key" UNIQUE("workspace_id","series_id","period_start")
);
--> statement-breakpoint
ALTER TABLE "kpi_targets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "account_health_history" ADD CONSTRAINT "account_health_history_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_detection_jobs" ADD CONSTRAINT "kpi_detection_jobs_series_fk" FOREIGN KEY ("workspace_id","series_id") REFERENCES "public"."kpi_series"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_findings" ADD CONSTRAINT "kpi_findings_series_fk" FOREIGN KEY ("workspace_id","series_id") REFERENCES "public"."kpi_series"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_findings" ADD CONSTRAINT "kpi_findings_decided_by_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_point_uploads" ADD CONSTRAINT "kpi_point_uploads_series_fk" FOREIGN KEY ("workspace_id","series_id") REFERENCES "public"."kpi_series"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_series" ADD CONSTRAINT "kpi_series_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_series_detection" ADD CONSTRAINT "kpi_series_detection_series_fk" FOREIGN KEY ("workspace_id","series_id") REFERENCES "public"."kpi_series"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_targets" ADD CONSTRAINT "kpi_targets_series_fk" FOREIGN KEY ("workspace_id","series_id") REFERENCES "public"."kpi_series"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kpi_detection_jobs_due_idx" ON "kpi_detection_jobs" USING btree ("requested_at");--> statement-breakpoint
CREATE INDEX "kpi_findings_account_idx" ON "kpi_findings" USING btree ("workspace_id","account_id","at");--> statement-breakpoint
CREATE INDEX "kpi_findings_open_idx" ON "kpi_findings" USING btree ("workspace_id","at") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "kpi_series_metric_idx" ON "kpi_series" USING btree ("workspace_id","metric_key");--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "account_health_history" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "kpi_detection_jobs" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "kpi_findings" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "kpi_health_settings" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "kpi_metrics" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "kpi_point_uploads" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "kpi_points" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "kpi_series" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "kpi_series_detection" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "kpi_targets" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());