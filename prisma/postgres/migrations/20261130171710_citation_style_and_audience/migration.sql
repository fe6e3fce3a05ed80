-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "audience" TEXT NOT NULL DEFAULT 'patients',
ADD COLUMN     "citationStyle" TEXT NOT NULL DEFAULT 'vancouver';

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN     "citationStyle" TEXT NOT NULL DEFAULT 'vancouver',
ADD COLUMN     "referencesHtml" TEXT NOT NULL DEFAULT '{}';
