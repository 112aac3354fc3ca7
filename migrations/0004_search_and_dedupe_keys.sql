-- Issue 4: search and the duplicate finder read stored, indexed values instead of computing
-- them per row on every request. All columns are GENERATED ... STORED, so every writer
-- (imports, merges, erasure, restore) keeps them right without knowing about them.
-- search_vector: the tsvector of search_text (which code fills, see customers/search-text.ts).
-- dedupe_*: the duplicate finder's normalised keys (see dedupe/duplicate-rules.ts, which holds
-- the same expressions; a test checks they agree).
ALTER TABLE "customers"
  ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "search_text")) STORED,
  ADD COLUMN "dedupe_name" text GENERATED ALWAYS AS (translate(regexp_replace(regexp_replace(lower(regexp_replace(coalesce(display_name, ''), '^[\s\u200B-\u200D\uFEFF]+', '')), '^(นางสาว|นาง|นาย|น\.ส\.|ด\.ช\.|ด\.ญ\.|เด็กชาย|เด็กหญิง|คุณ)(?=[\s\u0E01-\u0E2E\u0E40-\u0E44])|^(mrs|mr|ms|miss|dr)(\.|\s)+', ''), '[\s\u200B-\u200D\uFEFF.\-''’]+', '', 'g'), 'àáâãäåāăąèéêëēĕėęěìíîïĩīĭįòóôõöøōŏőùúûüũūŭůűųýÿçćĉċčďđñńņňśŝşšţťŧźżžğĝġģĥĵķĺļľł', 'aaaaaaaaaeeeeeeeeeiiiiiiiioooooøooouuuuuuuuuuyycccccdđnnnnssssttŧzzzgggghjklllł')) STORED,
  ADD COLUMN "dedupe_name_th" text GENERATED ALWAYS AS (CASE WHEN first_name IS NULL AND last_name IS NULL THEN ''
      WHEN (CASE WHEN first_name IS NULL THEN last_name WHEN last_name IS NULL THEN first_name ELSE first_name || ' ' || last_name END) = display_name THEN translate(regexp_replace(regexp_replace(lower(regexp_replace(coalesce(display_name, ''), '^[\s\u200B-\u200D\uFEFF]+', '')), '^(นางสาว|นาง|นาย|น\.ส\.|ด\.ช\.|ด\.ญ\.|เด็กชาย|เด็กหญิง|คุณ)(?=[\s\u0E01-\u0E2E\u0E40-\u0E44])|^(mrs|mr|ms|miss|dr)(\.|\s)+', ''), '[\s\u200B-\u200D\uFEFF.\-''’]+', '', 'g'), 'àáâãäåāăąèéêëēĕėęěìíîïĩīĭįòóôõöøōŏőùúûüũūŭůűųýÿçćĉċčďđñńņňśŝşšţťŧźżžğĝġģĥĵķĺļľł', 'aaaaaaaaaeeeeeeeeeiiiiiiiioooooøooouuuuuuuuuuyycccccdđnnnnssssttŧzzzgggghjklllł')
      ELSE translate(regexp_replace(regexp_replace(lower(regexp_replace(coalesce(coalesce(first_name, '') || coalesce(last_name, ''), ''), '^[\s\u200B-\u200D\uFEFF]+', '')), '^(นางสาว|นาง|นาย|น\.ส\.|ด\.ช\.|ด\.ญ\.|เด็กชาย|เด็กหญิง|คุณ)(?=[\s\u0E01-\u0E2E\u0E40-\u0E44])|^(mrs|mr|ms|miss|dr)(\.|\s)+', ''), '[\s\u200B-\u200D\uFEFF.\-''’]+', '', 'g'), 'àáâãäåāăąèéêëēĕėęěìíîïĩīĭįòóôõöøōŏőùúûüũūŭůűųýÿçćĉċčďđñńņňśŝşšţťŧźżžğĝġģĥĵķĺļľł', 'aaaaaaaaaeeeeeeeeeiiiiiiiioooooøooouuuuuuuuuuyycccccdđnnnnssssttŧzzzgggghjklllł') END) STORED,
  ADD COLUMN "dedupe_name_en" text GENERATED ALWAYS AS (CASE WHEN first_name_en IS NULL AND last_name_en IS NULL THEN ''
      WHEN (CASE WHEN first_name_en IS NULL THEN last_name_en WHEN last_name_en IS NULL THEN first_name_en ELSE first_name_en || ' ' || last_name_en END) = display_name THEN translate(regexp_replace(regexp_replace(lower(regexp_replace(coalesce(display_name, ''), '^[\s\u200B-\u200D\uFEFF]+', '')), '^(นางสาว|นาง|นาย|น\.ส\.|ด\.ช\.|ด\.ญ\.|เด็กชาย|เด็กหญิง|คุณ)(?=[\s\u0E01-\u0E2E\u0E40-\u0E44])|^(mrs|mr|ms|miss|dr)(\.|\s)+', ''), '[\s\u200B-\u200D\uFEFF.\-''’]+', '', 'g'), 'àáâãäåāăąèéêëēĕėęěìíîïĩīĭįòóôõöøōŏőùúûüũūŭůűųýÿçćĉċčďđñńņňśŝşšţťŧźżžğĝġģĥĵķĺļľł', 'aaaaaaaaaeeeeeeeeeiiiiiiiioooooøooouuuuuuuuuuyycccccdđnnnnssssttŧzzzgggghjklllł')
      ELSE translate(regexp_replace(regexp_replace(lower(regexp_replace(coalesce(coalesce(first_name_en, '') || coalesce(last_name_en, ''), ''), '^[\s\u200B-\u200D\uFEFF]+', '')), '^(นางสาว|นาง|นาย|น\.ส\.|ด\.ช\.|ด\.ญ\.|เด็กชาย|เด็กหญิง|คุณ)(?=[\s\u0E01-\u0E2E\u0E40-\u0E44])|^(mrs|mr|ms|miss|dr)(\.|\s)+', ''), '[\s\u200B-\u200D\uFEFF.\-''’]+', '', 'g'), 'àáâãäåāăąèéêëēĕėęěìíîïĩīĭįòóôõöøōŏőùúûüũūŭůűųýÿçćĉċčďđñńņňśŝşšţťŧźżžğĝġģĥĵķĺļľł', 'aaaaaaaaaeeeeeeeeeiiiiiiiioooooøooouuuuuuuuuuyycccccdđnnnnssssttŧzzzgggghjklllł') END) STORED,
  ADD COLUMN "dedupe_addr" text GENERATED ALWAYS AS (nullif(lower(regexp_replace(coalesce(address_line, ''), '[\s,./\-]+', '', 'g')), '')) STORED,
  ADD COLUMN "dedupe_tax_id" text GENERATED ALWAYS AS (nullif(regexp_replace(tax_id, '\D', '', 'g'), '')) STORED;
--> statement-breakpoint
DROP INDEX IF EXISTS "customers_search_idx";
--> statement-breakpoint
CREATE INDEX "customers_search_idx" ON "customers" USING gin ("search_vector");
--> statement-breakpoint
CREATE INDEX "customers_dedupe_name_idx" ON "customers" USING btree ("dedupe_name", "birthday") WHERE "status" = 'active';
--> statement-breakpoint
CREATE INDEX "customers_dedupe_tax_id_idx" ON "customers" USING btree ("dedupe_tax_id") WHERE "status" = 'active' AND "dedupe_tax_id" IS NOT NULL;
--> statement-breakpoint
-- search_text now also holds Thai names without their spaces (customers/search-text.ts,
-- thaiNameSuffixes), which only code can compute: the start-up backfill
-- (customers/backfill-customers.ts) recomputes every row left with an empty search_text.
UPDATE "customers" SET "search_text" = ''
 WHERE "status" = 'active' AND "search_text" <> ''
   AND concat("display_name", "first_name", "last_name", "nickname") ~ '[ก-๎]';
