-- Tables whose rows the migrations themselves seed (default PDPA purposes and their texts).
-- A freshly migrated database is still "empty" for a restore, which replaces these rows
-- with the backup's own (see src/core/backup/schema-info.ts).
COMMENT ON TABLE "consent_purposes" IS 'sampan:reference-data';
--> statement-breakpoint
COMMENT ON TABLE "consent_texts" IS 'sampan:reference-data';
