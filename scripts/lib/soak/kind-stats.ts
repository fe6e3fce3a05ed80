// What the soak test (scripts/soak.ts) records per kind of request: answers by status, latencies, failures
// (5xx, refused connections, unexpected statuses), and the table it prints at the end.

export interface KindStats {
  kind: string;
  latenciesMs: number[];
  statuses: Map<number, number>;
  /** Answers that fail the run: 5xx, no answer at all, or a status this kind never expects. */
  failures: number;
  /** The first few failures, for the report. */
  failureSamples: string[];
}

export class SoakStats {
  private readonly kinds = new Map<string, KindStats>();

  kind(name: string): KindStats {
    let k = this.kinds.get(name);
    if (!k)
      this.kinds.set(name, (k = { kind: name, latenciesMs: [], statuses: new Map(), failures: 0, failureSamples: [] }));
    return k;
  }

  /** One answer: `expected` lists the statuses this kind may get (anything else, and every 5xx, is a failure). */
  answer(name: string, status: number, ms: number, expected: readonly number[], detail = ""): void {
    const k = this.kind(name);
    k.latenciesMs.push(ms);
    k.statuses.set(status, (k.statuses.get(status) ?? 0) + 1);
    if (status >= 500 || !expected.includes(status)) this.fail(name, `${status} ${detail}`.trim());
  }

  /** A request that got no answer (connection refused or reset, timeout) or an operation that threw. */
  fail(name: string, what: string): void {
    const k = this.kind(name);
    k.failures++;
    if (k.failureSamples.length < 5) k.failureSamples.push(what.slice(0, 300));
  }

  all(): KindStats[] {
    return [...this.kinds.values()];
  }

  totalFailures(): number {
    return this.all().reduce((n, k) => n + k.failures, 0);
  }

  fiveHundreds(): number {
    return this.all().reduce((n, k) => n + [...k.statuses].filter(([s]) => s >= 500).reduce((m, [, c]) => m + c, 0), 0);
  }

  /** The table: kind, count, per second, p50, p99, max, statuses, failures. */
  table(seconds: number): string {
    const rows = [["kind", "count", "per s", "p50 ms", "p99 ms", "max ms", "statuses", "failures"]];
    for (const k of this.all()) {
      const sorted = [...k.latenciesMs].sort((a, b) => a - b);
      const q = (p: number) =>
        sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : NaN;
      rows.push([
        k.kind,
        String(sorted.length),
        (sorted.length / seconds).toFixed(1),
        q(0.5).toFixed(1),
        q(0.99).toFixed(1),
        (sorted.length ? sorted[sorted.length - 1] : NaN).toFixed(0),
        [...k.statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, c]) => `${s}×${c}`)
          .join(" "),
        String(k.failures),
      ]);
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    const line = (r: string[]) => `| ${r.map((cell, i) => cell.padEnd(widths[i])).join(" | ")} |`;
    const rule = `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`;
    return [line(rows[0]), rule, ...rows.slice(1).map(line)].join("\n");
  }
}
