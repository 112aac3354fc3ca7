-- Customer scores (issue 6): one row per buying customer from the latest successful
-- recompute, and the runs that produced them. Written by hand; src/modules/analytics/schema.ts
-- describes the same tables.
CREATE TABLE "score_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text NOT NULL,
	"trigger" text NOT NULL,
	"calibration_end" date NOT NULL,
	"time_unit" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"customers" integer,
	"repeat_customers" integer,
	"scored" integer,
	"progress" real DEFAULT 0 NOT NULL,
	"step" text,
	"error" jsonb,
	"requested_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	CONSTRAINT "score_runs_status_known" CHECK ("score_runs"."status" in ('queued', 'running', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "customer_scores" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"computed_at" timestamp (3) with time zone NOT NULL,
	"rfm_r" smallint NOT NULL,
	"rfm_f" smallint NOT NULL,
	"rfm_m" smallint NOT NULL,
	"rfm_segment" text NOT NULL,
	"p_alive" double precision NOT NULL,
	"churn_risk" text NOT NULL,
	"expected_purchases_90d" double precision NOT NULL,
	"clv_12m_satang" bigint NOT NULL,
	"value_grade" text NOT NULL,
	"purchase_periods" integer NOT NULL,
	"total_spend_satang" bigint NOT NULL,
	"first_purchase_on" date NOT NULL,
	"last_purchase_on" date NOT NULL,
	CONSTRAINT "customer_scores_rfm_range" CHECK ("customer_scores"."rfm_r" between 1 and 5 and "customer_scores"."rfm_f" between 1 and 5 and "customer_scores"."rfm_m" between 1 and 5),
	CONSTRAINT "customer_scores_risk_known" CHECK ("customer_scores"."churn_risk" in ('low', 'medium', 'high')),
	CONSTRAINT "customer_scores_grade_known" CHECK ("customer_scores"."value_grade" in ('A', 'B', 'C'))
);
--> statement-breakpoint
ALTER TABLE "score_runs" ADD CONSTRAINT "score_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_scores" ADD CONSTRAINT "customer_scores_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_scores" ADD CONSTRAINT "customer_scores_run_id_score_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."score_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "score_runs_created_idx" ON "score_runs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "customer_scores_segment_idx" ON "customer_scores" USING btree ("rfm_segment");--> statement-breakpoint
CREATE INDEX "customer_scores_grade_idx" ON "customer_scores" USING btree ("value_grade");--> statement-breakpoint
CREATE INDEX "customer_scores_clv_idx" ON "customer_scores" USING btree ("clv_12m_satang");

