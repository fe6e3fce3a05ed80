// docs/architecture.md is the map a newcomer reads first; these checks keep it from drifting away from the code:
// every folder of lib/ has a row in "The lib/ areas" (and every row names a folder and entry files that exist),
// and every row of "Where is the rule" names a file that exists and exports the named function.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const MAP = readFileSync(path.join(ROOT, "docs/architecture.md"), "utf8");
/** Prisma's generated clients: code the project does not write. */
const NOT_AREAS = new Set(["generated"]);

/** The body rows of the first Markdown table under the heading, as arrays of trimmed cells. */
function tableUnder(markdown: string, heading: string): string[][] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.replace(/^#+\s*/, "") === heading && l.startsWith("#"));
  if (start < 0) throw new Error(`docs/architecture.md has no heading "${heading}"`);
  const rows: string[][] = [];
  let inTable = false;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("#")) break;
    if (!line.startsWith("|")) {
      if (inTable) break;
      continue;
    }
    inTable = true;
    rows.push(
      line
        .slice(1, line.endsWith("|") ? -1 : undefined)
        .split("|")
        .map((c) => c.trim()),
    );
  }
  // Header row and the |---| separator.
  return rows.slice(2);
}

/** The `code spans` of a cell. */
const codeSpans = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

/** Whether a TypeScript source declares the named export (function, const, class) or re-exports it. */
function declaresExport(source: string, name: string): boolean {
  const declared = new RegExp(`export\\s+(?:async\\s+)?(?:function\\*?|const|let|class)\\s+${name}\\b`);
  const listed = new RegExp(`export\\s*(?:type\\s*)?\\{[^}]*\\b${name}\\b[^}]*\\}`);
  return declared.test(source) || listed.test(source);
}

describe("docs/architecture.md: the lib/ areas", () => {
  const rows = tableUnder(MAP, "The `lib/` areas");
  const mapped = rows.map((r) => codeSpans(r[0])[0]);

  it("has a row for every folder of lib/", () => {
    const areas = readdirSync(path.join(ROOT, "lib"), { withFileTypes: true })
      .filter((e) => e.isDirectory() && !NOT_AREAS.has(e.name))
      .map((e) => `lib/${e.name}/`);
    expect(areas.length).toBeGreaterThan(30);
    expect(areas.filter((a) => !mapped.includes(a))).toEqual([]);
  });

  it("names only folders and entry files that exist", () => {
    const missing: string[] = [];
    for (const row of rows) {
      const area = codeSpans(row[0])[0];
      if (!area || !existsSync(path.join(ROOT, area))) missing.push(row[0]);
      const entries = codeSpans(row[2] ?? "");
      if (entries.length === 0) missing.push(`${row[0]}: no entry files`);
      for (const file of entries) if (!existsSync(path.join(ROOT, area, file))) missing.push(`${area}${file}`);
    }
    expect(missing).toEqual([]);
  });
});

describe("docs/architecture.md: where is the rule", () => {
  const rows = tableUnder(MAP, "Where is the rule");

  it("covers approving, the gate, cache invalidation, authorisation and the audit log", () => {
    const questions = rows.map((r) => r[0].toLowerCase()).join("\n");
    for (const topic of ["approve", "gate", "invalidated", "authorised", "audited"]) expect(questions).toContain(topic);
  });

  it("names, in each row, a file that exists and exports the named function", () => {
    const wrong: string[] = [];
    for (const [question, fileCell, functionCell] of rows) {
      const file = codeSpans(fileCell ?? "")[0];
      const fn = codeSpans(functionCell ?? "")[0];
      if (!file || !fn) {
        wrong.push(`${question}: needs a file and a function`);
        continue;
      }
      const full = path.join(ROOT, file);
      if (!existsSync(full)) wrong.push(`${question}: ${file} does not exist`);
      else if (!declaresExport(readFileSync(full, "utf8"), fn))
        wrong.push(`${question}: ${file} does not export ${fn}`);
    }
    expect(rows.length).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  });
});

describe("the map test's own reading", () => {
  it("finds declared and listed exports, not mentions", () => {
    expect(declaresExport("export async function approveRevision(db) {}", "approveRevision")).toBe(true);
    expect(declaresExport("export { AppError, isAppError };", "isAppError")).toBe(true);
    expect(declaresExport("function approveRevision() {}\n// approveRevision", "approveRevision")).toBe(false);
    expect(declaresExport("export function approveRevisions() {}", "approveRevision")).toBe(false);
  });
});
