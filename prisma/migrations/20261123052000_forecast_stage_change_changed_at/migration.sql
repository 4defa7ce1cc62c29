-- CreateIndex
-- For the forecast's stage conversion (lib/server/forecast/by-stage.ts): the period's stage
-- changes are read by "changedAt". INCLUDE makes that an index-only scan; Prisma cannot express
-- INCLUDE, so schema.prisma declares the plain @@index([changedAt]) with the same name.
CREATE INDEX "StageChange_changedAt_idx" ON "StageChange"("changedAt") INCLUDE ("fromStageId", "toStageId", "opportunityId");
