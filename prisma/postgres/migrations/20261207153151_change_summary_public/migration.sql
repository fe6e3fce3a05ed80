-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "changeSummaryPublic" BOOLEAN NOT NULL DEFAULT false;

-- Hand-written: every revision frozen before this migration had its change summary written under the label
-- "shown to readers in the update history", so those keep being public; new ones are internal unless ticked.
UPDATE "Revision" SET "changeSummaryPublic" = true;
