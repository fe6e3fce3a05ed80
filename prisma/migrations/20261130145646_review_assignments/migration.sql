-- AlterTable
ALTER TABLE "User" ADD COLUMN "calendarTokenHash" TEXT;

-- CreateTable
CREATE TABLE "Specialty" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CredentialSpecialty" (
    "credentialId" TEXT NOT NULL,
    "specialtyId" TEXT NOT NULL,

    PRIMARY KEY ("credentialId", "specialtyId"),
    CONSTRAINT "CredentialSpecialty_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CredentialSpecialty_specialtyId_fkey" FOREIGN KEY ("specialtyId") REFERENCES "Specialty" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReviewAssignment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "assignedById" TEXT,
    "assignedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    "remindedAt" DATETIME,
    CONSTRAINT "ReviewAssignment_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewAssignment_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ReviewAssignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
    CONSTRAINT "Article_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Article_liveRevisionId_fkey" FOREIGN KEY ("liveRevisionId") REFERENCES "Revision" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_currentRevisionId_fkey" FOREIGN KEY ("currentRevisionId") REFERENCES "Revision" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_clinicalAreaId_fkey" FOREIGN KEY ("clinicalAreaId") REFERENCES "Specialty" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("conditionName", "createdAt", "createdById", "currentRevisionId", "firstPublishedAt", "id", "lastPublishedAt", "liveRevisionId", "needsReReview", "reviewDueAt", "scheduledById", "scheduledPublishAt", "scheduledRevisionId", "slug", "status", "updatedAt") SELECT "conditionName", "createdAt", "createdById", "currentRevisionId", "firstPublishedAt", "id", "lastPublishedAt", "liveRevisionId", "needsReReview", "reviewDueAt", "scheduledById", "scheduledPublishAt", "scheduledRevisionId", "slug", "status", "updatedAt" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE UNIQUE INDEX "Article_slug_key" ON "Article"("slug");
CREATE UNIQUE INDEX "Article_liveRevisionId_key" ON "Article"("liveRevisionId");
CREATE UNIQUE INDEX "Article_currentRevisionId_key" ON "Article"("currentRevisionId");
CREATE INDEX "Article_status_idx" ON "Article"("status");
CREATE INDEX "Article_clinicalAreaId_idx" ON "Article"("clinicalAreaId");
CREATE INDEX "Article_reviewDueAt_idx" ON "Article"("reviewDueAt");
CREATE INDEX "Article_scheduledPublishAt_idx" ON "Article"("scheduledPublishAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
CREATE UNIQUE INDEX "User_calendarTokenHash_key" ON "User"("calendarTokenHash");
