-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "clinicalAreaId" TEXT,
ADD COLUMN     "requiredApprovals" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "alternativeNames" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "imagesJson" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "calendarTokenHash" TEXT;

-- AlterTable
ALTER TABLE "WorkingDraft" ADD COLUMN     "alternativeNames" TEXT NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "Specialty" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Specialty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CredentialSpecialty" (
    "credentialId" TEXT NOT NULL,
    "specialtyId" TEXT NOT NULL,

    CONSTRAINT "CredentialSpecialty_pkey" PRIMARY KEY ("credentialId","specialtyId")
);

-- CreateTable
CREATE TABLE "ReviewAssignment" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "assignedById" TEXT,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),

    CONSTRAINT "ReviewAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchEntry" (
    "id" SERIAL NOT NULL,
    "articleId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "indexedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchTerm" (
    "term" TEXT NOT NULL,
    "articles" INTEGER NOT NULL,

    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("term")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "eventType" TEXT NOT NULL,
    "payloadJson" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lockedBy" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookAttempt" (
    "id" SERIAL NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "statusCode" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "WebhookAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediaFile" (
    "id" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedAt" TIMESTAMP(3),
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "MediaFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediaVariant" (
    "id" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,

    CONSTRAINT "MediaVariant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediaItem" (
    "id" TEXT NOT NULL,
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
    "consentRecordedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MediaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevisionImage" (
    "revisionId" TEXT NOT NULL,
    "mediaId" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,

    CONSTRAINT "RevisionImage_pkey" PRIMARY KEY ("revisionId","mediaId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Specialty_name_key" ON "Specialty"("name");

-- CreateIndex
CREATE INDEX "CredentialSpecialty_specialtyId_idx" ON "CredentialSpecialty"("specialtyId");

-- CreateIndex
CREATE INDEX "ReviewAssignment_reviewerId_completedAt_idx" ON "ReviewAssignment"("reviewerId", "completedAt");

-- CreateIndex
CREATE INDEX "ReviewAssignment_dueAt_idx" ON "ReviewAssignment"("dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewAssignment_articleId_reviewerId_key" ON "ReviewAssignment"("articleId", "reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "SearchEntry_articleId_key" ON "SearchEntry"("articleId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_idx" ON "WebhookDelivery"("endpointId", "createdAt");

-- CreateIndex
CREATE INDEX "WebhookAttempt_deliveryId_attempt_idx" ON "WebhookAttempt"("deliveryId", "attempt");

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

-- CreateIndex
CREATE INDEX "Article_clinicalAreaId_idx" ON "Article"("clinicalAreaId");

-- CreateIndex
CREATE UNIQUE INDEX "User_calendarTokenHash_key" ON "User"("calendarTokenHash");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_clinicalAreaId_fkey" FOREIGN KEY ("clinicalAreaId") REFERENCES "Specialty"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CredentialSpecialty" ADD CONSTRAINT "CredentialSpecialty_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CredentialSpecialty" ADD CONSTRAINT "CredentialSpecialty_specialtyId_fkey" FOREIGN KEY ("specialtyId") REFERENCES "Specialty"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchEntry" ADD CONSTRAINT "SearchEntry_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookAttempt" ADD CONSTRAINT "WebhookAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaVariant" ADD CONSTRAINT "MediaVariant_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "MediaFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaItem" ADD CONSTRAINT "MediaItem_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "MediaFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaItem" ADD CONSTRAINT "MediaItem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaItem" ADD CONSTRAINT "MediaItem_consentRecordedById_fkey" FOREIGN KEY ("consentRecordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevisionImage" ADD CONSTRAINT "RevisionImage_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevisionImage" ADD CONSTRAINT "RevisionImage_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "MediaItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevisionImage" ADD CONSTRAINT "RevisionImage_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "MediaFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Full-text search on PostgreSQL: the twins of SQLite's FTS5 tables, written by hand (tsvector columns are not
-- in Prisma's schema language) and declared external in scripts/lib/schema-engine.ts (schema-qualified), so
-- the schema diff leaves them alone. English stemming ('english' configuration) stands in for FTS5's porter
-- tokenizer; GIN indexes serve the matches.

-- Site search (lib/search/postgres-search-index.ts): the live text of each indexed article by field, and the
-- weighted document built from it (A: title and condition, B: alternative names, C: summary and headings,
-- D: body). The application writes the text with accents already folded into `document`'s source, as the
-- unicode61 tokenizer folds them on SQLite. An entry that goes (its article deleted) takes its text with it.
CREATE TABLE "search_document" (
    "id" INTEGER NOT NULL PRIMARY KEY REFERENCES "SearchEntry"("id") ON DELETE CASCADE,
    "article_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "condition" TEXT NOT NULL,
    "alternative_names" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "headings" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "document" TSVECTOR NOT NULL
);
CREATE INDEX "search_document_document_idx" ON "search_document" USING GIN ("document");

-- Studio draft search (lib/studio/draft-search.ts): one row per working draft, kept by a trigger on
-- WorkingDraft so that every path writing a draft (autosave, import, restore, seeding) keeps it current inside
-- its own transaction. The body's plain text is every "text" value of the Tiptap JSON.
CREATE FUNCTION "studio_draft_body_text"(body TEXT) RETURNS TEXT LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN coalesce((SELECT string_agg(v #>> '{}', ' ') FROM jsonb_path_query(body::jsonb, 'strict $.** ? (@.type() == "object" && exists(@.text)).text') AS v), '');
EXCEPTION WHEN others THEN
    RETURN '';
END;
$$;

CREATE TABLE "studio_draft_search" (
    "article_id" TEXT NOT NULL PRIMARY KEY REFERENCES "WorkingDraft"("articleId") ON DELETE CASCADE,
    "document" TSVECTOR NOT NULL
);
CREATE INDEX "studio_draft_search_document_idx" ON "studio_draft_search" USING GIN ("document");

CREATE FUNCTION "studio_draft_search_document"(title TEXT, condition_name TEXT, body TEXT) RETURNS TSVECTOR
LANGUAGE sql IMMUTABLE AS $$
    SELECT setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, coalesce(condition_name, '')), 'B')
        || setweight(to_tsvector('english'::regconfig, "studio_draft_body_text"(body)), 'C')
$$;

CREATE FUNCTION "studio_draft_search_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "studio_draft_search" ("article_id", "document")
    VALUES (NEW."articleId", "studio_draft_search_document"(NEW."title", NEW."conditionName", NEW."bodyJson"))
    ON CONFLICT ("article_id") DO UPDATE SET "document" = EXCLUDED."document";
    RETURN NEW;
END;
$$;

CREATE TRIGGER "studio_draft_search_insert" AFTER INSERT ON "WorkingDraft"
    FOR EACH ROW EXECUTE FUNCTION "studio_draft_search_sync"();
CREATE TRIGGER "studio_draft_search_update" AFTER UPDATE OF "title", "conditionName", "bodyJson" ON "WorkingDraft"
    FOR EACH ROW EXECUTE FUNCTION "studio_draft_search_sync"();

INSERT INTO "studio_draft_search" ("article_id", "document")
SELECT "articleId", "studio_draft_search_document"("title", "conditionName", "bodyJson") FROM "WorkingDraft";
