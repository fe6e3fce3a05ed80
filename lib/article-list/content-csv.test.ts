// The content list's CSV as a spreadsheet would read it: every cell quoted, and no cell, nor any part of a cell
// that a spreadsheet splitting on ";", ",", tab or "|" would make, starts a formula. Rows are built by hand
// (no database): this is about the file's bytes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ContentRow } from "./content-list";
import { CONTENT_CSV_HEADER, contentCsv } from "./content-csv";

function row(title: string, overrides: Partial<ContentRow> = {}): ContentRow {
  return {
    id: "art_1",
    slug: "a-slug",
    status: "DRAFT",
    createdAt: new Date("2026-01-02T03:04:05.000Z"),
    updatedAt: new Date("2026-01-03T03:04:05.000Z"),
    liveRevisionId: null,
    reviewDueAt: null,
    draft: { title, conditionName: "" },
    clinicalArea: null,
    authors: [{ user: { name: "Ann Writer" } }, { user: { name: "Bo Writer" } }],
    assignments: [],
    revisions: [],
    _count: { feedback: 0 },
    ...overrides,
  } as ContentRow;
}

/** RFC 4180 records of a file in which every field must be quoted (throws on an unquoted field). */
function parseQuotedCsv(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const record: string[] = [];
    for (;;) {
      if (text[i] !== '"') throw new Error(`Unquoted field at ${i}: ${JSON.stringify(text.slice(i, i + 20))}`);
      let value = "";
      i += 1;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) throw new Error("Unterminated field");
        value += text.slice(i, quote);
        i = quote + 1;
        if (text[i] === '"') {
          value += '"';
          i += 1;
        } else break;
      }
      record.push(value);
      if (text[i] === ",") i += 1;
      else break;
    }
    if (text.slice(i, i + 2) !== "\r\n") throw new Error(`Expected CRLF at ${i}`);
    i += 2;
    records.push(record);
  }
  return records;
}

const FORMULA_START = /^[\s"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63]/;

/** The cell itself and each part after a character some spreadsheet splits on, none starting a formula. */
function partsStartingAFormula(cell: string): string[] {
  const parts = [cell, ...[...cell.matchAll(/[,;\t|\r\n]/g)].map((m) => cell.slice(m.index + 1))];
  const formulas = parts.filter((part) => FORMULA_START.test(part));
  return /^[\t\r]/.test(cell) ? [cell, ...formulas] : formulas;
}

const titleOf = (csv: string) => parseQuotedCsv(csv.replace(/^\uFEFF/, ""))[1][1];

describe("content list CSV", () => {
  it("quotes every cell, the header and empty cells included, one CRLF per record, with a BOM for spreadsheets", () => {
    const csv = contentCsv([row("Plain title")]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const records = parseQuotedCsv(csv.slice(1));
    expect(records[0]).toEqual(CONTENT_CSV_HEADER);
    expect(records[1]).toEqual([
      "art_1",
      "Plain title",
      "",
      expect.any(String),
      "no",
      "Ann Writer; Bo Writer",
      "",
      "",
      "",
      "0",
      "2026-01-03T03:04:05.000Z",
      "2026-01-02T03:04:05.000Z",
    ]);
  });

  it("neutralises formulas at the start of a cell and after any separator a spreadsheet may split on", () => {
    const cases: Array<[string, string]> = [
      ["=HYPERLINK(evil)", "'=HYPERLINK(evil)"],
      ["+1", "'+1"],
      ["-1", "'-1"],
      ["@SUM(A1)", "'@SUM(A1)"],
      ["\t=1", "'\t'=1"],
      ["\rfoo", "'\rfoo"],
      ["＝HYPERLINK(x)", "'＝HYPERLINK(x)"],
      ["Notes;=HYPERLINK(evil)", "Notes;'=HYPERLINK(evil)"],
      ["Notes,=HYPERLINK(evil)", "Notes,'=HYPERLINK(evil)"],
      ["Notes\t=HYPERLINK(evil)", "Notes\t'=HYPERLINK(evil)"],
      ["Notes|=HYPERLINK(evil)", "Notes|'=HYPERLINK(evil)"],
      ["Notes; =HYPERLINK(evil)", "Notes;' =HYPERLINK(evil)"],
      ['Notes;"=HYPERLINK(evil)"', `Notes;'"=HYPERLINK(evil)"`],
      ["Notes\n@cmd", "Notes\n'@cmd"],
      ["Type 2 diabetes - an overview", "Type 2 diabetes - an overview"],
      ["A = B", "A = B"],
    ];
    for (const [title, expected] of cases) expect(titleOf(contentCsv([row(title)])), title).toBe(expected);
    // Every column, not only the title.
    const csv = contentCsv([
      row("t", {
        draft: { title: "t", conditionName: "x;=1" },
        authors: [{ user: { name: "=evil" } }],
        clinicalArea: { name: "+area" },
      }),
    ]);
    const cells = parseQuotedCsv(csv.slice(1))[1];
    expect(cells.flatMap(partsStartingAFormula)).toEqual([]);
    expect(cells).toContain("x;'=1");
    expect(cells).toContain("'=evil");
    expect(cells).toContain("'+area");
  });

  it("whatever the text, only apostrophes are added and no part of a cell starts a formula", () => {
    const alphabet = fc.constantFrom(
      ..."ab 1=+-@;,\t|\"'\r\n".split(""),
      "\uFF1D",
      "\uFF0B",
      "\uFF0D",
      "\uFF20",
      "\uFE66",
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 24 }).map((chars) => chars.join("")),
        (title) => {
          const cell = titleOf(contentCsv([row(title)]));
          expect(cell.replace(/'/g, "")).toBe(title.replace(/'/g, ""));
          expect(partsStartingAFormula(cell)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
