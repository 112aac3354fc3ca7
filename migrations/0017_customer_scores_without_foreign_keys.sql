-- Customer scores without foreign keys (issue 6 benchmark): the two checks per row (run and
-- customer) were half the time of writing 1,000,000 scores. The run row is written in the
-- same transaction as its scores; scores are written only for customers that exist, and a
-- customer deleted later has its score row deleted explicitly (purge of merged profiles).
-- Written by hand; src/modules/analytics/schema.ts describes the same table.
ALTER TABLE "customer_scores" DROP CONSTRAINT "customer_scores_customer_id_customers_id_fk";
--> statement-breakpoint
ALTER TABLE "customer_scores" DROP CONSTRAINT "customer_scores_run_id_score_runs_id_fk";
