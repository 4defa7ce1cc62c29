-- The forecast's stage conversion (lib/server/forecast/by-stage.ts) counts, per open stage, the
-- deals that left it during a period. A deal that left a stage twice in the period counts once;
-- "previousExitAt" (when the same deal last left the same stage before this change) says which
-- change is a deal's first exit in any period: previousExitAt IS NULL OR previousExitAt < start.
-- That lets the query count rows instead of grouping a year's ~90k changes per (stage, deal).

-- AlterTable
ALTER TABLE "StageChange" ADD COLUMN     "previousExitAt" TIMESTAMPTZ(3);

-- Existing history.
UPDATE "StageChange" AS sc SET "previousExitAt" = l."previous"
FROM (
  SELECT "id", lag("changedAt") OVER (PARTITION BY "opportunityId", "fromStageId" ORDER BY "changedAt", "id") AS "previous"
  FROM "StageChange" WHERE "fromStageId" IS NOT NULL
) AS l
WHERE l."id" = sc."id" AND l."previous" IS NOT NULL;

-- Every writer (services, seed, imports, tests' fixtures) gets the column filled by the database.
-- A row written out of time order also becomes the "previous exit" of the next one. One read of
-- the deal's own history (the opportunityId index; the only condition in WHERE, so the planner
-- cannot pick a max() scan of the changedAt index instead), and an update by id only then.
CREATE FUNCTION "StageChange_fill_previousExitAt"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  next_id TEXT;
BEGIN
  NEW."previousExitAt" := NULL;
  IF NEW."fromStageId" IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT
    max(p."changedAt") FILTER (WHERE p."fromStageId" = NEW."fromStageId"
      AND (p."changedAt" < NEW."changedAt" OR (p."changedAt" = NEW."changedAt" AND p."id" < NEW."id"))),
    (array_agg(p."id" ORDER BY p."changedAt", p."id") FILTER (WHERE p."fromStageId" = NEW."fromStageId"
      AND (p."changedAt" > NEW."changedAt" OR (p."changedAt" = NEW."changedAt" AND p."id" > NEW."id"))))[1]
  INTO NEW."previousExitAt", next_id
  FROM "StageChange" AS p
  WHERE p."opportunityId" = NEW."opportunityId";
  IF next_id IS NOT NULL THEN
    UPDATE "StageChange" SET "previousExitAt" = NEW."changedAt" WHERE "id" = next_id;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "StageChange_previousExitAt" BEFORE INSERT ON "StageChange"
FOR EACH ROW EXECUTE FUNCTION "StageChange_fill_previousExitAt"();

-- CreateIndex
-- Partial: only repeated exits (few), which the conversion query looks up by time.
CREATE INDEX "StageChange_previousExitAt_idx" ON "StageChange"("previousExitAt") WHERE "previousExitAt" IS NOT NULL;

-- The period's changes stay an index-only scan with the new column.
DROP INDEX "StageChange_changedAt_idx";
CREATE INDEX "StageChange_changedAt_idx" ON "StageChange"("changedAt") INCLUDE ("fromStageId", "toStageId", "opportunityId", "previousExitAt");
