-- AlterTable
ALTER TABLE "Reference" ADD COLUMN     "importedText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "needsDetails" BOOLEAN NOT NULL DEFAULT false;
