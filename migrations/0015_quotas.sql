-- Quotas for sales forecasts (issue 5, part 8). Written by hand; src/modules/forecasts/schema.ts matches it.
-- A quota is a revenue target (satang) and optionally a deal-count target for one user OR one team,
-- for one calendar month or quarter (period_start is the first day of it). One quota per assignee
-- and period; a month and the quarter holding it may both have one (see docs/FORECASTS.md).
CREATE TABLE "quotas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"team_id" uuid,
	"period_kind" text NOT NULL,
	"period_start" date NOT NULL,
	"amount_satang" bigint NOT NULL,
	"deal_count" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quotas_one_assignee" CHECK (("quotas"."user_id" is null) <> ("quotas"."team_id" is null)),
	CONSTRAINT "quotas_period_kind" CHECK ("quotas"."period_kind" in ('month', 'quarter')),
	CONSTRAINT "quotas_period_start" CHECK (extract(day from "quotas"."period_start") = 1 and ("quotas"."period_kind" = 'month' or extract(month from "quotas"."period_start") in (1, 4, 7, 10))),
	CONSTRAINT "quotas_amount_nonnegative" CHECK ("quotas"."amount_satang" >= 0),
	CONSTRAINT "quotas_deal_count_nonnegative" CHECK ("quotas"."deal_count" is null or "quotas"."deal_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "quotas" ADD CONSTRAINT "quotas_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "quotas_user_period_key" ON "quotas" USING btree ("user_id","period_kind","period_start") WHERE "quotas"."user_id" is not null;
--> statement-breakpoint
CREATE UNIQUE INDEX "quotas_team_period_key" ON "quotas" USING btree ("team_id","period_kind","period_start") WHERE "quotas"."team_id" is not null;
--> statement-breakpoint
CREATE INDEX "quotas_period_idx" ON "quotas" USING btree ("period_start");
--> statement-breakpoint
-- Forecast and KPI queries: deals won / lost in a period, and open deals by expected close date.
CREATE INDEX "deals_won_at_idx" ON "deals" USING btree ("won_at") WHERE "deals"."status" = 'won';
--> statement-breakpoint
CREATE INDEX "deals_lost_at_idx" ON "deals" USING btree ("lost_at") WHERE "deals"."status" = 'lost';
--> statement-breakpoint
CREATE INDEX "deals_open_close_idx" ON "deals" USING btree ("expected_close_on") WHERE "deals"."status" = 'open';
