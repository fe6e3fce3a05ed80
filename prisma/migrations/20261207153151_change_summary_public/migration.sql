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
    "alternativeNames" TEXT NOT NULL DEFAULT '[]',
    "bodyJson" TEXT NOT NULL,
    "referencesJson" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "changeSummary" TEXT NOT NULL DEFAULT '',
    "wordCount" INTEGER NOT NULL DEFAULT 0,
    "bodyHtml" TEXT NOT NULL DEFAULT '',
    "imagesJson" TEXT NOT NULL DEFAULT '[]',
    "authorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changeSummaryPublic" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Revision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Revision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Revision" ("alternativeNames", "articleId", "authorId", "bodyHtml", "bodyJson", "changeSummary", "conditionName", "contentHash", "createdAt", "id", "imagesJson", "number", "referencesJson", "summary", "title", "wordCount") SELECT "alternativeNames", "articleId", "authorId", "bodyHtml", "bodyJson", "changeSummary", "conditionName", "contentHash", "createdAt", "id", "imagesJson", "number", "referencesJson", "summary", "title", "wordCount" FROM "Revision";
DROP TABLE "Revision";
ALTER TABLE "new_Revision" RENAME TO "Revision";
CREATE INDEX "Revision_contentHash_idx" ON "Revision"("contentHash");
CREATE UNIQUE INDEX "Revision_articleId_number_key" ON "Revision"("articleId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Hand-written: every revision frozen before this migration had its change summary written under the label
-- "shown to readers in the update history", so those keep being public; new ones are internal unless ticked.
UPDATE "Revision" SET "changeSummaryPublic" = true;
