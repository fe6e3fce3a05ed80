// A writer in the soak test who co-edits: joins an article's shared document through an app process's /collab
// (as the studio's editor does, with a ticket from /api/studio/articles/<id>/collab-ticket), types a marker
// into the body's first paragraph now and then, and counts a marker as acknowledged once the co-editing server
// says it has stored a state that covers it (its "stored" message, as the editor's "Saved" does).
import WebSocket from "ws";
import * as Y from "yjs";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { documentNameFor } from "../../../lib/collab/collab-token";
import { BODY_FIELD, storedCovers } from "../../../lib/collab/collab-document";

export interface CoEditingWriter {
  /** Types `marker` at the end of the first paragraph; resolves with ms until the server stored it. */
  type(marker: string): Promise<number>;
  /** Markers the server has stored (acknowledged). */
  acknowledged: string[];
  close(): void;
}

const STORED_WITHIN_MS = 30_000;

export async function joinAsCoEditor(options: {
  /** ws://127.0.0.1:<app port>/collab */
  url: string;
  articleId: string;
  ticket: () => Promise<string>;
  name: string;
  /** Told when the connection ends without close() (a failure of the run). */
  onLost: (why: string) => void;
}): Promise<CoEditingWriter> {
  const doc = new Y.Doc();
  let storedVector: Uint8Array | null = null;
  const waiting = new Set<() => void>();
  let closing = false;
  const socket = new HocuspocusProviderWebsocket({
    url: options.url,
    WebSocketPolyfill: WebSocket,
    messageReconnectTimeout: 25_000,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: documentNameFor(options.articleId),
    document: doc,
    token: await options.ticket(),
    onStateless: ({ payload }) => {
      const message = JSON.parse(payload) as { type?: string; stateVector?: string };
      if (message.type !== "stored" || !message.stateVector) return;
      storedVector = Buffer.from(message.stateVector, "base64");
      for (const check of waiting) check();
    },
    onClose: () => {
      if (!closing) options.onLost(`${options.name}: the co-editing connection closed`);
    },
    onAuthenticationFailed: ({ reason }) => options.onLost(`${options.name}: not let in (${reason})`),
  });
  provider.setAwarenessField("user", { name: options.name, color: "#335" });
  provider.attach();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.name}: no sync with ${options.url} in 60 s`)), 60_000);
    provider.on("synced", () => {
      clearTimeout(timer);
      resolve();
    });
  });

  const firstText = () => (doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as unknown as Y.XmlText;
  const acknowledged: string[] = [];
  return {
    acknowledged,
    type(marker) {
      const t0 = performance.now();
      const text = firstText();
      text.insert(text.length, ` ${marker}`);
      const clock = Y.getState(doc.store, doc.clientID);
      return new Promise<number>((resolve, reject) => {
        const check = () => {
          if (!storedVector || !storedCovers(storedVector, doc.clientID, clock)) return;
          waiting.delete(check);
          clearTimeout(timer);
          acknowledged.push(marker);
          resolve(performance.now() - t0);
        };
        const timer = setTimeout(() => {
          waiting.delete(check);
          reject(new Error(`${options.name}: ${marker} not stored within ${STORED_WITHIN_MS / 1000} s`));
        }, STORED_WITHIN_MS);
        waiting.add(check);
      });
    },
    close() {
      closing = true;
      provider.destroy();
      socket.destroy();
    },
  };
}
