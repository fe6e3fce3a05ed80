// The browser side of live co-editing. A session joins the article's shared document on the co-editing
// server with a ticket from the studio; the editor binds to it (Tiptap's Collaboration extension) and shows
// the others' cursors. Saving is the server's job while the session is live: it writes the shared document
// back as the working draft and says which state it stored, which is how this browser knows its own edits
// are safe ("Saved"). If the server cannot be reached, or the connection drops, the session ends for good
// (a later reconnection could not merge with a document rebuilt from the stored draft) and the editor goes
// back to autosave with conflict detection, keeping everything typed.
import * as Y from "yjs";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { Extension } from "@tiptap/core";
import { yCursorPlugin } from "@tiptap/y-tiptap";
import { documentNameFor } from "@/lib/collab/collab-token";
import { FIELDS_MAP, storedCovers, type DraftFieldName } from "@/lib/collab/collab-document";

export interface Collaborator {
  clientId: number;
  name: string;
  color: string;
}

export interface CollabTicketResponse {
  token: string;
  /** ws(s) URL of the co-editing server, or null: this origin's /collab. */
  url: string | null;
  user: { id: string; name: string };
}

const COLORS = ["#0b6e4f", "#8a1c7c", "#1d4e89", "#9c4a00", "#6b2737", "#2f5d62", "#5b3a8c", "#7a5c00"];

export const colorFor = (id: string) =>
  COLORS[[...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % COLORS.length];

/** The ticket, "off" when the site has co-editing switched off or this person may not edit, null on failure. */
async function fetchTicket(articleId: string): Promise<CollabTicketResponse | "off" | null> {
  try {
    const res = await fetch(`/api/studio/articles/${encodeURIComponent(articleId)}/collab-ticket`, {
      cache: "no-store",
      headers: { Accept: "application/json" },
    });
    if (res.status === 404 || res.status === 403) return "off";
    return res.ok ? ((await res.json()) as CollabTicketResponse) : null;
  } catch {
    return null;
  }
}

export class CollabSession {
  readonly doc = new Y.Doc();
  readonly provider: HocuspocusProvider;
  private readonly socket: HocuspocusProviderWebsocket;
  readonly user: { id: string; name: string; color: string };
  /** Version of the working draft the server last stored (what autosave continues from after a fallback). */
  storedVersion: number;
  private ended = false;
  private storedListeners = new Set<(at: string) => void>();
  private endListeners = new Set<(reason: string) => void>();
  private peerListeners = new Set<(peers: Collaborator[]) => void>();
  private peers: Collaborator[] = [];

  private constructor(articleId: string, ticket: CollabTicketResponse, initialVersion: number) {
    this.storedVersion = initialVersion;
    this.user = { ...ticket.user, color: colorFor(ticket.user.id) };
    const url =
      ticket.url ?? `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab`;
    this.socket = new HocuspocusProviderWebsocket({
      url,
      // A connection that goes quiet counts as lost too: every browser renews its presence every 15 s and the
      // server echoes it to everyone, so 25 s without any message means the server or the path to it is gone
      // even if no close ever arrives (a dead proxy, a suspended laptop, a dropped network).
      messageReconnectTimeout: 25_000,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: documentNameFor(articleId),
      document: this.doc,
      // One ticket: a dropped connection ends the session (see above) rather than reconnecting.
      token: ticket.token,
      onStateless: ({ payload }) => this.onServerMessage(payload),
      onAwarenessChange: ({ states }) => {
        this.peers = states
          .filter((s) => s.clientId !== this.doc.clientID && s.user)
          .map((s) => ({ clientId: s.clientId, name: String(s.user.name), color: String(s.user.color) }));
        for (const l of this.peerListeners) l(this.peers);
      },
      onDisconnect: () => this.end("The connection to the co-editing server was lost."),
      onClose: () => this.end("The connection to the co-editing server was lost."),
      onAuthenticationFailed: () => this.end("The co-editing server did not let you in."),
    });
    this.provider.setAwarenessField("user", { name: this.user.name, color: this.user.color });
    this.provider.attach();
  }

  /** Joins the shared document; null when co-editing is not available (then the editor autosaves). */
  static async join(
    articleId: string,
    initialVersion: number,
    timeoutMs = 15_000,
  ): Promise<{ session: CollabSession | null; reason: string }> {
    const ticket = await fetchTicket(articleId);
    // Switched off on this site: autosave, and nothing to explain.
    if (ticket === "off") return { session: null, reason: "" };
    if (!ticket) return { session: null, reason: "Live co-editing is not available right now." };
    const session = new CollabSession(articleId, ticket, initialVersion);
    const synced = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      session.provider.on("synced", () => {
        clearTimeout(timer);
        resolve(true);
      });
      session.onEnd(() => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (!synced) {
      session.end("");
      return { session: null, reason: "The co-editing server could not be reached." };
    }
    return { session, reason: "" };
  }

  get live(): boolean {
    return !this.ended;
  }

  /** Everything this browser typed is in the draft the server stored. */
  get allStored(): boolean {
    return this.lastStoredVector !== null
      ? storedCovers(this.lastStoredVector, this.doc.clientID, Y.getState(this.doc.store, this.doc.clientID))
      : Y.getState(this.doc.store, this.doc.clientID) === 0;
  }
  private lastStoredVector: Uint8Array | null = null;

  private onServerMessage(payload: string) {
    let message: { type?: string; version?: number; at?: string; stateVector?: string };
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    // On joining, the server says which version of the draft is stored (autosave continues from it if needed).
    if (message.type === "version" && typeof message.version === "number") {
      this.storedVersion = Math.max(this.storedVersion, message.version);
      return;
    }
    if (message.type !== "stored" || typeof message.version !== "number" || !message.stateVector) return;
    this.storedVersion = message.version;
    this.lastStoredVector = Uint8Array.from(atob(message.stateVector), (c) => c.charCodeAt(0));
    if (this.allStored) for (const l of this.storedListeners) l(message.at ?? new Date().toISOString());
  }

  onStored(listener: (at: string) => void) {
    this.storedListeners.add(listener);
    return () => this.storedListeners.delete(listener);
  }

  onPeers(listener: (peers: Collaborator[]) => void) {
    this.peerListeners.add(listener);
    listener(this.peers);
    return () => this.peerListeners.delete(listener);
  }

  onEnd(listener: (reason: string) => void) {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  /** Resolves true once the server has stored everything typed here (or false after `timeoutMs`). */
  whenStored(timeoutMs = 5000): Promise<boolean> {
    if (this.allStored) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        off();
        resolve(false);
      }, timeoutMs);
      const off = this.onStored(() => {
        clearTimeout(timer);
        off();
        resolve(true);
      });
    });
  }

  get fields(): Y.Map<string> {
    return this.doc.getMap<string>(FIELDS_MAP);
  }

  setField(name: DraftFieldName, value: string) {
    if (this.fields.get(name) !== value) this.fields.set(name, value);
  }

  end(reason: string) {
    if (this.ended) return;
    this.ended = true;
    this.provider.destroy();
    this.socket.destroy();
    for (const l of this.endListeners) l(reason);
  }
}

/** Other people's cursors and selections in the text, with their names (y-prosemirror's cursor plugin). */
export function collaborationCaret(session: CollabSession) {
  return Extension.create({
    name: "collaborationCaret",
    addProseMirrorPlugins: () => [
      yCursorPlugin(session.provider.awareness!, {
        cursorBuilder: (user: { name?: string; color?: string }) => {
          const caret = document.createElement("span");
          caret.className = "collab-caret";
          caret.style.borderColor = user.color ?? "#333";
          const label = document.createElement("span");
          label.className = "collab-caret-label";
          label.style.backgroundColor = user.color ?? "#333";
          label.textContent = user.name ?? "Someone";
          caret.append(label);
          return caret;
        },
      }),
    ],
  });
}
