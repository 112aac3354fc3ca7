-- Analytics history (issue 6, parts 2 and 6): segment movement and segment sizes per
-- recompute run, recorded before the run replaces the stored scores, and marketing spend
-- entered per month (for customer acquisition cost). Written by hand;
-- src/modules/analytics/schema.ts describes the same tables.
CREATE TABLE "score_run_transitions" (
	"run_id" uuid NOT NULL,
	"from_segment" text DEFAULT '' NOT NULL,
	"to_segment" text DEFAULT '' NOT NULL,
	"customers" integer NOT NULL,
	"revenue_satang" bigint NOT NULL,
	CONSTRAINT "score_run_transitions_pk" PRIMARY KEY("run_id","from_segment","to_segment")
);
--> statement-breakpoint
ALTER TABLE "score_run_transitions" ADD CONSTRAINT "score_run_transitions_run_id_score_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."score_runs"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "score_run_segments" (
	"run_id" uuid NOT NULL,
	"segment" text NOT NULL,
	"customers" integer NOT NULL,
	"revenue_satang" bigint NOT NULL,
	"clv_12m_satang" bigint NOT NULL,
	CONSTRAINT "score_run_segments_pk" PRIMARY KEY("run_id","segment")
);
--> statement-breakpoint
ALTER TABLE "score_run_segments" ADD CONSTRAINT "score_run_segments_run_id_score_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."score_runs"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "marketing_spend" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"month" date NOT NULL,
	"currency" text DEFAULT 'THB' NOT NULL,
	"channel" text DEFAULT '' NOT NULL,
	"amount_satang" bigint NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "marketing_spend_amount_nonnegative" CHECK ("marketing_spend"."amount_satang" >= 0),
	CONSTRAINT "marketing_spend_month_first_day" CHECK (extract(day from "marketing_spend"."month") = 1)
);
--> statement-breakpoint
ALTER TABLE "marketing_spend" ADD CONSTRAINT "marketing_spend_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "marketing_spend_month_key" ON "marketing_spend" USING btree ("month","currency","channel");
--> statement-breakpoint
CREATE TABLE "product_associations" (
	"product_id" uuid NOT NULL,
	"other_product_id" uuid NOT NULL,
	"customers" integer NOT NULL,
	"product_customers" integer NOT NULL,
	"other_customers" integer NOT NULL,
	"basket_customers" integer NOT NULL,
	"computed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_associations_pk" PRIMARY KEY("product_id","other_product_id")
);
--> statement-breakpoint
ALTER TABLE "product_associations" ADD CONSTRAINT "product_associations_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "product_associations" ADD CONSTRAINT "product_associations_other_product_id_products_id_fk" FOREIGN KEY ("other_product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;
