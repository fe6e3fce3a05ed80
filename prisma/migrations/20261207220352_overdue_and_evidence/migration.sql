-- AlterTable
ALTER TABLE "Article" ADD COLUMN "overdueActedAt" DATETIME;
ALTER TABLE "Article" ADD COLUMN "overdueAction" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Review" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "revisionId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "credentialId" TEXT,
    "decision" TEXT NOT NULL,
    "statement" TEXT NOT NULL DEFAULT '',
    "contentHash" TEXT NOT NULL,
    "credentialSnapshot" TEXT NOT NULL DEFAULT '{}',
    "evidenceChecked" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "voidedAt" DATETIME,
    "voidReason" TEXT,
    CONSTRAINT "Review_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Review_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Review_credentialId_fkey" FOREIGN KEY ("credentialId") REFERENCES "Credential" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Review" ("contentHash", "createdAt", "credentialId", "credentialSnapshot", "decision", "id", "reviewerId", "revisionId", "statement", "voidReason", "voidedAt") SELECT "contentHash", "createdAt", "credentialId", "credentialSnapshot", "decision", "id", "reviewerId", "revisionId", "statement", "voidReason", "voidedAt" FROM "Review";
DROP TABLE "Review";
ALTER TABLE "new_Review" RENAME TO "Review";
CREATE INDEX "Review_revisionId_decision_idx" ON "Review"("revisionId", "decision");
CREATE INDEX "Review_reviewerId_idx" ON "Review"("reviewerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
