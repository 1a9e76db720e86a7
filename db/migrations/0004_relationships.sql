CREATE TABLE "calendar_feeds" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"user_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"last_read_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "calendar_feeds_member_key" UNIQUE("workspace_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "interaction_contacts" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"interaction_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"status" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "interaction_contacts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "interaction_contacts_key" UNIQUE("workspace_id","interaction_id","contact_id")
);
--> statement-breakpoint
ALTER TABLE "interaction_contacts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "interaction_users" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"interaction_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "interaction_users_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "interaction_users_key" UNIQUE("workspace_id","interaction_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "interaction_users" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "interactions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer,
	"location" text,
	"subject" text NOT NULL,
	"summary" text,
	"outcome" text,
	"next_step" text,
	"next_step_owner_id" uuid,
	"next_step_due_on" date,
	"next_step_done" boolean DEFAULT false NOT NULL,
	"created_by_id" uuid,
	CONSTRAINT "interactions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "interactions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "relationship_coverage" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"contact_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"current_level" text NOT NULL,
	"target_level" text NOT NULL,
	CONSTRAINT "relationship_coverage_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "relationship_coverage_owner_key" UNIQUE("workspace_id","contact_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "relationship_coverage" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "relationship_settings" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"stale_after_days" integer NOT NULL,
	CONSTRAINT "relationship_settings_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "relationship_settings_workspace_key" UNIQUE("workspace_id")
);
--> statement-breakpoint
ALTER TABLE "relationship_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "stakeholder_links" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"from_contact_id" uuid NOT NULL,
	"to_contact_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text,
	CONSTRAINT "stakeholder_links_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "stakeholder_links_pair_key" UNIQUE("workspace_id","from_contact_id","to_contact_id","kind")
);
--> statement-breakpoint
ALTER TABLE "stakeholder_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "stakeholders" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"buying_role" text,
	"support" text,
	"influence" text,
	"decision_orientation" text,
	"key_player" boolean DEFAULT false NOT NULL,
	"notes" text,
	CONSTRAINT "stakeholders_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "stakeholders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_member_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_contacts" ADD CONSTRAINT "interaction_contacts_interaction_fk" FOREIGN KEY ("workspace_id","interaction_id") REFERENCES "public"."interactions"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_contacts" ADD CONSTRAINT "interaction_contacts_contact_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_users" ADD CONSTRAINT "interaction_users_interaction_fk" FOREIGN KEY ("workspace_id","interaction_id") REFERENCES "public"."interactions"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_users" ADD CONSTRAINT "interaction_users_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_next_step_owner_fk" FOREIGN KEY ("next_step_owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_created_by_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_coverage" ADD CONSTRAINT "relationship_coverage_contact_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_coverage" ADD CONSTRAINT "relationship_coverage_member_fk" FOREIGN KEY ("workspace_id","user_id") REFERENCES "public"."memberships"("workspace_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_settings" ADD CONSTRAINT "relationship_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_links" ADD CONSTRAINT "stakeholder_links_from_fk" FOREIGN KEY ("workspace_id","from_contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_links" ADD CONSTRAINT "stakeholder_links_to_fk" FOREIGN KEY ("workspace_id","to_contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholders" ADD CONSTRAINT "stakeholders_contact_fk" FOREIGN KEY ("workspace_id","id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "interaction_contacts_contact_idx" ON "interaction_contacts" USING btree ("workspace_id","contact_id","status","occurred_at");--> statement-breakpoint
CREATE INDEX "interaction_users_user_idx" ON "interaction_users" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE INDEX "interactions_account_idx" ON "interactions" USING btree ("workspace_id","account_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "interactions_next_step_owner_idx" ON "interactions" USING btree ("workspace_id","next_step_owner_id","next_step_due_on") WHERE next_step_owner_id is not null and not next_step_done;--> statement-breakpoint
CREATE INDEX "relationship_coverage_user_idx" ON "relationship_coverage" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE INDEX "stakeholder_links_to_idx" ON "stakeholder_links" USING btree ("workspace_id","to_contact_id");--> statement-breakpoint
CREATE INDEX "stakeholders_key_player_idx" ON "stakeholders" USING btree ("workspace_id","id") WHERE key_player or buying_role = 'decision_maker' or influence = 'high';--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "calendar_feeds" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "interaction_contacts" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "interaction_users" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "interactions" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "relationship_coverage" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "relationship_settings" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "stakeholder_links" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "stakeholders" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());