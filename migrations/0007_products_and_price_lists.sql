CREATE TABLE "price_list_items" (
	"price_list_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"min_quantity" integer DEFAULT 1 NOT NULL,
	"unit_price_satang" bigint NOT NULL,
	CONSTRAINT "price_list_items_price_list_id_product_id_min_quantity_pk" PRIMARY KEY("price_list_id","product_id","min_quantity"),
	CONSTRAINT "price_list_items_price_nonnegative" CHECK ("price_list_items"."unit_price_satang" >= 0),
	CONSTRAINT "price_list_items_min_quantity" CHECK ("price_list_items"."min_quantity" >= 1)
);
--> statement-breakpoint
CREATE TABLE "price_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text,
	"currency" text NOT NULL,
	"customer_type" text,
	"customer_tag" text,
	"priority" integer DEFAULT 0 NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "price_lists_valid_range" CHECK ("price_lists"."valid_to" is null or "price_lists"."valid_from" is null or "price_lists"."valid_to" >= "price_lists"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sku" text NOT NULL,
	"kind" text DEFAULT 'product' NOT NULL,
	"name_th" text NOT NULL,
	"name_en" text,
	"description_th" text,
	"description_en" text,
	"category" text,
	"unit" text,
	"unit_price_satang" bigint NOT NULL,
	"currency" text NOT NULL,
	"vat_mode" text DEFAULT 'included' NOT NULL,
	"vat_rate_bp" integer DEFAULT 700 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_price_nonnegative" CHECK ("products"."unit_price_satang" >= 0),
	CONSTRAINT "products_vat_rate_range" CHECK ("products"."vat_rate_bp" between 0 and 10000)
);
--> statement-breakpoint
ALTER TABLE "price_list_items" ADD CONSTRAINT "price_list_items_price_list_id_price_lists_id_fk" FOREIGN KEY ("price_list_id") REFERENCES "public"."price_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_list_items" ADD CONSTRAINT "price_list_items_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "price_list_items_product_idx" ON "price_list_items" USING btree ("product_id");--> statement-breakpoint
CREATE UNIQUE INDEX "products_sku_key" ON "products" USING btree (upper("sku"));--> statement-breakpoint
CREATE INDEX "products_category_idx" ON "products" USING btree ("category");