// For the soak (scripts/soak.ts): a process started with `node --expose-gc` answers SIGUSR2 with its memory after
// a full garbage collection, as one line on stdout: `[heap] {"heapUsed":…}`. RSS alone cannot tell a leak (live
// objects that stay) from heap that V8 has not collected yet or keeps reserved; heapUsed after a full collection
// can. Without --expose-gc (every ordinary start) nothing is installed and SIGUSR2 keeps Node's default.

export interface HeapReport {
  pid: number;
  /** Live JavaScript objects after the collection, bytes. */
  heapUsed: number;
  /** What V8 holds for the heap, bytes. */
  heapTotal: number;
  /** Memory of C++ objects bound to JavaScript ones (Buffers, ArrayBuffers), bytes. */
  external: number;
  rss: number;
}

export const HEAP_REPORT_PREFIX = "[heap] ";

export function reportHeapOnSignal(print: (line: string) => void = (line) => console.log(line)): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== "function") return false;
  process.on("SIGUSR2", () => {
    gc();
    const m = process.memoryUsage();
    const report: HeapReport = {
      pid: process.pid,
      heapUsed: m.heapUsed,
      heapTotal: m.heapTotal,
      external: m.external,
      rss: m.rss,
    };
    print(HEAP_REPORT_PREFIX + JSON.stringify(report));
  });
  return true;
}
