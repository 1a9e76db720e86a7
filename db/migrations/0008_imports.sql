CREATE TABLE "external_ids" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"entity" text NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"record_id" uuid NOT NULL,
	"import_id" uuid,
	CONSTRAINT "external_ids_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "external_ids_key" UNIQUE("workspace_id","entity","source","external_id")
);
--> statement-breakpoint
ALTER TABLE "external_ids" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "import_changes" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"import_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"record_id" uuid NOT NULL,
	"action" text NOT NULL,
	"previous" jsonb,
	CONSTRAINT "import_changes_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "import_changes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "import_files" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"file" "bytea" NOT NULL,
	CONSTRAINT "import_files_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "import_files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "import_presets" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "import_presets_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "import_presets_name_key" UNIQUE("workspace_id","name")
);
--> statement-breakpoint
ALTER TABLE "import_presets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "imports" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"encoding" text,
	"delimiter" text,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"columns" jsonb NOT NULL,
	"mapping" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"updated_count" integer DEFAULT 0 NOT NULL,
	"unchanged_count" integer DEFAULT 0 NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checked_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	CONSTRAINT "imports_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "imports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "external_ids" ADD CONSTRAINT "external_ids_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_changes" ADD CONSTRAINT "import_changes_import_fk" FOREIGN KEY ("workspace_id","import_id") REFERENCES "public"."imports"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_files" ADD CONSTRAINT "import_files_import_fk" FOREIGN KEY ("workspace_id","id") REFERENCES "public"."imports"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_presets" ADD CONSTRAINT "import_presets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_created_by_fk" FOREIGN KEY ("workspace_id","created_by") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "external_ids_record_idx" ON "external_ids" USING btree ("workspace_id","entity","record_id");--> statement-breakpoint
CREATE INDEX "external_ids_import_idx" ON "external_ids" USING btree ("workspace_id","import_id");--> statement-breakpoint
CREATE INDEX "import_changes_import_idx" ON "import_changes" USING btree ("workspace_id","import_id","entity");--> statement-breakpoint
CREATE INDEX "imports_created_idx" ON "imports" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "external_ids" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "import_changes" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "import_files" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "import_presets" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "imports" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());