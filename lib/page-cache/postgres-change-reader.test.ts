// The PostgreSQL change reader sees a change committed by another connection without polling for it.
import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { bumpPublicChange } from "./public-change";
import { openPostgresChangeReader } from "./postgres-change-reader";

const t = createTestDb();
afterAll(() => t.cleanup());

describe("PostgreSQL public change reader", () => {
  it("starts from the stored value and follows each committed change by notification", async () => {
    const reader = openPostgresChangeReader(t.url);
    try {
      await reader.ready;
      expect(reader.read()).toBe(0);
      await t.db.$transaction((tx) => bumpPublicChange(tx));
      await t.db.$transaction((tx) => bumpPublicChange(tx));
      const deadline = Date.now() + 3_000; // well under the 5 s re-read: only a notification gets it there
      while (reader.read() !== 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(reader.read()).toBe(2);
    } finally {
      reader.close();
    }
  });
});
