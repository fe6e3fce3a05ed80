-- The fingerprint index becomes narrow: sources get an integer id (FingerprintSource), fingerprints are
-- (hash, sourceNo, position) stored WITHOUT ROWID, so the primary key is the table and a lookup by hash
-- reads everything it needs from one B-tree. Nothing was indexed before this migration: the old table is
-- dropped, not copied (a re-index rebuilds it from revisions and corpus documents).

-- CreateTable
CREATE TABLE "FingerprintSource" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "articleId" TEXT,
    "wordCount" INTEGER NOT NULL DEFAULT 0,
    "fingerprintCount" INTEGER NOT NULL DEFAULT 0,
    "indexedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

DROP TABLE "Fingerprint";
CREATE TABLE "Fingerprint" (
    "hash" INTEGER NOT NULL,
    "sourceNo" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("hash", "sourceNo", "position")
) WITHOUT ROWID;

-- CreateIndex
CREATE INDEX "FingerprintSource_articleId_idx" ON "FingerprintSource"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "FingerprintSource_kind_sourceId_key" ON "FingerprintSource"("kind", "sourceId");
