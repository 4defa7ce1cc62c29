-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "externalId" TEXT;

-- AlterTable
ALTER TABLE "Contact" ADD COLUMN     "externalId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Account_externalId_key" ON "Account"("externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Contact_externalId_key" ON "Contact"("externalId");
