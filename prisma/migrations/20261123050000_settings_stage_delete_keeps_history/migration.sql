-- DropForeignKey
ALTER TABLE "StageChange" DROP CONSTRAINT "StageChange_toStageId_fkey";

-- AlterTable
ALTER TABLE "StageChange" ALTER COLUMN "toStageId" DROP NOT NULL;

-- AddForeignKey
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_toStageId_fkey" FOREIGN KEY ("toStageId") REFERENCES "Stage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

