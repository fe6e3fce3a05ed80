// The soak reads each process's live memory after a full collection (its leak check): a process started with
// --expose-gc answers SIGUSR2 with one `[heap] {…}` line (lib/processes/report-heap-on-signal.ts), which the
// soak's probe (scripts/lib/soak/heap-probe.ts) reads from its stdout.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HeapProbe } from "../../scripts/lib/soak/heap-probe";

const dir = mkdtempSync(path.join(os.tmpdir(), "heap-probe-"));
let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

describe("heap probe", () => {
  it("a process under --expose-gc reports its heap after a full collection on SIGUSR2", async () => {
    const script = path.join(dir, "reporting.ts");
    const reporter = path.resolve(__dirname, "../../lib/processes/report-heap-on-signal.ts");
    writeFileSync(
      script,
      `import { reportHeapOnSignal } from ${JSON.stringify(reporter)};\n` +
        // 20 MB of garbage the collection must not count.
        `let garbage: number[][] = []; for (let i = 0; i < 200; i++) garbage.push(new Array(12_500).fill(i));\n` +
        `garbage = [];\n` +
        `console.log(reportHeapOnSignal() ? "ready" : "not installed");\n` +
        `setInterval(() => undefined, 1000);\n`,
    );
    child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", script], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const probe = new HeapProbe(child.pid!);
    let printed = "";
    child.stdout!.on("data", (c: Buffer) => ((printed += c.toString()), probe.feed(c)));
    for (const until = Date.now() + 60_000; !printed.includes("ready"); await new Promise((r) => setTimeout(r, 100))) {
      if (Date.now() > until || printed.includes("not installed")) throw new Error(`no handler: ${printed}`);
    }
    const report = await probe.sample();
    expect(report).toMatchObject({ pid: child.pid });
    expect(report!.heapUsed).toBeGreaterThan(1_000_000);
    expect(report!.heapUsed).toBeLessThan(20_000_000); // the garbage was collected
    expect(report!.rss).toBeGreaterThan(report!.heapUsed);
  });
});
