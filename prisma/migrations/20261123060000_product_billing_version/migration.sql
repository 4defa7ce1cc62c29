-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "billing" "BillingType" NOT NULL DEFAULT 'ONE_TIME',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

