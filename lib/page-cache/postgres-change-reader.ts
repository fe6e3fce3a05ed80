// The PostgreSQL twin of ./sqlite-change-reader.ts. A query per request is not possible synchronously, so the
// reader keeps the counter in memory and PostgreSQL pushes every change: a trigger on "PublicChange" sends
// NOTIFY public_change with the new value when the changing transaction commits
// (lib/db/dialects/postgres-objects.ts), and one dedicated connection per process LISTENs. The value is also
// re-read every few seconds and after a reconnect, in case a notification was missed while the connection was
// down; until the first read succeeds (and while the connection is down) read() returns null, so pages go
// through Next rather than risk a stale one.
import { Client } from "pg";
import { READ_PUBLIC_CHANGE_SQL } from "./public-change";
import type { ChangeReader } from "../db/dialects/dialect";

const CHANNEL = "public_change";
const REREAD_MS = 5_000;
const RECONNECT_MS = 1_000;

export function openPostgresChangeReader(url: string): ChangeReader & { ready: Promise<void> } {
  let value: number | null = null;
  let client: Client | null = null;
  let closed = false;
  let warned = false;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const reread = async () => {
    if (!client) return;
    try {
      const { rows } = await client.query<{ counter: number }>(READ_PUBLIC_CHANGE_SQL);
      value = rows[0]?.counter ?? 0;
      markReady();
    } catch (err) {
      lost(err);
    }
  };

  const lost = (err: unknown) => {
    if (!warned) console.warn("[page-cache] public change counter unavailable:", (err as Error).message);
    warned = true;
    value = null;
    const old = client;
    client = null;
    old?.end().catch(() => undefined);
    if (!closed) setTimeout(connect, RECONNECT_MS).unref();
  };

  async function connect() {
    if (closed) return;
    const c = new Client({ connectionString: url });
    c.on("error", lost);
    c.on("notification", (msg) => {
      if (msg.channel === CHANNEL && msg.payload !== undefined) value = Number(msg.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
      client = c;
      warned = false;
      await reread();
    } catch (err) {
      c.end().catch(() => undefined);
      lost(err);
    }
  }

  void connect();
  const timer = setInterval(() => void reread(), REREAD_MS);
  timer.unref();

  return {
    ready,
    read: () => value,
    close() {
      closed = true;
      clearInterval(timer);
      client?.end().catch(() => undefined);
      client = null;
    },
  };
}
