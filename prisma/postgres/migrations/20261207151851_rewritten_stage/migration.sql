-- Third plagiarism stage (lib/plagiarism/rewritten.ts): see the SQLite migration of the same name.
-- DropTable
DROP TABLE "ParaphraseFingerprint";

-- CreateTable
CREATE TABLE "SentenceSketch" (
    "hash" INTEGER NOT NULL,
    "sourceNo" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "SentenceSketch_pkey" PRIMARY KEY ("hash","sourceNo","position")
);

-- Sources indexed before this stage existed have no sketches: empty the index so that the rebuild job indexes
-- every revision and corpus document with all stages.
DELETE FROM "Fingerprint";
DELETE FROM "FingerprintSource";
