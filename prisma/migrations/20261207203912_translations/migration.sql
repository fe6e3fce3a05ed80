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
    CONSTRAINT "Article_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Article_liveRevisionId_fkey" FOREIGN KEY ("liveRevisionId") REFERENCES "Revision" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_currentRevisionId_fkey" FOREIGN KEY ("currentRevisionId") REFERENCES "Revision" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_clinicalAreaId_fkey" FOREIGN KEY ("clinicalAreaId") REFERENCES "Specialty" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_translationOfId_fkey" FOREIGN KEY ("translationOfId") REFERENCES "Article" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_translationBaseRevisionId_fkey" FOREIGN KEY ("translationBaseRevisionId") REFERENCES "Revision" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("audience", "citationStyle", "clinicalAreaId", "conditionName", "createdAt", "createdById", "currentRevisionId", "firstPublishedAt", "id", "lastPublishedAt", "liveRevisionId", "needsReReview", "requiredApprovals", "reviewDueAt", "scheduledById", "scheduledPublishAt", "scheduledRevisionId", "slug", "status", "updatedAt") SELECT "audience", "citationStyle", "clinicalAreaId", "conditionName", "createdAt", "createdById", "currentRevisionId", "firstPublishedAt", "id", "lastPublishedAt", "liveRevisionId", "needsReReview", "requiredApprovals", "reviewDueAt", "scheduledById", "scheduledPublishAt", "scheduledRevisionId", "slug", "status", "updatedAt" FROM "Article";
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
CREATE TABLE "new_Credential" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "postNominals" TEXT NOT NULL,
    "specialty" TEXT NOT NULL,
    "licenseNumber" TEXT NOT NULL,
    "issuingBody" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "languages" TEXT NOT NULL DEFAULT '["en"]',
    "verifiedById" TEXT,
    "verifiedAt" DATETIME,
    "rejectionReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Credential_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Credential_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Credential" ("createdAt", "displayName", "expiresAt", "id", "issuingBody", "jurisdiction", "licenseNumber", "postNominals", "rejectionReason", "specialty", "status", "updatedAt", "userId", "verifiedAt", "verifiedById") SELECT "createdAt", "displayName", "expiresAt", "id", "issuingBody", "jurisdiction", "licenseNumber", "postNominals", "rejectionReason", "specialty", "status", "updatedAt", "userId", "verifiedAt", "verifiedById" FROM "Credential";
DROP TABLE "Credential";
ALTER TABLE "new_Credential" RENAME TO "Credential";
CREATE INDEX "Credential_userId_status_idx" ON "Credential"("userId", "status");
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
    "sourceRevisionId" TEXT,
    "sourceContentHash" TEXT,
    CONSTRAINT "Revision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Revision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Revision_sourceRevisionId_fkey" FOREIGN KEY ("sourceRevisionId") REFERENCES "Revision" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Revision" ("alternativeNames", "articleId", "authorId", "bodyHtml", "bodyJson", "changeSummary", "changeSummaryPublic", "conditionName", "contentHash", "createdAt", "id", "imagesJson", "number", "referencesJson", "summary", "title", "wordCount") SELECT "alternativeNames", "articleId", "authorId", "bodyHtml", "bodyJson", "changeSummary", "changeSummaryPublic", "conditionName", "contentHash", "createdAt", "id", "imagesJson", "number", "referencesJson", "summary", "title", "wordCount" FROM "Revision";
DROP TABLE "Revision";
ALTER TABLE "new_Revision" RENAME TO "Revision";
CREATE INDEX "Revision_contentHash_idx" ON "Revision"("contentHash");
CREATE UNIQUE INDEX "Revision_articleId_number_key" ON "Revision"("articleId", "number");
CREATE TABLE "new_WorkingDraft" (
    "articleId" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "conditionName" TEXT NOT NULL DEFAULT '',
    "alternativeNames" TEXT NOT NULL DEFAULT '[]',
    "bodyJson" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "doneBlocksJson" TEXT NOT NULL DEFAULT '[]',
    "editorIds" TEXT NOT NULL DEFAULT '[]',
    "lastEditorId" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WorkingDraft_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WorkingDraft_lastEditorId_fkey" FOREIGN KEY ("lastEditorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_WorkingDraft" ("alternativeNames", "articleId", "bodyJson", "conditionName", "editorIds", "lastEditorId", "summary", "title", "updatedAt", "version") SELECT "alternativeNames", "articleId", "bodyJson", "conditionName", "editorIds", "lastEditorId", "summary", "title", "updatedAt", "version" FROM "WorkingDraft";
DROP TABLE "WorkingDraft";
ALTER TABLE "new_WorkingDraft" RENAME TO "WorkingDraft";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Rebuilding "WorkingDraft" dropped its triggers: recreated as lib/db/dialects/sqlite-objects.ts declares them, and what is keyed by its rowids refilled.
CREATE TRIGGER "studio_draft_search_ai" AFTER INSERT ON "WorkingDraft" BEGIN
  INSERT INTO "studio_draft_search" (rowid, articleId, title, conditionName, body)
  VALUES (
    NEW.rowid, NEW."articleId", NEW."title", NEW."conditionName",
    (SELECT coalesce(group_concat(value, ' '), '') FROM json_tree(CASE WHEN json_valid(NEW."bodyJson") THEN NEW."bodyJson" ELSE '{}' END) WHERE key = 'text')
  );
END;
CREATE TRIGGER "studio_draft_search_au" AFTER UPDATE OF "title", "conditionName", "bodyJson" ON "WorkingDraft" BEGIN
  DELETE FROM "studio_draft_search" WHERE rowid = OLD.rowid;
  INSERT INTO "studio_draft_search" (rowid, articleId, title, conditionName, body)
  VALUES (
    NEW.rowid, NEW."articleId", NEW."title", NEW."conditionName",
    (SELECT coalesce(group_concat(value, ' '), '') FROM json_tree(CASE WHEN json_valid(NEW."bodyJson") THEN NEW."bodyJson" ELSE '{}' END) WHERE key = 'text')
  );
END;
CREATE TRIGGER "studio_draft_search_ad" AFTER DELETE ON "WorkingDraft" BEGIN
  DELETE FROM "studio_draft_search" WHERE rowid = OLD.rowid;
END;
DELETE FROM "studio_draft_search";
INSERT INTO "studio_draft_search" (rowid, articleId, title, conditionName, body)
SELECT
  rowid, "articleId", "title", "conditionName",
  (SELECT coalesce(group_concat(value, ' '), '') FROM json_tree(CASE WHEN json_valid("bodyJson") THEN "bodyJson" ELSE '{}' END) WHERE key = 'text')
FROM "WorkingDraft";
