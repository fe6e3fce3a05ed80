-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Article" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "conditionName" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "liveRevisionId" TEXT,
    "firstPublishedAt" DATETIME,
    "lastPublishedAt" DATETIME,
    "reviewDueAt" DATETIME,
    "needsReReview" BOOLEAN NOT NULL DEFAULT false,
    "scheduledPublishAt" DATETIME,
    "scheduledRevisionId" TEXT,
    "scheduledById" TEXT,
    "currentRevisionId" TEXT,
    "clinicalAreaId" TEXT,
    "requiredApprovals" INTEGER NOT NULL DEFAULT 1,
    "citationStyle" TEXT NOT NULL DEFAULT 'vancouver',
    "audience" TEXT NOT NULL DEFAULT 'patients',
    CONSTRAINT "Article_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Article_liveRevisionId_fkey" FOREIGN KEY ("liveRevisionId") REFERENCES "Revision" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_currentRevisionId_fkey" FOREIGN KEY ("currentRevisionId") REFERENCES "Revision" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_clinicalAreaId_fkey" FOREIGN KEY ("clinicalAreaId") REFERENCES "Specialty" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("clinicalAreaId", "conditionName", "createdAt", "createdById", "currentRevisionId", "firstPublishedAt", "id", "lastPublishedAt", "liveRevisionId", "needsReReview", "requiredApprovals", "reviewDueAt", "scheduledById", "scheduledPublishAt", "scheduledRevisionId", "slug", "status", "updatedAt") SELECT "clinicalAreaId", "conditionName", "createdAt", "createdById", "currentRevisionId", "firstPublishedAt", "id", "lastPublishedAt", "liveRevisionId", "needsReReview", "requiredApprovals", "reviewDueAt", "scheduledById", "scheduledPublishAt", "scheduledRevisionId", "slug", "status", "updatedAt" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");
CREATE UNIQUE INDEX "Article_liveRevisionId_key" ON "Article"("liveRevisionId");
CREATE UNIQUE INDEX "Article_currentRevisionId_key" ON "Article"("currentRevisionId");
CREATE INDEX "Article_status_idx" ON "Article"("status");
CREATE INDEX "Article_clinicalAreaId_idx" ON "Article"("clinicalAreaId");
CREATE INDEX "Article_reviewDueAt_idx" ON "Article"("reviewDueAt");
CREATE INDEX "Article_scheduledPublishAt_idx" ON "Article"("scheduledPublishAt");
CREATE TABLE "new_Publication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "publishedById" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changeSummary" TEXT NOT NULL DEFAULT '',
    "unpublishedAt" DATETIME,
    "unpublishReason" TEXT,
    "citationStyle" TEXT NOT NULL DEFAULT 'vancouver',
    "referencesHtml" TEXT NOT NULL DEFAULT '{}',
    CONSTRAINT "Publication_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Publication_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Publication_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Publication" ("articleId", "changeSummary", "id", "publishedAt", "publishedById", "revisionId", "unpublishReason", "unpublishedAt") SELECT "articleId", "changeSummary", "id", "publishedAt", "publishedById", "revisionId", "unpublishReason", "unpublishedAt" FROM "Publication";
DROP TABLE "Publication";
ALTER TABLE "new_Publication" RENAME TO "Publication";
CREATE INDEX "Publication_articleId_publishedAt_idx" ON "Publication"("articleId", "publishedAt");
CREATE INDEX "Publication_publishedAt_idx" ON "Publication"("publishedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
