// Every action the code records has a readable label, and stored details read as label/value lines.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS, auditActionLabel, auditActionOptions, auditDetails } from "./action-labels";

const ROOT = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" || name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Action names as the code writes them: `action: "…"`, `auditAction: "…"` (ternaries too), authenticate.ts audit(). */
function recordedActions(): Set<string> {
  const found = new Set<string>();
  for (const file of ["lib", "app", "prisma", "scripts"].flatMap((d) => sourceFiles(path.join(ROOT, d)))) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\b(?:action|auditAction)\s*:\s*([^,\n]+)/g))
      for (const name of m[1].matchAll(/"([a-z_]+\.[a-z_]+)"/g)) found.add(name[1]);
    for (const m of text.matchAll(/\baudit\(\s*\w+,\s*[^,]+,\s*"([a-z_]+\.[a-z_]+)"/g)) found.add(m[1]);
    // Named constants of action names (e.g. record-event.ts's KEYED_FROM_ACTION).
    for (const m of text.matchAll(/\b[A-Z_]+_ACTION\s*=\s*"([a-z_]+\.[a-z_]+)"/g)) found.add(m[1]);
  }
  return found;
}

describe("audit action labels", () => {
  it("labels every action the code records, each differently", () => {
    const actions = recordedActions();
    expect(actions.size).toBeGreaterThan(50); // the scan found the code's actions
    expect(actions).toContain("user.disabled");
    for (const a of [
      "audit.chain_keyed",
      "auth.signin_failed",
      "webhook.endpoint_paused",
      "review.comment_reopened",
      "user.enabled",
    ])
      expect(actions).toContain(a);
    expect([...actions].filter((a) => !AUDIT_ACTION_LABELS[a])).toEqual([]);
    const labels = Object.values(AUDIT_ACTION_LABELS);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).not.toMatch(/[._]/);
  });

  it("reads an unknown action as words, and sorts the filter by what people read", () => {
    expect(auditActionLabel("article.published")).toBe("Article published");
    expect(auditActionLabel("backup.restore_done")).toBe("Backup: restore done");
    expect(auditActionOptions(["user.disabled", "article.published"]).map((o) => o.label)).toEqual([
      "Account disabled",
      "Article published",
    ]);
  });

  it("turns stored details into label/value lines, never raw JSON", () => {
    expect(auditDetails("{}")).toEqual([]);
    expect(
      auditDetails(
        JSON.stringify({
          granted: ["EDITOR"],
          removed: [],
          specialtyIds: ["s1", "s2"],
          changes: { "review.intervalMonths": { from: 12, to: 9 }, note: { text: "x" } },
          public: true,
        }),
      ),
    ).toEqual([
      { label: "Granted", value: "EDITOR" },
      { label: "Removed", value: "none" },
      { label: "Specialty ids", value: "s1, s2" },
      { label: "Changes", value: "review interval months: 12 → 9; note: text: x" },
      { label: "Public", value: "yes" },
    ]);
    expect(auditDetails("not json")).toEqual([{ label: "Details", value: "not json" }]);
    expect(auditDetails("42")).toEqual([{ label: "Details", value: "42" }]);
  });
});
