-- Leads, assignment rules, lead scoring and web forms (issue 5, parts 3 and 4). Written by hand; schema.ts in src/modules/leads matches it.
CREATE TABLE "lead_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_hint" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_forms_key_hash_key" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"display_name" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"company" text,
	"job_title" text,
	"email" text,
	"phone" text,
	"line_id" text,
	"province" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"source_detail" text,
	"form_id" uuid,
	"status" text DEFAULT 'new' NOT NULL,
	"disqualify_reason" text,
	"notes" text,
	"owner_id" uuid,
	"team_id" uuid,
	"assigned_by_rule_id" uuid,
	"score" integer DEFAULT 0 NOT NULL,
	"score_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"model_score" integer,
	"scored_at" timestamp with time zone,
	"contacted_at" timestamp with time zone,
	"qualified_at" timestamp with time zone,
	"disqualified_at" timestamp with time zone,
	"customer_id" uuid,
	"converted_deal_id" uuid,
	"converted_at" timestamp with time zone,
	"converted_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leads_status" CHECK ("leads"."status" in ('new', 'contacted', 'qualified', 'disqualified', 'converted')),
	CONSTRAINT "leads_source" CHECK ("leads"."source" in ('manual', 'form', 'import', 'api', 'line', 'referral', 'event', 'other')),
	CONSTRAINT "leads_score_range" CHECK ("leads"."score" between 0 and 100),
	CONSTRAINT "leads_model_score_range" CHECK ("leads"."model_score" between 0 and 100),
	CONSTRAINT "leads_disqualify_reason" CHECK ("leads"."status" <> 'disqualified' or "leads"."disqualify_reason" is not null),
	CONSTRAINT "leads_converted_pair" CHECK (("leads"."status" = 'converted') = ("leads"."converted_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "lead_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_events_kind" CHECK ("lead_events"."kind" in ('form_fill', 'email_open', 'email_click', 'visit', 'reply', 'call', 'meeting', 'note'))
);
--> statement-breakpoint
CREATE TABLE "lead_assignment_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"kind" text NOT NULL,
	"provinces" text[] DEFAULT '{}' NOT NULL,
	"sources" text[] DEFAULT '{}' NOT NULL,
	"user_ids" uuid[] DEFAULT '{}' NOT NULL,
	"team_id" uuid,
	"turn" bigint DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_assignment_rules_kind" CHECK ("lead_assignment_rules"."kind" in ('round_robin', 'territory', 'source'))
);
--> statement-breakpoint
CREATE TABLE "lead_scoring_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"field" text,
	"operator" text,
	"values" text[] DEFAULT '{}' NOT NULL,
	"event_kind" text,
	"points" integer NOT NULL,
	"half_life_days" double precision,
	"max_events" integer DEFAULT 10 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_scoring_rules_kind" CHECK ("lead_scoring_rules"."kind" in ('fit', 'behaviour')),
	CONSTRAINT "lead_scoring_rules_points" CHECK ("lead_scoring_rules"."points" between -100 and 100),
	CONSTRAINT "lead_scoring_rules_shape" CHECK (("lead_scoring_rules"."kind" = 'fit' and "lead_scoring_rules"."field" is not null and "lead_scoring_rules"."operator" is not null) or ("lead_scoring_rules"."kind" = 'behaviour' and "lead_scoring_rules"."event_kind" is not null))
);
--> statement-breakpoint
CREATE TABLE "lead_score_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"min_outcomes" integer NOT NULL,
	"features" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"coefficients" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"n_train" integer,
	"n_holdout" integer,
	"n_won" integer,
	"n_lost" integer,
	"accuracy" double precision,
	"auc" double precision,
	"error_code" text,
	"requested_by" uuid,
	"trained_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_score_models_status" CHECK ("lead_score_models"."status" in ('queued', 'running', 'trained', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "lead_forms" ADD CONSTRAINT "lead_forms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_form_id_lead_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."lead_forms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_assigned_by_rule_id_lead_assignment_rules_id_fk" FOREIGN KEY ("assigned_by_rule_id") REFERENCES "public"."lead_assignment_rules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_converted_deal_id_deals_id_fk" FOREIGN KEY ("converted_deal_id") REFERENCES "public"."deals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_converted_by_users_id_fk" FOREIGN KEY ("converted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_events" ADD CONSTRAINT "lead_events_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_events" ADD CONSTRAINT "lead_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_assignment_rules" ADD CONSTRAINT "lead_assignment_rules_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_score_models" ADD CONSTRAINT "lead_score_models_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leads_created_idx" ON "leads" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "leads_owner_idx" ON "leads" USING btree ("owner_id","status");--> statement-breakpoint
CREATE INDEX "leads_team_idx" ON "leads" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "leads_status_idx" ON "leads" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "leads_score_idx" ON "leads" USING btree ("score");--> statement-breakpoint
CREATE INDEX "leads_email_idx" ON "leads" USING btree ("email");--> statement-breakpoint
CREATE INDEX "leads_phone_idx" ON "leads" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "leads_converted_customer_idx" ON "leads" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "lead_events_lead_idx" ON "lead_events" USING btree ("lead_id","occurred_at");--> statement-breakpoint
CREATE INDEX "lead_assignment_rules_position_idx" ON "lead_assignment_rules" USING btree ("position");--> statement-breakpoint
CREATE INDEX "lead_score_models_created_idx" ON "lead_score_models" USING btree ("created_at");
