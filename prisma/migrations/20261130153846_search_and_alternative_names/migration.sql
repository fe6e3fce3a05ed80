-- CreateTable
CREATE TABLE "SearchEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "articleId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "indexedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SearchEntry_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SearchTerm" (
    "term" TEXT NOT NULL PRIMARY KEY,
    "articles" INTEGER NOT NULL
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
    CONSTRAINT "Revision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Revision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Revision" ("articleId", "authorId", "bodyHtml", "bodyJson", "changeSummary", "conditionName", "contentHash", "createdAt", "id", "imagesJson", "number", "referencesJson", "summary", "title", "wordCount") SELECT "articleId", "authorId", "bodyHtml", "bodyJson", "changeSummary", "conditionName", "contentHash", "createdAt", "id", "imagesJson", "number", "referencesJson", "summary", "title", "wordCount" FROM "Revision";
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
    "editorIds" TEXT NOT NULL DEFAULT '[]',
    "lastEditorId" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "WorkingDraft_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WorkingDraft_lastEditorId_fkey" FOREIGN KEY ("lastEditorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_WorkingDraft" ("articleId", "bodyJson", "conditionName", "editorIds", "lastEditorId", "summary", "title", "updatedAt", "version") SELECT "articleId", "bodyJson", "conditionName", "editorIds", "lastEditorId", "summary", "title", "updatedAt", "version" FROM "WorkingDraft";
DROP TABLE "WorkingDraft";
ALTER TABLE "new_WorkingDraft" RENAME TO "WorkingDraft";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SearchEntry_articleId_key" ON "SearchEntry"("articleId");

-- Site search text (written by hand: Prisma cannot model FTS5 virtual tables; declared external in
-- prisma.config.ts). rowid = SearchEntry.id. Porter-stemmed so plural and singular forms match.
CREATE VIRTUAL TABLE "search_document" USING fts5(
    "article_id" UNINDEXED,
    "title",
    "condition",
    "alternative_names",
    "summary",
    "headings",
    "body",
    tokenize = 'porter unicode61 remove_diacritics 2'
);
-- An entry that goes (its article deleted by cascade) takes its text with it.
CREATE TRIGGER "SearchEntry_delete_text" AFTER DELETE ON "SearchEntry" BEGIN
    DELETE FROM "search_document" WHERE rowid = OLD."id";
END;

-- The WorkingDraft rebuild above dropped the studio draft search's triggers (they belong to the table) and
-- changed its rowids: recreate them and refill that index, as its migration asks.
DELETE FROM "studio_draft_search";
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

INSERT INTO "studio_draft_search" (rowid, articleId, title, conditionName, body)
SELECT
  rowid, "articleId", "title", "conditionName",
  (SELECT coalesce(group_concat(value, ' '), '') FROM json_tree(CASE WHEN json_valid("bodyJson") THEN "bodyJson" ELSE '{}' END) WHERE key = 'text')
FROM "WorkingDraft";
