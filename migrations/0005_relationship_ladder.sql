CREATE TABLE "customer_ladder" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"stage" text NOT NULL,
	"rule_stage" text NOT NULL,
	"since" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"computed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"facts" jsonb DEFAULT '{"purchases":0,"referrals":0,"matched":"none"}'::jsonb NOT NULL,
	"override_stage" text,
	"override_reason" text,
	"override_by" uuid,
	"override_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "ladder_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"source" text NOT NULL,
	"reason" text,
	"facts" jsonb,
	"actor_user_id" uuid
);
--> statement-breakpoint
ALTER TABLE "customer_ladder" ADD CONSTRAINT "customer_ladder_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_ladder" ADD CONSTRAINT "customer_ladder_override_by_users_id_fk" FOREIGN KEY ("override_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladder_history" ADD CONSTRAINT "ladder_history_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladder_history" ADD CONSTRAINT "ladder_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_ladder_stage_idx" ON "customer_ladder" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "ladder_history_customer_idx" ON "ladder_history" USING btree ("customer_id","at");
