-- One-time revenue (issue 21): amount = oneTimeAmount + recurringAmount x contract months
-- (at least 1). Every amount keeps its value. With line items the one-time part is the
-- one-time lines' total (the amount rule of the lines already said so); without lines it
-- is what the amount holds beyond the recurring part, and 0 for a deal whose recurring
-- part exceeds its hand-entered amount (that amount stays; the next change of its money
-- fields applies the rule).
ALTER TABLE "Opportunity" ADD COLUMN "oneTimeAmount" DECIMAL(18,2) NOT NULL DEFAULT 0;

UPDATE "Opportunity" o
SET "oneTimeAmount" = l."oneTime"
FROM (
  SELECT "opportunityId", COALESCE(SUM("total") FILTER (WHERE "billing" = 'ONE_TIME'), 0) AS "oneTime"
  FROM "LineItem" GROUP BY "opportunityId"
) l
WHERE l."opportunityId" = o."id";

UPDATE "Opportunity" o
SET "oneTimeAmount" = GREATEST(o."amount" - o."recurringAmount" * GREATEST(COALESCE(o."contractMonths", 1), 1), 0)
WHERE NOT EXISTS (SELECT 1 FROM "LineItem" l WHERE l."opportunityId" = o."id");
