-- CreateTable
CREATE TABLE "ReferenceLookupCache" (
    "key" TEXT NOT NULL,
    "json" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferenceLookupCache_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SourceCheck" (
    "kind" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "httpStatus" INTEGER,
    "detail" TEXT NOT NULL DEFAULT '',
    "checkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceCheck_pkey" PRIMARY KEY ("kind","target")
);

-- CreateTable
CREATE TABLE "SourceCheckJob" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "error" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceCheckJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SourceCheckJob_doneAt_runAfter_idx" ON "SourceCheckJob"("doneAt", "runAfter");
