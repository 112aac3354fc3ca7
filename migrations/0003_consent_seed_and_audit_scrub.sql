-- PDPA: each purpose names its default lawful basis. Purposes that rest on consent need a
-- grant before contact; the others (e.g. a contract) allow contact unless the person objects.
ALTER TABLE "consent_purposes" ADD COLUMN "lawful_basis" text DEFAULT 'consent' NOT NULL;
--> statement-breakpoint
INSERT INTO "consent_purposes" ("code", "name_th", "name_en", "lawful_basis", "current_version") VALUES
  ('marketing', 'การตลาดและโปรโมชั่น', 'Marketing and promotions', 'consent', 1),
  ('profiling', 'การวิเคราะห์และจัดทำโปรไฟล์', 'Analytics and profiling', 'consent', 1),
  ('third_party_sharing', 'การเปิดเผยข้อมูลแก่บุคคลภายนอก', 'Sharing with third parties', 'consent', 1),
  ('service_updates', 'ข่าวสารเกี่ยวกับบริการและคำสั่งซื้อ', 'Service and order updates', 'contract', 1)
ON CONFLICT ("code") DO NOTHING;
--> statement-breakpoint
INSERT INTO "consent_texts" ("purpose", "version", "text_th", "text_en") VALUES
  ('marketing', 1,
   'ข้าพเจ้ายินยอมให้บริษัทเก็บ ใช้ และติดต่อข้าพเจ้าเพื่อแจ้งข่าวสาร สินค้า บริการ และโปรโมชั่น ผ่านช่องทางที่เลือก ข้าพเจ้าถอนความยินยอมได้ทุกเมื่อ',
   'I agree that the company may use my details to send me news, products, services and promotions on the channels I chose. I can withdraw this consent at any time.'),
  ('profiling', 1,
   'ข้าพเจ้ายินยอมให้บริษัทวิเคราะห์ประวัติการซื้อและการใช้บริการของข้าพเจ้า เพื่อเสนอสิ่งที่ตรงกับความสนใจ ข้าพเจ้าถอนความยินยอมได้ทุกเมื่อ',
   'I agree that the company may analyse my purchases and use of its services to offer me what matches my interests. I can withdraw this consent at any time.'),
  ('third_party_sharing', 1,
   'ข้าพเจ้ายินยอมให้บริษัทเปิดเผยข้อมูลของข้าพเจ้าแก่พันธมิตรทางธุรกิจที่ระบุไว้ เพื่อเสนอสินค้าและบริการ ข้าพเจ้าถอนความยินยอมได้ทุกเมื่อ',
   'I agree that the company may share my details with the business partners it names, so they can offer me products and services. I can withdraw this consent at any time.'),
  ('service_updates', 1,
   'บริษัทจะติดต่อท่านเกี่ยวกับคำสั่งซื้อ การจัดส่ง และบริการที่ท่านใช้อยู่ ตามสัญญาระหว่างท่านกับบริษัท ท่านคัดค้านการติดต่อนี้ได้',
   'The company will contact you about your orders, deliveries and the services you use, under its contract with you. You may object to this contact.')
ON CONFLICT ("purpose", "version") DO NOTHING;
--> statement-breakpoint
-- The audit log stays append-only. The one exception is PDPA erasure: inside a transaction
-- that says SET LOCAL sampan.audit_scrub = 'on', an UPDATE may blank the before/after values
-- of an entry (every field name kept, each value replaced by {"before":null,"after":null,
-- "scrubbed":true}) and change nothing else. Any other UPDATE, every DELETE and TRUNCATE
-- are refused as before. This replaces the wider sampan.audit_redaction switch of 0001.
CREATE OR REPLACE FUNCTION audit_log_scrubbed_changes(changes jsonb) RETURNS jsonb AS $$
  SELECT CASE
    WHEN changes IS NULL OR jsonb_typeof(changes) <> 'object' THEN changes
    ELSE coalesce(
      (SELECT jsonb_object_agg(key, jsonb_build_object('before', NULL, 'after', NULL, 'scrubbed', true))
         FROM jsonb_each(changes)),
      '{}'::jsonb)
  END
$$ LANGUAGE sql IMMUTABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND coalesce(current_setting('sampan.audit_scrub', true), '') = 'on'
     AND (to_jsonb(NEW) - 'changes') = (to_jsonb(OLD) - 'changes')
     AND NEW.changes IS NOT DISTINCT FROM audit_log_scrubbed_changes(OLD.changes) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
