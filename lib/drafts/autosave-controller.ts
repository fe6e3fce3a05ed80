// The editor's autosave, as a plain state machine (no React, no Next) so its rules are unit-tested:
// - a save goes out `delayMs` after the last change ("a moment after typing stops");
// - each save carries the version it was based on; a 409 stops autosaving and hands both versions to the
//   conflict view; nothing is overwritten until the writer chooses;
// - network failures and 5xx retry with backoff; while offline, edits stay in local storage and are sent
//   when the browser is back online; a reload restores them;
// - permanent refusals (400/403/404/413) are shown with the server's message and not retried until the
//   next change.
export interface DraftContent {
  title: string;
  summary: string;
  conditionName: string;
  body: unknown;
}

export interface ServerDraft extends DraftContent {
  version: number;
  updatedAt: string;
  lastEditorName: string | null;
}

export type AutosaveState =
  | { kind: "saved"; at: string | null }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "retrying"; message: string; attempt: number }
  | { kind: "offline" }
  | { kind: "conflict"; mine: DraftContent; theirs: ServerDraft }
  | { kind: "error"; message: string };

export interface SendResult {
  status: number;
  body: unknown;
}

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface LocalBackup {
  articleId: string;
  baseVersion: number;
  content: DraftContent;
  at: string;
}

export interface AutosaveOptions {
  articleId: string;
  baseVersion: number;
  lastSavedAt: string | null;
  getContent: () => DraftContent;
  send: (content: DraftContent, baseVersion: number) => Promise<SendResult>;
  onState: (state: AutosaveState) => void;
  storage?: StorageLike | null;
  isOnline?: () => boolean;
  delayMs?: number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export const backupKey = (articleId: string) => `imprimatur:draft:${articleId}`;
export const discardedKey = (articleId: string) => `imprimatur:discarded:${articleId}`;
const MAX_BACKOFF_MS = 15_000;

export function readBackup(storage: StorageLike | null | undefined, articleId: string): LocalBackup | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(backupKey(articleId));
    if (!raw) return null;
    const value = JSON.parse(raw) as LocalBackup;
    return value && value.articleId === articleId && typeof value.baseVersion === "number" && value.content
      ? value
      : null;
  } catch {
    return null;
  }
}

export function sameContent(a: DraftContent, b: DraftContent): boolean {
  return (
    a.title === b.title &&
    a.summary === b.summary &&
    a.conditionName === b.conditionName &&
    JSON.stringify(a.body) === JSON.stringify(b.body)
  );
}

function errorMessage(body: unknown, fallback: string): string {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === "string" && message ? message : fallback;
}

export class AutosaveController {
  baseVersion: number;
  state: AutosaveState;
  private timer: unknown = null;
  private generation = 0; // bumped by every change
  private savedGeneration = 0;
  private inFlight: Promise<void> | null = null;
  private attempt = 0;
  private paused = false;
  private readonly o: Required<Omit<AutosaveOptions, "storage">> & Pick<AutosaveOptions, "storage">;

  constructor(options: AutosaveOptions) {
    this.o = {
      delayMs: 800,
      isOnline: () => true,
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      ...options,
    };
    this.baseVersion = options.baseVersion;
    this.state = { kind: "saved", at: options.lastSavedAt };
  }

  private set(state: AutosaveState) {
    this.state = state;
    this.o.onState(state);
  }

  get dirty(): boolean {
    return this.generation !== this.savedGeneration;
  }

  /** Call on every edit. Cheap: no serialisation here, only a timer. */
  change() {
    this.generation++;
    if (this.paused) return;
    if (
      this.state.kind !== "dirty" &&
      this.state.kind !== "saving" &&
      this.state.kind !== "offline" &&
      this.state.kind !== "retrying"
    )
      this.set({ kind: "dirty" });
    this.schedule(this.o.delayMs);
  }

  private schedule(ms: number) {
    if (this.timer !== null) this.o.clearTimer(this.timer);
    this.timer = this.o.setTimer(() => {
      this.timer = null;
      void this.flush();
    }, ms);
  }

  /** Writes the local backup now (page hide, going offline). */
  backup(content: DraftContent = this.o.getContent()) {
    try {
      this.o.storage?.setItem(
        backupKey(this.o.articleId),
        JSON.stringify({
          articleId: this.o.articleId,
          baseVersion: this.baseVersion,
          content,
          at: new Date(this.o.now()).toISOString(),
        } satisfies LocalBackup),
      );
    } catch {
      // Storage full or disabled: the server copy and the open page still hold the text.
    }
  }

  private clearBackup() {
    try {
      this.o.storage?.removeItem(backupKey(this.o.articleId));
    } catch {
      // ignore
    }
  }

  /** Saves now if there is anything unsaved; resolves when this attempt is over. */
  async flush(): Promise<void> {
    if (this.paused) return;
    if (this.inFlight) {
      await this.inFlight;
      if (this.dirty && !this.paused && this.timer === null) return this.flush();
      return;
    }
    if (!this.dirty) return;
    if (this.timer !== null) {
      this.o.clearTimer(this.timer);
      this.timer = null;
    }
    this.inFlight = this.attemptSave().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async attemptSave() {
    const generation = this.generation;
    const content = this.o.getContent();
    this.backup(content);
    if (!this.o.isOnline()) {
      this.set({ kind: "offline" });
      return;
    }
    this.set({ kind: "saving" });
    let result: SendResult;
    try {
      result = await this.o.send(content, this.baseVersion);
    } catch {
      return this.retryLater(this.o.isOnline() ? "Not saved — retrying (the server could not be reached)." : null);
    }
    if (result.status >= 200 && result.status < 300) {
      const body = result.body as { version: number; savedAt: string };
      this.baseVersion = body.version;
      this.savedGeneration = generation;
      this.attempt = 0;
      if (this.dirty) {
        this.set({ kind: "dirty" });
        this.schedule(this.o.delayMs);
      } else {
        this.clearBackup();
        this.set({ kind: "saved", at: body.savedAt });
      }
      return;
    }
    if (result.status === 409) {
      const current = (result.body as { error?: { details?: { current?: Record<string, unknown> } } })?.error?.details
        ?.current;
      if (current) {
        this.paused = true;
        this.set({
          kind: "conflict",
          mine: content,
          theirs: {
            version: Number(current.version),
            title: String(current.title ?? ""),
            summary: String(current.summary ?? ""),
            conditionName: String(current.conditionName ?? ""),
            body: current.bodyJson,
            updatedAt: String(current.updatedAt ?? ""),
            lastEditorName: (current.lastEditorName as string | null) ?? null,
          },
        });
        return;
      }
    }
    if (result.status === 401)
      return this.retryLater(
        "Not saved — your session has ended. Sign in again in another tab; your changes are kept on this device.",
      );
    if (result.status >= 500 || result.status === 429 || result.status === 408)
      return this.retryLater("Not saved — retrying.");
    // Permanent refusal: say why; the next change tries again.
    this.set({
      kind: "error",
      message: `Not saved — ${errorMessage(result.body, `the server refused the save (${result.status}).`)}`,
    });
  }

  private retryLater(message: string | null) {
    this.attempt++;
    if (message === null) {
      this.set({ kind: "offline" });
      return; // online() resumes
    }
    this.set({ kind: "retrying", message, attempt: this.attempt });
    this.schedule(Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (this.attempt - 1)));
  }

  /** The browser is back online: send what was kept. */
  online() {
    if (this.dirty && !this.paused) void this.flush();
  }

  offline() {
    if (this.dirty) this.backup();
    if (this.state.kind !== "conflict") this.set({ kind: "offline" });
  }

  /** Conflict resolved by keeping this browser's text: it is saved over the other version. */
  async keepMine() {
    if (this.state.kind !== "conflict") return;
    this.baseVersion = this.state.theirs.version;
    this.paused = false;
    this.generation++;
    await this.flush();
  }

  /**
   * Conflict resolved by taking the other version: the caller loads `theirs` into the editor. This browser's
   * text is kept in local storage (and shown by the page) so it can still be copied from.
   */
  takeTheirs(latestMine?: DraftContent) {
    if (this.state.kind !== "conflict") return;
    const { theirs } = this.state;
    // What was typed after the conflict appeared counts too.
    const mine = latestMine ?? this.state.mine;
    try {
      this.o.storage?.setItem(
        discardedKey(this.o.articleId),
        JSON.stringify({ content: mine, at: new Date(this.o.now()).toISOString() }),
      );
    } catch {
      // ignore
    }
    this.baseVersion = theirs.version;
    this.savedGeneration = this.generation;
    this.paused = false;
    this.clearBackup();
    this.set({ kind: "saved", at: theirs.updatedAt });
  }

  /** Puts the controller into conflict state from a local backup found at load time. */
  startConflict(mine: DraftContent, theirs: ServerDraft) {
    this.paused = true;
    this.generation++;
    this.set({ kind: "conflict", mine, theirs });
  }

  dispose() {
    if (this.timer !== null) this.o.clearTimer(this.timer);
    this.timer = null;
  }
}
