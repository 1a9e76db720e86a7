CREATE TABLE "acts" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"account_id" uuid NOT NULL,
	"invoice_id" uuid,
	"number" text NOT NULL,
	"act_date" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"signed_on" date,
	"document_url" text,
	CONSTRAINT "acts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "acts_number_key" UNIQUE("workspace_id","number")
);
--> statement-breakpoint
ALTER TABLE "acts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "contracts" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"account_id" uuid NOT NULL,
	"number" text NOT NULL,
	"signed_on" date NOT NULL,
	"kind" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"value_minor" bigint,
	"currency" text NOT NULL,
	"auto_renewal" boolean DEFAULT false NOT NULL,
	"payment_terms_days" integer NOT NULL,
	"status" text NOT NULL,
	"document_url" text,
	"reminder_days_before" integer NOT NULL,
	"notes" text,
	CONSTRAINT "contracts_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "contracts_number_key" UNIQUE("workspace_id","account_id","number"),
	CONSTRAINT "contracts_period_check" CHECK (ends_on is null or ends_on >= starts_on)
);
--> statement-breakpoint
ALTER TABLE "contracts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "finance_settings" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"vat_rates" integer[] NOT NULL,
	"no_vat_allowed" boolean NOT NULL,
	"default_vat_rate" integer,
	"vat_mode" text NOT NULL,
	"base_currency" text NOT NULL,
	"payment_terms_days" integer NOT NULL,
	CONSTRAINT "finance_settings_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "finance_settings_workspace_key" UNIQUE("workspace_id")
);
--> statement-breakpoint
ALTER TABLE "finance_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"invoice_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"unit" text,
	"quantity_milli" bigint NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"vat_rate" integer,
	"net_minor" bigint NOT NULL,
	"vat_minor" bigint NOT NULL,
	"gross_minor" bigint NOT NULL,
	CONSTRAINT "invoice_lines_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
ALTER TABLE "invoice_lines" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "invoices" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"account_id" uuid NOT NULL,
	"contract_id" uuid,
	"sequence" integer,
	"number" text,
	"status" text NOT NULL,
	"currency" text NOT NULL,
	"vat_mode" text NOT NULL,
	"payment_terms_days" integer NOT NULL,
	"issued_on" date,
	"due_on" date,
	"sent_on" date,
	"paid_on" date,
	"net_minor" bigint DEFAULT 0 NOT NULL,
	"vat_minor" bigint DEFAULT 0 NOT NULL,
	"gross_minor" bigint DEFAULT 0 NOT NULL,
	"paid_minor" bigint DEFAULT 0 NOT NULL,
	"notes" text,
	"cancel_reason" text,
	"reissue_of" uuid,
	CONSTRAINT "invoices_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "invoices_sequence_key" UNIQUE("workspace_id","sequence"),
	CONSTRAINT "invoices_paid_check" CHECK (paid_minor >= 0 and paid_minor <= gross_minor)
);
--> statement-breakpoint
ALTER TABLE "invoices" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "numbering_counters" (
	"workspace_id" uuid NOT NULL,
	"series" text NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "numbering_counters_workspace_id_series_pk" PRIMARY KEY("workspace_id","series")
);
--> statement-breakpoint
ALTER TABLE "numbering_counters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "payment_allocations" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"payment_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	CONSTRAINT "payment_allocations_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "payment_allocations_amount_check" CHECK (amount_minor > 0)
);
--> statement-breakpoint
ALTER TABLE "payment_allocations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "payments" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"account_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"allocated_minor" bigint DEFAULT 0 NOT NULL,
	"reference" text,
	"note" text,
	CONSTRAINT "payments_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "payments_allocated_check" CHECK (amount_minor > 0 and allocated_minor >= 0 and allocated_minor <= amount_minor)
);
--> statement-breakpoint
ALTER TABLE "payments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "acts" ADD CONSTRAINT "acts_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acts" ADD CONSTRAINT "acts_invoice_fk" FOREIGN KEY ("workspace_id","invoice_id") REFERENCES "public"."invoices"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_settings" ADD CONSTRAINT "finance_settings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_fk" FOREIGN KEY ("workspace_id","invoice_id") REFERENCES "public"."invoices"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_contract_fk" FOREIGN KEY ("workspace_id","contract_id") REFERENCES "public"."contracts"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "numbering_counters" ADD CONSTRAINT "numbering_counters_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_fk" FOREIGN KEY ("workspace_id","payment_id") REFERENCES "public"."payments"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_invoice_fk" FOREIGN KEY ("workspace_id","invoice_id") REFERENCES "public"."invoices"("workspace_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_account_fk" FOREIGN KEY ("workspace_id","account_id") REFERENCES "public"."accounts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "acts_invoice_idx" ON "acts" USING btree ("workspace_id","invoice_id");--> statement-breakpoint
CREATE INDEX "contracts_ends_on_idx" ON "contracts" USING btree ("workspace_id","ends_on");--> statement-breakpoint
CREATE INDEX "invoice_lines_invoice_idx" ON "invoice_lines" USING btree ("workspace_id","invoice_id","position");--> statement-breakpoint
CREATE INDEX "invoices_account_idx" ON "invoices" USING btree ("workspace_id","account_id");--> statement-breakpoint
CREATE INDEX "invoices_open_idx" ON "invoices" USING btree ("workspace_id","due_on") WHERE status in ('issued', 'sent', 'partly_paid');--> statement-breakpoint
CREATE INDEX "invoices_issued_on_idx" ON "invoices" USING btree ("workspace_id","issued_on");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_allocations_pair_key" ON "payment_allocations" USING btree ("workspace_id","payment_id","invoice_id");--> statement-breakpoint
CREATE INDEX "payment_allocations_invoice_idx" ON "payment_allocations" USING btree ("workspace_id","invoice_id");--> statement-breakpoint
CREATE INDEX "payments_account_idx" ON "payments" USING btree ("workspace_id","account_id","received_on");--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "acts" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "contracts" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "finance_settings" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "invoice_lines" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "invoices" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "numbering_counters" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "payment_allocations" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "payments" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());