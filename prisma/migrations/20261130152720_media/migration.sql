-- CreateTable
CREATE TABLE "MediaFile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sha256" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedAt" DATETIME,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" DATETIME
);

-- CreateTable
CREATE TABLE "MediaVariant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fileId" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    CONSTRAINT "MediaVariant_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "MediaFile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MediaItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fileId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "originalName" TEXT NOT NULL DEFAULT '',
    "alt" TEXT NOT NULL DEFAULT '',
    "caption" TEXT NOT NULL DEFAULT '',
    "credit" TEXT NOT NULL DEFAULT '',
    "sourceUrl" TEXT,
    "licence" TEXT,
    "licenceAgency" TEXT NOT NULL DEFAULT '',
    "clinical" BOOLEAN NOT NULL DEFAULT false,
    "consentOnFile" BOOLEAN NOT NULL DEFAULT false,
    "consentRecordedById" TEXT,
    "consentRecordedAt" DATETIME,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MediaItem_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "MediaFile" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MediaItem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MediaItem_consentRecordedById_fkey" FOREIGN KEY ("consentRecordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RevisionImage" (
    "revisionId" TEXT NOT NULL,
    "mediaId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,

    PRIMARY KEY ("revisionId", "mediaId"),
    CONSTRAINT "RevisionImage_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RevisionImage_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "MediaItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RevisionImage_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "MediaFile" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Revision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "conditionName" TEXT NOT NULL DEFAULT '',
    "bodyJson" TEXT NOT NULL,
    "referencesJson" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "changeSummary" TEXT NOT NULL DEFAULT '',
    "wordCount" INTEGER NOT NULL DEFAULT 0,
    "bodyHtml" TEXT NOT NULL DEFAULT '',
    "imagesJson" TEXT NOT NULL DEFAULT '[]',
    "authorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Revision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Revision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Revision" ("articleId", "authorId", "bodyHtml", "bodyJson", "changeSummary", "conditionName", "contentHash", "createdAt", "id", "number", "referencesJson", "summary", "title", "wordCount") SELECT "articleId", "authorId", "bodyHtml", "bodyJson", "changeSummary", "conditionName", "contentHash", "createdAt", "id", "number", "referencesJson", "summary", "title", "wordCount" FROM "Revision";
DROP TABLE "Revision";
ALTER TABLE "new_Revision" RENAME TO "Revision";
CREATE INDEX "Revision_contentHash_idx" ON "Revision"("contentHash");
CREATE UNIQUE INDEX "Revision_articleId_number_key" ON "Revision"("articleId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "MediaFile_sha256_key" ON "MediaFile"("sha256");

-- CreateIndex
CREATE INDEX "MediaFile_status_createdAt_idx" ON "MediaFile"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MediaVariant_sha256_key" ON "MediaVariant"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "MediaVariant_fileId_width_format_key" ON "MediaVariant"("fileId", "width", "format");

-- CreateIndex
CREATE INDEX "MediaItem_ownerId_idx" ON "MediaItem"("ownerId");

-- CreateIndex
CREATE INDEX "MediaItem_deletedAt_createdAt_idx" ON "MediaItem"("deletedAt", "createdAt");

-- CreateIndex
CREATE INDEX "RevisionImage_mediaId_idx" ON "RevisionImage"("mediaId");
