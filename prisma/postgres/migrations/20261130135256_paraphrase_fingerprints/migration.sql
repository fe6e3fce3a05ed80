-- CreateTable
CREATE TABLE "ParaphraseFingerprint" (
    "hash" INTEGER NOT NULL,
    "sourceNo" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ParaphraseFingerprint_pkey" PRIMARY KEY ("hash","sourceNo","position")
);
