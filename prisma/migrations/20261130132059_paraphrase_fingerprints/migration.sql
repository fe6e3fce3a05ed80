-- CreateTable
CREATE TABLE "ParaphraseFingerprint" (
    "hash" INTEGER NOT NULL,
    "sourceNo" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("hash", "sourceNo", "position")
);

-- Sources indexed before this stage existed have no paraphrase fingerprints: empty the index so that the
-- next check (or `npm run plagiarism:reindex`) rebuilds both stages for every revision and corpus document.
DELETE FROM "Fingerprint";
DELETE FROM "FingerprintSource";
