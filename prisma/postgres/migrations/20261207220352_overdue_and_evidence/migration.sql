-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "overdueActedAt" TIMESTAMP(3),
ADD COLUMN     "overdueAction" TEXT;

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "evidenceChecked" BOOLEAN NOT NULL DEFAULT false;
