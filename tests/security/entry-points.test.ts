// Every route handler, server action and page found in the file tree has a guard: a permission that exists in
// the policy, or a listed reason to be open. A new entry point without one fails here with what to do.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "../../lib/auth/policy";
import { findEntryPoints, OPEN_ENTRY_POINTS } from "./entry-points";

const root = path.resolve(__dirname, "../..");
const entries = findEntryPoints(root);

describe("authorization: every entry point is guarded", () => {
  it("finds the entry points from the file tree", () => {
    expect(entries.filter((e) => e.kind === "route").length).toBeGreaterThan(10);
    expect(entries.filter((e) => e.kind === "action").length).toBeGreaterThan(20);
    expect(entries.filter((e) => e.kind === "page").length).toBeGreaterThan(20);
  });

  it("each one checks a permission or is listed as deliberately open", () => {
    const unguarded = entries
      .filter((e) => !e.permission && !e.openBecause)
      .map((e) => `${e.kind} ${e.file}#${e.name}`);
    expect(
      unguarded,
      "Guard these with authedRoute/action/requirePermission, or list them in OPEN_ENTRY_POINTS (tests/security/entry-points.ts) with the reason",
    ).toEqual([]);
  });

  it("every permission named by a guard exists in the policy", () => {
    const unknown = entries.filter((e) => e.permission && !(PERMISSIONS as readonly string[]).includes(e.permission));
    expect(unknown.map((e) => `${e.file}#${e.name}: ${e.permission}`)).toEqual([]);
  });

  it("studio pages all name their permission (the layout's studio.access is not enough on its own)", () => {
    const studio = entries.filter((e) => e.kind === "page" && e.file.startsWith("app/studio/"));
    expect(studio.filter((e) => !e.permission).map((e) => e.file)).toEqual([]);
  });

  it("the open list names only entry points that exist and have no guard", () => {
    const byKey = new Map(entries.map((e) => [`${e.file}#${e.name}`, e]));
    const stale = Object.keys(OPEN_ENTRY_POINTS).filter((key) => {
      const e = byKey.get(key);
      return e !== undefined && e.permission !== null;
    });
    expect(stale, "these are guarded now: remove them from OPEN_ENTRY_POINTS").toEqual([]);
  });
});
