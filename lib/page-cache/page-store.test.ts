import { describe, expect, it } from "vitest";
import { buildPageEntry, type PageEntry } from "./page-entry";
import { PageStore } from "./page-store";

function entry(counter: number, body = "x".repeat(100), now = 1_000): PageEntry {
  return buildPageEntry({
    status: 200,
    headers: { "content-type": "text/html" },
    body: Buffer.from(body),
    counter,
    now,
  });
}

describe("PageStore", () => {
  it("serves an entry only at the counter it was rendered at, and drops everything when the counter moves", () => {
    const store = new PageStore({ maxBytes: 1e6, maxAgeMs: 60_000 });
    store.set("/a", entry(1));
    store.set("/b", entry(1));
    expect(store.get("/a", 1, 2_000)).toBeDefined();
    expect(store.get("/a", 2, 2_000)).toBeUndefined();
    expect(store.size.entries).toBe(0);
    // An entry rendered before the move arrives late: refused.
    expect(store.set("/b", entry(1))).toBe(false);
    expect(store.set("/b", entry(2))).toBe(true);
    // A counter going back (a restored backup) is a move too.
    expect(store.get("/b", 1, 2_000)).toBeUndefined();
  });

  it("expires entries by age", () => {
    const store = new PageStore({ maxBytes: 1e6, maxAgeMs: 1_000 });
    store.set("/a", entry(1, "a", 1_000));
    expect(store.get("/a", 1, 1_900)).toBeDefined();
    expect(store.get("/a", 1, 2_100)).toBeUndefined();
  });

  it("keeps within its byte budget, dropping the least recently used first", () => {
    const one = entry(1);
    const store = new PageStore({ maxBytes: one.size * 2, maxAgeMs: 60_000 });
    store.set("/a", entry(1));
    store.set("/b", entry(1));
    store.get("/a", 1, 1_000); // /a is now the most recently used
    store.set("/c", entry(1));
    expect(store.get("/b", 1, 1_000)).toBeUndefined();
    expect(store.get("/a", 1, 1_000)).toBeDefined();
    expect(store.get("/c", 1, 1_000)).toBeDefined();
    expect(store.size.bytes).toBe(one.size * 2);
  });

  it("keeps the order of use when the same page is asked for over and over (a reader's revalidations)", () => {
    const one = entry(1);
    const store = new PageStore({ maxBytes: one.size * 2, maxAgeMs: 60_000 });
    store.set("/a", entry(1));
    store.set("/b", entry(1));
    store.get("/a", 1, 1_000);
    store.get("/b", 1, 1_000);
    store.get("/b", 1, 1_000);
    store.set("/c", entry(1));
    expect(store.get("/a", 1, 1_000)).toBeUndefined();
    expect(store.get("/b", 1, 1_000)).toBeDefined();
    expect(store.get("/c", 1, 1_000)).toBeDefined();
  });
});
