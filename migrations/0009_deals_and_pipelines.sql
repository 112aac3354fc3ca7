-- Deals and pipelines (issue 5, part 5). Written by hand; schema.ts in src/modules/deals matches it.
CREATE TABLE "pipelines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pipeline_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text,
	"position" integer NOT NULL,
	"probability" integer NOT NULL,
	"kind" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pipeline_stages_id_pipeline_key" UNIQUE("id","pipeline_id"),
	CONSTRAINT "pipeline_stages_probability_range" CHECK ("pipeline_stages"."probability" between 0 and 100),
	CONSTRAINT "pipeline_stages_kind" CHECK ("pipeline_stages"."kind" in ('open', 'won', 'lost'))
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"title" text NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"value_satang" bigint DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"expected_close_on" date,
	"owner_id" uuid,
	"team_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"lost_reason" text,
	"won_at" timestamp with time zone,
	"lost_at" timestamp with time zone,
	"note" text,
	"rank" double precision DEFAULT 0 NOT NULL,
	"stage_entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deals_value_nonnegative" CHECK ("deals"."value_satang" >= 0),
	CONSTRAINT "deals_status" CHECK ("deals"."status" in ('open', 'won', 'lost'))
);
--> statement-breakpoint
CREATE TABLE "deal_products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deal_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_satang" bigint NOT NULL,
	CONSTRAINT "deal_products_quantity_positive" CHECK ("deal_products"."quantity" > 0),
	CONSTRAINT "deal_products_price_nonnegative" CHECK ("deal_products"."unit_price_satang" >= 0)
);
--> statement-breakpoint
CREATE TABLE "deal_stage_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deal_id" uuid NOT NULL,
	"from_stage_id" uuid,
	"to_stage_id" uuid NOT NULL,
	"moved_at" timestamp with time zone DEFAULT now() NOT NULL,
	"moved_by" uuid
);
--> statement-breakpoint
ALTER TABLE "pipeline_stages" ADD CONSTRAINT "pipeline_stages_pipeline_id_pipelines_id_fk" FOREIGN KEY ("pipeline_id") REFERENCES "public"."pipelines"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_stage_in_pipeline_fk" FOREIGN KEY ("stage_id","pipeline_id") REFERENCES "public"."pipeline_stages"("id","pipeline_id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deal_products" ADD CONSTRAINT "deal_products_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deal_products" ADD CONSTRAINT "deal_products_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deal_stage_history" ADD CONSTRAINT "deal_stage_history_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deal_stage_history" ADD CONSTRAINT "deal_stage_history_from_stage_id_pipeline_stages_id_fk" FOREIGN KEY ("from_stage_id") REFERENCES "public"."pipeline_stages"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deal_stage_history" ADD CONSTRAINT "deal_stage_history_to_stage_id_pipeline_stages_id_fk" FOREIGN KEY ("to_stage_id") REFERENCES "public"."pipeline_stages"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "deal_stage_history" ADD CONSTRAINT "deal_stage_history_moved_by_users_id_fk" FOREIGN KEY ("moved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "pipeline_stages_pipeline_idx" ON "pipeline_stages" USING btree ("pipeline_id","position");
--> statement-breakpoint
CREATE INDEX "deals_board_idx" ON "deals" USING btree ("stage_id","rank","id") WHERE "deals"."status" = 'open';
--> statement-breakpoint
CREATE INDEX "deals_customer_idx" ON "deals" USING btree ("customer_id");
--> statement-breakpoint
CREATE INDEX "deals_owner_idx" ON "deals" USING btree ("owner_id","status");
--> statement-breakpoint
CREATE INDEX "deals_pipeline_created_idx" ON "deals" USING btree ("pipeline_id","created_at");
--> statement-breakpoint
CREATE INDEX "deals_created_idx" ON "deals" USING btree ("created_at","id");
--> statement-breakpoint
CREATE INDEX "deal_products_deal_idx" ON "deal_products" USING btree ("deal_id");
--> statement-breakpoint
CREATE INDEX "deal_stage_history_deal_idx" ON "deal_stage_history" USING btree ("deal_id","moved_at");
--> statement-breakpoint
-- The default pipeline. Fixed ids and ON CONFLICT DO NOTHING, like the consent seeds of 0003:
-- a restored backup keeps its own rows (pipelines and pipeline_stages are reference data in
-- core/backup/schema-info.ts).
INSERT INTO "pipelines" ("id", "name_th", "name_en", "is_default", "position") VALUES
  ('00000000-0000-4000-8000-00000000d001', 'การขาย', 'Sales', true, 0)
ON CONFLICT ("id") DO NOTHING;
--> statement-breakpoint
INSERT INTO "pipeline_stages" ("id", "pipeline_id", "name_th", "name_en", "position", "probability", "kind") VALUES
  ('00000000-0000-4000-8000-00000000d101', '00000000-0000-4000-8000-00000000d001', 'ลูกค้าเป้าหมาย', 'Lead in', 0, 10, 'open'),
  ('00000000-0000-4000-8000-00000000d102', '00000000-0000-4000-8000-00000000d001', 'ผ่านการคัดกรอง', 'Qualified', 1, 25, 'open'),
  ('00000000-0000-4000-8000-00000000d103', '00000000-0000-4000-8000-00000000d001', 'เสนอราคา', 'Proposal', 2, 50, 'open'),
  ('00000000-0000-4000-8000-00000000d104', '00000000-0000-4000-8000-00000000d001', 'เจรจาต่อรอง', 'Negotiation', 3, 75, 'open'),
  ('00000000-0000-4000-8000-00000000d105', '00000000-0000-4000-8000-00000000d001', 'ปิดการขายได้', 'Won', 4, 100, 'won'),
  ('00000000-0000-4000-8000-00000000d106', '00000000-0000-4000-8000-00000000d001', 'ปิดการขายไม่ได้', 'Lost', 5, 0, 'lost')
ON CONFLICT ("id") DO NOTHING;
