-- CreateTable
CREATE TABLE "Declaration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kinds" TEXT NOT NULL,
    "statement" TEXT NOT NULL DEFAULT '',
    "organisationsJson" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" DATETIME,
    CONSTRAINT "Declaration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ArticleInterest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "revisionId" TEXT,
    "statement" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ArticleInterest_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleInterest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConflictOverride" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "byId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConflictOverride_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ConflictOverride_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ConflictOverride_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LayReviewInvite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LayReviewInvite_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LayReviewInvite_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LayReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "inviteId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "understandable" TEXT NOT NULL,
    "missing" TEXT NOT NULL DEFAULT '',
    "worrying" TEXT NOT NULL DEFAULT '',
    "readingEase" TEXT NOT NULL,
    "comments" TEXT NOT NULL DEFAULT '',
    "livedExperience" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LayReview_inviteId_fkey" FOREIGN KEY ("inviteId") REFERENCES "LayReviewInvite" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    "locale" TEXT NOT NULL DEFAULT 'en',
    "translationOfId" TEXT,
    "translationBaseRevisionId" TEXT,
    "translationBaseHash" TEXT,
    "sourceChangedAt" DATETIME,
    "liveSourceUpdatedAt" DATETIME,
    "fundingJson" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Article_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Article_liveRevisionId_fkey" FOREIGN KEY ("liveRevisionId") REFERENCES "Revision" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_currentRevisionId_fkey" FOREIGN KEY ("currentRevisionId") REFERENCES "Revision" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_clinicalAreaId_fkey" FOREIGN KEY ("clinicalAreaId") REFERENCES "Specialty" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_translationOfId_fkey" FOREIGN KEY ("translationOfId") REFERENCES "Article" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_translationBaseRevisionId_fkey" FOREIGN KEY ("translationBaseRevisionId") REFERENCES "Revision" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("audience", "citationStyle", "clinicalAreaId", "conditionName", "createdAt", "createdById", "currentRevisionId", "firstPublishedAt", "id", "lastPublishedAt", "liveRevisionId", "liveSourceUpdatedAt", "locale", "needsReReview", "requiredApprovals", "reviewDueAt", "scheduledById", "scheduledPublishAt", "scheduledRevisionId", "slug", "sourceChangedAt", "status", "translationBaseHash", "translationBaseRevisionId", "translationOfId", "updatedAt") SELECT "audience", "citationStyle", "clinicalAreaId", "conditionName", "createdAt", "createdById", "currentRevisionId", "firstPublishedAt", "id", "lastPublishedAt", "liveRevisionId", "liveSourceUpdatedAt", "locale", "needsReReview", "requiredApprovals", "reviewDueAt", "scheduledById", "scheduledPublishAt", "scheduledRevisionId", "slug", "sourceChangedAt", "status", "translationBaseHash", "translationBaseRevisionId", "translationOfId", "updatedAt" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");
CREATE UNIQUE INDEX "Article_liveRevisionId_key" ON "Article"("liveRevisionId");
CREATE UNIQUE INDEX "Article_currentRevisionId_key" ON "Article"("currentRevisionId");
CREATE INDEX "Article_locale_idx" ON "Article"("locale");
CREATE INDEX "Article_status_idx" ON "Article"("status");
CREATE INDEX "Article_clinicalAreaId_idx" ON "Article"("clinicalAreaId");
CREATE INDEX "Article_reviewDueAt_idx" ON "Article"("reviewDueAt");
CREATE INDEX "Article_scheduledPublishAt_idx" ON "Article"("scheduledPublishAt");
CREATE UNIQUE INDEX "Article_translationOfId_locale_key" ON "Article"("translationOfId", "locale");
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
    "disclosureJson" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "Publication_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Publication_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Publication_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Publication" ("articleId", "changeSummary", "citationStyle", "id", "publishedAt", "publishedById", "referencesHtml", "revisionId", "unpublishReason", "unpublishedAt") SELECT "articleId", "changeSummary", "citationStyle", "id", "publishedAt", "publishedById", "referencesHtml", "revisionId", "unpublishReason", "unpublishedAt" FROM "Publication";
DROP TABLE "Publication";
ALTER TABLE "new_Publication" RENAME TO "Publication";
CREATE INDEX "Publication_articleId_publishedAt_idx" ON "Publication"("articleId", "publishedAt");
CREATE INDEX "Publication_publishedAt_idx" ON "Publication"("publishedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Declaration_userId_createdAt_idx" ON "Declaration"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "ArticleInterest_articleId_userId_idx" ON "ArticleInterest"("articleId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ConflictOverride_revisionId_reviewerId_key" ON "ConflictOverride"("revisionId", "reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "LayReviewInvite_tokenHash_key" ON "LayReviewInvite"("tokenHash");

-- CreateIndex
CREATE INDEX "LayReviewInvite_articleId_idx" ON "LayReviewInvite"("articleId");

-- CreateIndex
CREATE INDEX "LayReviewInvite_revisionId_idx" ON "LayReviewInvite"("revisionId");

-- CreateIndex
CREATE UNIQUE INDEX "LayReview_inviteId_key" ON "LayReview"("inviteId");

-- CreateIndex
CREATE INDEX "LayReview_revisionId_idx" ON "LayReview"("revisionId");

-- CreateIndex
CREATE INDEX "LayReview_contentHash_idx" ON "LayReview"("contentHash");
