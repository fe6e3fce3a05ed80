import { describe, expect, it } from "vitest";
import {
  AutosaveController,
  backupKey,
  discardedKey,
  readBackup,
  type AutosaveState,
  type DraftContent,
  type SendResult,
} from "./autosave-controller";

function harness(responses: Array<SendResult | Error>, opts: { online?: boolean } = {}) {
  const timers: Array<{ fn: () => void; ms: number; id: number }> = [];
  let nextId = 1;
  const store = new Map<string, string>();
  const states: AutosaveState[] = [];
  const sent: Array<{ content: DraftContent; baseVersion: number }> = [];
  let content: DraftContent = { title: "T", summary: "", conditionName: "", body: { type: "doc", content: [] } };
  const env = { online: opts.online ?? true };
  const c = new AutosaveController({
    articleId: "a1",
    baseVersion: 1,
    lastSavedAt: null,
    getContent: () => content,
    send: async (body, baseVersion) => {
      sent.push({ content: body, baseVersion });
      const r = responses.shift();
      if (!r) throw new Error("no response scripted");
      if (r instanceof Error) throw r;
      return r;
    },
    onState: (s) => states.push(s),
    storage: {
      getItem: (k) => store.get(k) ?? null,
      setItem: (k, v) => void store.set(k, v),
      removeItem: (k) => void store.delete(k),
    },
    isOnline: () => env.online,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ fn, ms, id });
      return id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
  });
  const runTimers = async () => {
    while (timers.length) {
      timers.shift()!.fn();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return {
    c,
    timers,
    store,
    states,
    sent,
    env,
    runTimers,
    edit: (title: string) => ((content = { ...content, title }), c.change()),
  };
}

const ok = (version: number): SendResult => ({
  status: 200,
  body: { version, savedAt: "2026-11-25T10:00:00.000Z", changed: true },
});

describe("AutosaveController", () => {
  it("debounces changes into one save carrying the base version, then clears the local copy", async () => {
    const h = harness([ok(2)]);
    h.edit("a");
    h.edit("ab");
    expect(h.timers).toHaveLength(1);
    expect(h.timers[0].ms).toBe(800);
    await h.runTimers();
    expect(h.sent).toEqual([{ content: expect.objectContaining({ title: "ab" }), baseVersion: 1 }]);
    expect(h.c.state).toEqual({ kind: "saved", at: "2026-11-25T10:00:00.000Z" });
    expect(h.c.baseVersion).toBe(2);
    expect(h.store.has(backupKey("a1"))).toBe(false);
  });

  it("keeps edits locally while offline and sends them when back online", async () => {
    const h = harness([ok(2)], { online: false });
    h.edit("offline text");
    await h.runTimers();
    expect(h.c.state.kind).toBe("offline");
    expect(h.sent).toHaveLength(0);
    expect(
      readBackup({ getItem: (k) => h.store.get(k) ?? null, setItem() {}, removeItem() {} }, "a1")?.content.title,
    ).toBe("offline text");
    h.env.online = true;
    h.c.online();
    await new Promise((r) => setTimeout(r, 0));
    expect(h.sent[0].content.title).toBe("offline text");
    expect(h.c.state.kind).toBe("saved");
    expect(h.store.has(backupKey("a1"))).toBe(false);
  });

  it("retries with backoff on network errors and 5xx, showing 'Not saved — retrying'", async () => {
    const h = harness([new TypeError("fetch failed"), { status: 503, body: {} }, ok(2)]);
    h.edit("x");
    h.timers.shift()!.fn();
    await new Promise((r) => setTimeout(r, 0));
    expect(h.c.state).toMatchObject({ kind: "retrying", attempt: 1 });
    expect(h.timers[0].ms).toBe(1000);
    h.timers.shift()!.fn();
    await new Promise((r) => setTimeout(r, 0));
    expect(h.c.state).toMatchObject({ kind: "retrying", attempt: 2 });
    expect(h.timers[0].ms).toBe(2000);
    await h.runTimers();
    expect(h.c.state.kind).toBe("saved");
  });

  it("stops on a conflict with both versions; keepMine saves over theirs with their version as base", async () => {
    const current = {
      version: 5,
      title: "Theirs",
      summary: "",
      conditionName: "",
      bodyJson: { type: "doc", content: [] },
      updatedAt: "2026-11-25T09:00:00.000Z",
      lastEditorName: "Eddie",
    };
    const h = harness([
      { status: 409, body: { error: { code: "CONFLICT", message: "…", details: { current } } } },
      ok(6),
    ]);
    h.edit("Mine");
    await h.runTimers();
    expect(h.c.state).toMatchObject({
      kind: "conflict",
      mine: { title: "Mine" },
      theirs: { version: 5, title: "Theirs", lastEditorName: "Eddie" },
    });
    h.edit("Mine, still typing");
    expect(h.timers).toHaveLength(0); // paused: nothing is sent while the writer decides
    await h.c.keepMine();
    expect(h.sent[1]).toEqual({ content: expect.objectContaining({ title: "Mine, still typing" }), baseVersion: 5 });
    expect(h.c.state.kind).toBe("saved");
  });

  it("takeTheirs keeps this browser's text aside instead of dropping it", async () => {
    const current = {
      version: 3,
      title: "Theirs",
      summary: "",
      conditionName: "",
      bodyJson: {},
      updatedAt: "2026-11-25T09:00:00.000Z",
      lastEditorName: null,
    };
    const h = harness([{ status: 409, body: { error: { details: { current } } } }]);
    h.edit("Mine");
    await h.runTimers();
    h.c.takeTheirs();
    expect(h.c.baseVersion).toBe(3);
    expect(JSON.parse(h.store.get(discardedKey("a1"))!).content.title).toBe("Mine");
    expect(h.c.state.kind).toBe("saved");
  });

  it("shows permanent refusals with the server's message and does not retry", async () => {
    const h = harness([{ status: 413, body: { error: { message: "The article body is larger than 2 MB." } } }]);
    h.edit("big");
    await h.runTimers();
    expect(h.c.state).toEqual({ kind: "error", message: "Not saved — The article body is larger than 2 MB." });
    expect(h.timers).toHaveLength(0);
    expect(h.store.has(backupKey("a1"))).toBe(true);
  });

  it("a change made while a save is in flight is saved after it", async () => {
    const h = harness([ok(2), ok(3)]);
    h.edit("one");
    const first = h.timers.shift()!;
    first.fn();
    h.edit("two"); // typed while the first save is on the wire
    await new Promise((r) => setTimeout(r, 0));
    expect(h.c.state.kind).toBe("dirty");
    await h.runTimers();
    expect(h.sent.map((s) => [s.content.title, s.baseVersion])).toEqual([
      ["one", 1],
      ["two", 2],
    ]);
    expect(h.c.state.kind).toBe("saved");
  });
});
