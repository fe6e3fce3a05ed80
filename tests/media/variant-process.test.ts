// The app's worker makes variants in a separate process (lib/media/variant-maker.ts): the same renditions as
// in-process, and a process that dies mid-job costs only that attempt; the next one starts a fresh process.
import { once } from "node:events";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../helpers/test-db";
import { makeUser, type TestUser } from "../helpers/factory";
import { jpegWithGps } from "../helpers/image-fixtures";
import { uploadMedia } from "../../lib/media/upload-media";
import { FolderStorage } from "../../lib/media/storage";
import { claimMediaJob, runMediaJob } from "../../lib/media/media-jobs";
import { VariantProcess } from "../../lib/media/variant-maker";

const t = createTestDb();
const dir = mkdtempSync(path.join(os.tmpdir(), "imprimatur-variant-process-"));
const storage = new FolderStorage(dir);
const variantProcess = new VariantProcess({ store: storage.config });
afterAll(async () => {
  variantProcess.close();
  await t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

let writer: TestUser;
beforeAll(async () => {
  writer = await makeUser(t.db, { roles: ["WRITER"] });
});

describe("the variant process", () => {
  it("makes clean variants at every width and format, like the in-process maker", async () => {
    const up = await uploadMedia(t.db, storage, writer, { bytes: await jpegWithGps(1200, 800), fileName: "a.jpg" });
    const job = await claimMediaJob(t.db);
    expect(job?.id).toBe(up.fileId);
    expect(await runMediaJob(t.db, storage, job!, variantProcess.make)).toBe("READY");
    const variants = await t.db.mediaVariant.findMany({ where: { fileId: up.fileId } });
    expect(variants.map((v) => `${v.format}@${v.width}x${v.height}`).sort()).toEqual(
      ["avif", "webp", "jpeg"].flatMap((f) => [`${f}@480x320`, `${f}@960x640`, `${f}@1200x800`]).sort(),
    );
    for (const v of variants) {
      const meta = await sharp((await storage.get(v.sha256))!).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.width).toBe(v.width);
    }
    expect(variantProcess.lastStats.peakRssMb).toBeGreaterThan(0);
    expect(variantProcess.lastStats.cpuMs).toBeGreaterThan(0);
  }, 60_000);

  it("a process killed mid-job fails that attempt with a reason; the retry runs in a fresh process", async () => {
    const up = await uploadMedia(t.db, storage, writer, { bytes: await jpegWithGps(900, 600), fileName: "b.jpg" });
    const job = (await claimMediaJob(t.db))!;
    await variantProcess.warmUp();
    const pid = variantProcess.pid!;
    // Stopped, the process cannot answer before it is killed: the kill lands mid-job whatever the machine's load.
    process.kill(pid, "SIGSTOP");
    const handedOver = once(variantProcess.events, "job-sent");
    const running = runMediaJob(t.db, storage, job, variantProcess.make);
    const [sent] = await handedOver;
    expect(sent.pid).toBe(pid);
    process.kill(pid, "SIGKILL");
    expect(await running).toBe("PENDING");
    const failed = await t.db.mediaFile.findUniqueOrThrow({ where: { id: up.fileId } });
    expect(failed.error).toMatch(/image processing process stopped \(SIGKILL\)/);
    expect(await t.db.mediaVariant.count({ where: { fileId: up.fileId } })).toBe(0);

    const retry = (await claimMediaJob(t.db))!;
    expect(retry.id).toBe(up.fileId);
    expect(await runMediaJob(t.db, storage, retry, variantProcess.make)).toBe("READY");
    expect(variantProcess.pid).not.toBe(pid);
    expect(await t.db.mediaVariant.count({ where: { fileId: up.fileId } })).toBe(6); // 480 and 900 wide × 3 formats
  }, 60_000);

  it("a process that died just before a job is written to it is reported as killed, not as unreachable", async () => {
    const up = await uploadMedia(t.db, storage, writer, { bytes: await jpegWithGps(700, 500), fileName: "c.jpg" });
    const job = (await claimMediaJob(t.db))!;
    await variantProcess.warmUp();
    const pid = variantProcess.pid!;
    process.kill(pid, "SIGKILL");
    // Wait until it is dead (its end of the channel closed) without letting this process's event loop see the
    // exit, so the job is written to a dead process (EPIPE), as when it dies at that moment.
    waitUntilDead(pid);
    expect(await runMediaJob(t.db, storage, job, variantProcess.make)).toBe("PENDING");
    const failed = await t.db.mediaFile.findUniqueOrThrow({ where: { id: up.fileId } });
    expect(failed.error).toBe("The image processing process stopped (SIGKILL).");

    const retry = (await claimMediaJob(t.db))!;
    expect(await runMediaJob(t.db, storage, retry, variantProcess.make)).toBe("READY");
    expect(variantProcess.pid).not.toBe(pid);
  }, 60_000);

  it("a stopped process's exit fails only its own jobs, not those of the process started after it", async () => {
    await uploadMedia(t.db, storage, writer, { bytes: await jpegWithGps(600, 400), fileName: "d.jpg" });
    const job = (await claimMediaJob(t.db))!;
    await variantProcess.warmUp();
    const first = variantProcess.pid!;
    variantProcess.close(); // kills it; its exit is seen a moment later
    const handedOver = once(variantProcess.events, "job-sent");
    const making = variantProcess.make(job.sha256);
    const [{ pid: second }] = await handedOver;
    expect(second).not.toBe(first);
    // The new process holds still until the old one's exit has been seen (it is reaped when it is).
    process.kill(second!, "SIGSTOP");
    while (existsSync(`/proc/${first}`)) await new Promise((resolve) => setTimeout(resolve, 10));
    process.kill(second!, "SIGCONT");
    expect((await making).length).toBe(6);
  }, 60_000);
});

/** Blocks (on purpose: no event-loop turn) until the process has ended and closed its files, not yet reaped. */
function waitUntilDead(pid: number) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The state follows the command name in parentheses: "1234 (node) Z ...". The main thread turns zombie
    // before the others (libuv's, libvips') have ended; the files, its end of the channel among them, are
    // closed by the last one, and a thread that has ended leaves /proc/PID/task.
    const zombie = stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
    if (zombie && readdirSync(`/proc/${pid}/task`).length === 1) return;
  }
  throw new Error(`process ${pid} did not end within 10 s`);
}
