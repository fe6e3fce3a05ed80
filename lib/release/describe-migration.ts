// One line per migration for `db:deploy -- --dry-run` and the upgrade notes: what a migration's SQL does to
// the tables (created, rebuilt with their rows copied, columns added, dropped, emptied), read from the
// statements Prisma writes and the hand-written ones this project adds. Statements inside trigger and
// function bodies are not the migration's own and are skipped.
const name = String.raw`"?([A-Za-z_][\w]*)"?`;

export function describeMigration(sql: string): string {
  const created: string[] = [];
  const rebuilt: string[] = [];
  const altered: string[] = [];
  const dropped: string[] = [];
  const emptied: string[] = [];
  let triggers = 0;
  let inBody = false;
  for (const raw of sql.split("\n")) {
    const line = raw.trim();
    if (inBody) {
      if (/^END;?$/i.test(line) || /^\$\$/.test(line) || /\$\$\s*(LANGUAGE\s+\w+\s*)?;$/i.test(line)) inBody = false;
      continue;
    }
    let m: RegExpMatchArray | null;
    if (/^CREATE\s+(OR\s+REPLACE\s+)?TRIGGER/i.test(line)) {
      triggers++;
      inBody = !/\bEND;?$/i.test(line) && !/EXECUTE\s+(FUNCTION|PROCEDURE)/i.test(line);
    } else if (/^CREATE\s+(OR\s+REPLACE\s+)?FUNCTION/i.test(line))
      inBody = !/\$\$\s*(LANGUAGE\s+\w+\s*)?;$/i.test(line);
    else if (
      (m = line.match(new RegExp(String.raw`^CREATE\s+(?:VIRTUAL\s+)?TABLE\s+(?:IF NOT EXISTS\s+)?${name}`, "i")))
    ) {
      if (m[1].startsWith("new_")) rebuilt.push(m[1].slice(4));
      else created.push(m[1]);
    } else if ((m = line.match(new RegExp(String.raw`^ALTER\s+TABLE\s+${name}\s+(ADD|DROP|ALTER|RENAME)`, "i")))) {
      if (!m[1].startsWith("new_")) altered.push(m[1]);
    } else if ((m = line.match(new RegExp(String.raw`^DROP\s+TABLE\s+(?:IF EXISTS\s+)?${name}`, "i")))) {
      dropped.push(m[1]);
    } else if ((m = line.match(new RegExp(String.raw`^(?:DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+${name}\s*;`, "i")))) {
      emptied.push(m[1]);
    }
  }
  const uniq = (xs: string[]) => [...new Set(xs)];
  const parts: string[] = [];
  const recreated = uniq(created).filter((t) => dropped.includes(t));
  const fresh = uniq(created).filter((t) => !recreated.includes(t));
  if (fresh.length) parts.push(`creates ${fresh.join(", ")}`);
  if (recreated.length) parts.push(`recreates ${recreated.join(", ")} (rows not kept)`);
  if (rebuilt.length) parts.push(`rebuilds ${uniq(rebuilt).join(", ")} (rows copied)`);
  const changed = uniq(altered).filter((t) => !created.includes(t));
  if (changed.length) parts.push(`changes ${changed.join(", ")}`);
  const gone = uniq(dropped).filter((t) => !rebuilt.includes(t) && !recreated.includes(t));
  if (gone.length) parts.push(`drops ${gone.join(", ")} (rows not kept)`);
  if (emptied.length) parts.push(`empties ${uniq(emptied).join(", ")}`);
  if (triggers) parts.push(`${triggers} trigger${triggers === 1 ? "" : "s"}`);
  return parts.length ? parts.join("; ") : "no table changes (indexes or data only)";
}
