-- Third plagiarism stage (lib/plagiarism/rewritten.ts). The reworded stage no longer keeps an index of its own
-- (its candidates come from the exact fingerprints and the sentence sketches).
PRAGMA foreign_keys=off;
DROP TABLE "ParaphraseFingerprint";
PRAGMA foreign_keys=on;

-- WITHOUT ROWID: the primary key is the table, a lookup by hash reads source and position straight from the key.
CREATE TABLE "SentenceSketch" (
    "hash" INTEGER NOT NULL,
    "sourceNo" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("hash", "sourceNo", "position")
) WITHOUT ROWID;

-- Sources indexed before this stage existed have no sketches: empty the index so that the rebuild job (queued
-- at deploy or start, lib/rebuilds/) or `npm run plagiarism:reindex` indexes every revision and corpus document
-- with all stages.
DELETE FROM "Fingerprint";
DELETE FROM "FingerprintSource";
