-- Assignee (issue 21): an optional user who works the deal while the owner keeps the credit.
-- New and empty: nothing existing changes meaning.
ALTER TABLE "Opportunity" ADD COLUMN "assigneeId" TEXT;

CREATE INDEX "Opportunity_assigneeId_idx" ON "Opportunity"("assigneeId");

ALTER TABLE "Opportunity" ADD CONSTRAINT "Opportunity_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
