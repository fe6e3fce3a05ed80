import { afterAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../tests/helpers/test-db";
import { CLIENT_HASH_SECRET_KEY, getClientHashSecret, hashClient } from "./client-hash";

const t = createTestDb();
afterAll(() => t.cleanup());

describe("hashClient", () => {
  const day1 = new Date("2026-11-25T08:00:00Z");
  const laterSameDay = new Date("2026-11-25T23:59:00Z");
  const day2 = new Date("2026-11-26T00:01:00Z");

  it("is stable within a UTC day and changes the next day", () => {
    const a = hashClient("secret", "203.0.113.7", day1);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(hashClient("secret", "203.0.113.7", laterSameDay)).toBe(a);
    expect(hashClient("secret", "203.0.113.7", day2)).not.toBe(a);
  });

  it("differs by address and secret, and never contains the address", () => {
    const a = hashClient("secret", "203.0.113.7", day1);
    expect(hashClient("secret", "203.0.113.8", day1)).not.toBe(a);
    expect(hashClient("other", "203.0.113.7", day1)).not.toBe(a);
    expect(a).not.toContain("203");
  });

  it("creates the secret once and keeps it in Settings", async () => {
    const s1 = await getClientHashSecret(t.db);
    expect(s1).toMatch(/^[0-9a-f]{64}$/);
    expect(await getClientHashSecret(t.db)).toBe(s1);
    expect((await t.db.setting.findUnique({ where: { key: CLIENT_HASH_SECRET_KEY } }))?.value).toBe(s1);
  });
});
