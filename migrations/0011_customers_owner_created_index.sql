-- Issue 4: a user who sees only their own customers (scope "own") searches and lists
-- their rows newest first; (owner_id, created_at, id) serves that walk directly. It covers
-- every use of the single-column owner index, which it replaces.
DROP INDEX IF EXISTS "customers_owner_idx";--> statement-breakpoint
CREATE INDEX "customers_owner_created_idx" ON "customers" USING btree ("owner_id","created_at","id");
