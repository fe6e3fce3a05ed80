-- Studio-only full-text index of working drafts (lib/studio/draft-search.ts). An FTS5 table Prisma's schema
-- cannot describe: it is listed as an external table so the schema diff leaves it alone. Its rowid is the
-- WorkingDraft row's rowid; triggers keep it current on every insert, update and delete of a draft, with the
-- body's plain text taken from the Tiptap JSON (every "text" value) by json_tree.
-- A later migration that rebuilds the WorkingDraft table must recreate these triggers and refill the index.
CREATE VIRTUAL TABLE "studio_draft_search" USING fts5(
  articleId UNINDEXED,
  title,
  conditionName,
  body,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

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
