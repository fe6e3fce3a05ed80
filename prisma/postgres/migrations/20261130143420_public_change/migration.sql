-- CreateTable
CREATE TABLE "PublicChange" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "counter" INTEGER NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicChange_pkey" PRIMARY KEY ("id")
);

-- Every app process listens on this channel (lib/page-cache/postgres-change-reader.ts), so a change committed
-- by one process reaches the page caches of all the others at once, without polling.
CREATE FUNCTION "PublicChange_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('public_change', NEW."counter"::text);
    RETURN NEW;
END;
$$;

CREATE TRIGGER "PublicChange_notify" AFTER INSERT OR UPDATE ON "PublicChange"
    FOR EACH ROW EXECUTE FUNCTION "PublicChange_notify"();
