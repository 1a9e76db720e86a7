CREATE TABLE "bank_transactions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"fingerprint" text NOT NULL,
	"booked_on" date NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"payer" text,
	"purpose" text,
	"reference" text,
	"status" text NOT NULL,
	"matched_by" text,
	"payment_id" uuid,
	CONSTRAINT "bank_transactions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "bank_transactions_fingerprint_key" UNIQUE("workspace_id","fingerprint"),
	CONSTRAINT "bank_transactions_amount_check" CHECK (amount_minor > 0)
);
--> statement-breakpoint
ALTER TABLE "bank_transactions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "exchange_rates" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"rate_on" date NOT NULL,
	"base" text NOT NULL,
	"quote" text NOT NULL,
	"rate_scaled" bigint NOT NULL,
	CONSTRAINT "exchange_rates_workspace_id_id_pk" PRIMARY KEY("workspace_id","id"),
	CONSTRAINT "exchange_rates_pair_day_key" UNIQUE("workspace_id","base","quote","rate_on"),
	CONSTRAINT "exchange_rates_positive_check" CHECK (rate_scaled > 0 and base <> quote)
);
--> statement-breakpoint
ALTER TABLE "exchange_rates" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "bank_transactions" ADD CONSTRAINT "bank_transactions_payment_fk" FOREIGN KEY ("workspace_id","payment_id") REFERENCES "public"."payments"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bank_transactions" ADD CONSTRAINT "bank_transactions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_rates" ADD CONSTRAINT "exchange_rates_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bank_transactions_status_idx" ON "bank_transactions" USING btree ("workspace_id","status","booked_on");--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "bank_transactions" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());--> statement-breakpoint
CREATE POLICY "workspace_isolation" ON "exchange_rates" AS PERMISSIVE FOR ALL TO "accord_app" USING (workspace_id = accord_current_workspace()) WITH CHECK (workspace_id = accord_current_workspace());