// CSV files people open in a spreadsheet (RFC 4180 via csv-stringify, UTF-8 with a byte-order mark so that
// Excel reads accented names right, CRLF records, every cell quoted). A cell a spreadsheet would run as a
// formula is neutralised with an apostrophe before the character that starts it: at the start of the cell,
// and after every character a spreadsheet may split cells on when someone imports the file with another
// separator (";", ",", tab, "|", line breaks), so "Notes;=HYPERLINK(…)" cannot become a formula in a sheet set
// to ";". Spaces and quotes in front of the character do not hide it ("; =…", ';"=…"). Full-width and small
// forms of = + - @ count too (some spreadsheets read them as the ASCII ones). A cell starting with a tab or a
// carriage return is prefixed as well. Nothing but apostrophes is ever added.
import { stringify } from "csv-stringify/sync";

const SPLIT_ON = ",;\\t|\\r\\n";
const FORMULA_START = "=+\\-@\\uFF1D\\uFF0B\\uFF0D\\uFF20\\uFE66\\uFE62\\uFE63";
const FORMULA_AFTER_SEPARATOR = new RegExp(`([${SPLIT_ON}])(?=[\\s"]*[${FORMULA_START}])`, "g");
const FORMULA_AT_START = new RegExp(`^([\\t\\r]|[\\s"]*[${FORMULA_START}])`);

export function neutraliseFormulas(value: string): string {
  const neutralised = value.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return FORMULA_AT_START.test(neutralised) ? `'${neutralised}` : neutralised;
}

/** The whole file: the header, then one record per row. */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify(
    [header, ...rows].map((cells) => cells.map(neutraliseFormulas)),
    {
      bom: true,
      quoted: true,
      quoted_empty: true,
      record_delimiter: "windows",
    },
  );
}
