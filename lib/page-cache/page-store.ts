// The stored public pages of this process, keyed by path. An entry is only ever served at the public change
// counter it was rendered at: when the counter moves (a publish anywhere), every entry is dropped at once and
// pages are rendered again on their next request. Bounded by total bytes (least recently used goes first)
// and by age (a change made outside the app, e.g. a restored backup, is picked up within maxAgeMs).
import type { PageEntry } from "./page-entry";

export interface PageStoreOptions {
  maxBytes: number;
  maxAgeMs: number;
}

export class PageStore {
  private entries = new Map<string, PageEntry>();
  private bytes = 0;
  private counter: number | null = null;
  /** The path last marked most recently used: asked for again (a reader's 304s), it is not moved again. */
  private mostRecent: string | null = null;

  constructor(private readonly options: PageStoreOptions) {}

  /** The entry for path rendered at `counter`, or undefined. Drops everything when the counter has moved. */
  get(path: string, counter: number, now = Date.now()): PageEntry | undefined {
    this.observe(counter);
    const entry = this.entries.get(path);
    if (!entry) return undefined;
    if (entry.counter !== counter || now - entry.storedAt > this.options.maxAgeMs) {
      this.delete(path);
      return undefined;
    }
    // Map order is insertion order: re-inserting marks it most recently used.
    if (path !== this.mostRecent) {
      this.entries.delete(path);
      this.entries.set(path, entry);
      this.mostRecent = path;
    }
    return entry;
  }

  /** Stores an entry unless the counter has moved past the one it was rendered at. */
  set(path: string, entry: PageEntry): boolean {
    // Rendered before the counter last moved: already out of date.
    if (this.counter !== null && entry.counter !== this.counter) return false;
    this.observe(entry.counter);
    if (entry.size > this.options.maxBytes) return false;
    this.delete(path);
    this.entries.set(path, entry);
    this.mostRecent = path;
    this.bytes += entry.size;
    for (const [oldest, e] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= e.size;
    }
    return true;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private observe(counter: number) {
    // Any move (down too: a restored backup) means the stored pages may not match the database any more.
    if (this.counter !== counter) {
      if (this.counter !== null) this.clear();
      this.counter = counter;
    }
  }

  private delete(path: string) {
    const e = this.entries.get(path);
    if (!e) return;
    this.entries.delete(path);
    this.bytes -= e.size;
  }

  clear() {
    this.entries.clear();
    this.bytes = 0;
  }
}
