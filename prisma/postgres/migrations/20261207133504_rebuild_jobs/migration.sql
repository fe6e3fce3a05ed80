-- CreateTable
CREATE TABLE "RebuildJob" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "openKind" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "reason" TEXT NOT NULL DEFAULT '',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedBy" TEXT,
    "heartbeatAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "error" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RebuildJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RebuildJob_openKind_key" ON "RebuildJob"("openKind");

-- CreateIndex
CREATE INDEX "RebuildJob_status_createdAt_idx" ON "RebuildJob"("status", "createdAt");
