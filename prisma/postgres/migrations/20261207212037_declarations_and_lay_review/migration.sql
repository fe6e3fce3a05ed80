-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "fundingJson" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN     "disclosureJson" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Declaration" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kinds" TEXT NOT NULL,
    "statement" TEXT NOT NULL DEFAULT '',
    "organisationsJson" TEXT NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMP(3),

    CONSTRAINT "Declaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArticleInterest" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "revisionId" TEXT,
    "statement" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleInterest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConflictOverride" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "byId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConflictOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LayReviewInvite" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LayReviewInvite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LayReview" (
    "id" TEXT NOT NULL,
    "inviteId" TEXT NOT NULL,
    "revisionId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "understandable" TEXT NOT NULL,
    "missing" TEXT NOT NULL DEFAULT '',
    "worrying" TEXT NOT NULL DEFAULT '',
    "readingEase" TEXT NOT NULL,
    "comments" TEXT NOT NULL DEFAULT '',
    "livedExperience" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LayReview_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "Declaration" ADD CONSTRAINT "Declaration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleInterest" ADD CONSTRAINT "ArticleInterest_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleInterest" ADD CONSTRAINT "ArticleInterest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictOverride" ADD CONSTRAINT "ConflictOverride_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictOverride" ADD CONSTRAINT "ConflictOverride_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictOverride" ADD CONSTRAINT "ConflictOverride_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LayReviewInvite" ADD CONSTRAINT "LayReviewInvite_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LayReviewInvite" ADD CONSTRAINT "LayReviewInvite_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LayReview" ADD CONSTRAINT "LayReview_inviteId_fkey" FOREIGN KEY ("inviteId") REFERENCES "LayReviewInvite"("id") ON DELETE CASCADE ON UPDATE CASCADE;
