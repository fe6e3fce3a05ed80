// Reference keys are what citation nodes point at. They are made once from the first author and year
// (e.g. "smith2021", "smith2021b") so they read well in raw JSON and diffs, and never change afterwards.
export function baseReferenceKey(authors: string, year: number | null, title: string): string {
  const firstAuthor = authors.split(/[,;&]| and /)[0]?.trim() ?? "";
  const surname = (firstAuthor.split(/\s+/)[0] || title.split(/\s+/)[0] || "ref")
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]/g, "")
    .toLowerCase()
    .slice(0, 24);
  return `${surname || "ref"}${year ?? ""}`;
}

export function uniqueReferenceKey(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let c = 98; c <= 122; c++) {
    const candidate = `${base}${String.fromCharCode(c)}`; // smith2021b … smith2021z
    if (!taken.has(candidate)) return candidate;
  }
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
