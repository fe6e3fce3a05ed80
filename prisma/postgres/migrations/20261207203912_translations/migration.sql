-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "liveSourceUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "sourceChangedAt" TIMESTAMP(3),
ADD COLUMN     "translationBaseHash" TEXT,
ADD COLUMN     "translationBaseRevisionId" TEXT,
ADD COLUMN     "translationOfId" TEXT;

-- AlterTable
ALTER TABLE "Credential" ADD COLUMN     "languages" TEXT NOT NULL DEFAULT '["en"]';

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "sourceContentHash" TEXT,
ADD COLUMN     "sourceRevisionId" TEXT;

-- AlterTable
ALTER TABLE "WorkingDraft" ADD COLUMN     "doneBlocksJson" TEXT NOT NULL DEFAULT '[]';

-- CreateIndex
CREATE INDEX "Article_locale_idx" ON "Article"("locale");

-- CreateIndex
CREATE UNIQUE INDEX "Article_translationOfId_locale_key" ON "Article"("translationOfId", "locale");

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_translationOfId_fkey" FOREIGN KEY ("translationOfId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Article" ADD CONSTRAINT "Article_translationBaseRevisionId_fkey" FOREIGN KEY ("translationBaseRevisionId") REFERENCES "Revision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_sourceRevisionId_fkey" FOREIGN KEY ("sourceRevisionId") REFERENCES "Revision"("id") ON DELETE SET NULL ON UPDATE CASCADE;
