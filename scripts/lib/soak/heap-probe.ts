// Asks a process started with --expose-gc for its heap after a full collection
// (lib/processes/report-heap-on-signal.ts): sends it SIGUSR2 and reads the `[heap] {…}` line it prints. Feed it
// the process's stdout.
import { HEAP_REPORT_PREFIX, type HeapReport } from "../../../lib/processes/report-heap-on-signal";

export class HeapProbe {
  private buffered = "";
  private readonly waiting: Array<(report: HeapReport) => void> = [];

  constructor(private readonly pid: number) {}

  /** A chunk of the process's stdout (lines may be split across chunks). */
  feed(chunk: Buffer | string): void {
    this.buffered += chunk.toString();
    const lines = this.buffered.split("\n");
    this.buffered = lines.pop() ?? "";
    for (const line of lines) {
      const at = line.indexOf(HEAP_REPORT_PREFIX);
      if (at < 0) continue;
      try {
        const report = JSON.parse(line.slice(at + HEAP_REPORT_PREFIX.length)) as HeapReport;
        this.waiting.shift()?.(report);
      } catch {
        // not one of ours
      }
    }
  }

  /** The heap after a full collection, or undefined when the process does not answer within `timeoutMs`. */
  async sample(timeoutMs = 30_000): Promise<HeapReport | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const answered = new Promise<HeapReport>((resolve) => this.waiting.push(resolve));
    try {
      process.kill(this.pid, "SIGUSR2");
    } catch {
      return undefined;
    }
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
    const report = await Promise.race([answered, late]);
    clearTimeout(timer);
    return report;
  }
}
