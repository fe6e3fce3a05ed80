// The co-editing server: Hocuspocus (Yjs over WebSocket) with Imprimatur's rules. Runs as its own process
// (scripts/collab-server.ts, started by `npm start` / `start:demo` beside the app) so that readers' traffic
// and editors' sockets do not share an event loop, and so that it can stop without taking the site down:
// the editor then falls back to autosave.
//   - connect: a ticket minted by the studio for this person, their session and this article (HMAC, 10
//     minutes); the session must still be open (lib/users/load-actor.ts: not signed out, same session version,
//     account active) and the person's right to edit is re-checked in the database (writer of the article or
//     editor);
//   - every message: the same checks again (at most once a second per connection), so a revoked role stops
//     sending edits at once;
//   - every COLLAB_SESSION_CHECK_MS: the sessions of all open sockets, in one query; a socket whose session
//     has ended (sign-out, sign out everywhere, password change or reset, second-factor reset, disabling) is
//     closed, even if it sends nothing, so it is gone within a second;
//   - load: an empty shared document is filled from the stored working draft;
//   - store (debounced): the shared document is written back as the working draft through
//     storeCollaborativeDraft, and every client is told which state is now stored ("saved").
// With `redis` (COLLAB_REDIS_URL) several such servers, "nodes", share their documents; one of them stores each
// document: see collab-nodes.ts.
import type { AddressInfo } from "node:net";
import { Server, type Document, type Hocuspocus, type onChangePayload } from "@hocuspocus/server";
import * as Y from "yjs";
import type { Schema } from "@tiptap/pm/model";
import type { Db } from "../db/client";
import { loadSessionActor } from "../users/load-actor";
import { openSessionsAmong, type SessionClaim } from "../auth/user-sessions";
import { loadArticleAccess } from "../articles/article-access";
import { articleIdOf, verifyCollabTicket } from "./collab-token";
import { isEmptySharedDocument, readSharedDocument, seedSharedDocument } from "./collab-document";
import { storeCollaborativeDraft } from "./store-collab-draft";
import { CollabNodes, type CollabNodesOptions } from "./collab-nodes";

export interface CollabServerOptions {
  db: Db;
  schema: Schema;
  secret: string;
  port: number;
  /** Interface to listen on; the loopback unless given (COLLAB_HOST). */
  host?: string;
  /** ms after the last change before the draft is written (Hocuspocus debounce); maxDebounce caps it. */
  debounceMs?: number;
  maxDebounceMs?: number;
  log?: (message: string) => void;
  /** Told after each check of the open sockets' sessions (tests, logs). */
  onSessionCheck?: (check: SessionCheck) => void;
  /** Share documents with other co-editing nodes through Redis (collab-nodes.ts); alone when unset. */
  redis?: CollabNodesOptions;
  /** Told after each stored draft (tests, the bench): which node wrote which version. */
  onStored?: (stored: { documentName: string; version: number; changed: boolean }) => void;
}

/** How often the sessions of open sockets are checked. */
export const COLLAB_SESSION_CHECK_MS = 500;

export interface SessionCheck {
  /** When the check began (ms since the epoch): it saw every revocation committed before. */
  startedAt: number;
  /** Whose sockets it closed. */
  closedUserIds: string[];
}

/** Close code and reason of a socket whose session ended (4401: Hocuspocus's "Unauthorized" range). */
const SESSION_ENDED = { code: 4401, reason: "session-ended" };

interface ConnectionContext {
  session: SessionClaim;
  articleId: string;
  checkedAt: number;
}

/** Editors whose changes are not stored yet, per document. */
const pendingEditors = new WeakMap<Document, string[]>();

async function mayEdit(db: Db, session: SessionClaim, articleId: string): Promise<boolean> {
  const { actor } = await loadSessionActor(db, session);
  if (!actor) return false;
  const article = await db.article.findUnique({ where: { id: articleId }, select: { status: true } });
  if (!article || article.status === "ARCHIVED") return false;
  return (await loadArticleAccess(db, actor, articleId)).may.edit;
}

export interface CollabServer {
  /** Starts listening on `host` (the loopback unless given) and `port`; resolves with the bound address. */
  listen(): Promise<AddressInfo>;
  destroy(): Promise<void>;
  /** The open documents and their connections (tests look at the server's copy of a document). */
  readonly hocuspocus: Hocuspocus;
  /** This node's sharing through Redis, when configured. */
  readonly nodes: CollabNodes | null;
}

export function createCollabServer(o: CollabServerOptions): CollabServer {
  const nodes = o.redis ? new CollabNodes(o.redis) : null;
  const server = createHocuspocusServer(o, nodes);
  const log = o.log ?? (() => undefined);
  let timer: NodeJS.Timeout | null = null;
  let leaseTimer: NodeJS.Timeout | null = null;
  let renewing = false;
  // Keeps this node's leases and takes over the documents whose owner went away: the new owner stores at once
  // what it holds (the old owner may have died between a change and its store).
  const renewLeases = async () => {
    if (!nodes || renewing) return;
    renewing = true;
    try {
      for (const name of await nodes.renew(server.hocuspocus.documents.keys())) {
        const document = server.hocuspocus.documents.get(name);
        if (document) void storeNow(server.hocuspocus, document);
      }
    } catch (err) {
      log(`could not renew document leases: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      renewing = false;
    }
  };
  let checking = false;
  const checkSessions = async () => {
    // One check at a time: a slow query delays the next check rather than piling up.
    if (checking) return;
    checking = true;
    try {
      const check = await closeEndedSessions(o.db, server);
      if (check.closedUserIds.length) log(`closed ${check.closedUserIds.length} socket(s) whose session ended`);
      o.onSessionCheck?.(check);
    } catch (err) {
      log(`could not check sessions: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      checking = false;
    }
  };
  return {
    // Not Hocuspocus's own listen(): it hands Node `{ port, address }`, and Node's listen takes `host`, so the
    // address is ignored and the server listens on every interface.
    listen: () =>
      new Promise<AddressInfo>((resolve, reject) => {
        const http = server.httpServer;
        http.once("error", reject);
        http.listen({ port: o.port, host: o.host ?? "127.0.0.1" }, () => {
          http.off("error", reject);
          timer ??= setInterval(() => void checkSessions(), COLLAB_SESSION_CHECK_MS);
          if (nodes) leaseTimer ??= setInterval(() => void renewLeases(), Math.max(100, nodes.leaseMs / 3));
          resolve(http.address() as AddressInfo);
        });
      }),
    destroy: async () => {
      if (timer) clearInterval(timer);
      if (leaseTimer) clearInterval(leaseTimer);
      timer = leaseTimer = null;
      // Documents are stored as they close; the leases go back after that, so another node takes over at once.
      const open = [...server.hocuspocus.documents.keys()];
      await server.destroy();
      await nodes?.close(open);
    },
    hocuspocus: server.hocuspocus,
    nodes,
  };
}

/** Closes every open socket whose session has ended; one query for all of them. */
async function closeEndedSessions(db: Db, server: Server): Promise<SessionCheck> {
  const startedAt = Date.now();
  const open = [...server.hocuspocus.documents.values()].flatMap((document) =>
    document.getConnections().filter((connection) => (connection.context as ConnectionContext | undefined)?.session),
  );
  if (!open.length) return { startedAt, closedUserIds: [] };
  const isOpen = await openSessionsAmong(
    db,
    open.map((connection) => (connection.context as ConnectionContext).session),
  );
  const closedUserIds: string[] = [];
  for (const connection of open) {
    const { session } = connection.context as ConnectionContext;
    if (isOpen(session)) continue;
    closedUserIds.push(session.userId);
    // Off the document first (nothing more it sends is applied; a new ticket would have to pass onAuthenticate),
    // then the socket itself, so the browser learns that its session ended.
    connection.close(SESSION_ENDED);
    connection.webSocket.close(SESSION_ENDED.code, SESSION_ENDED.reason);
  }
  return { startedAt, closedUserIds };
}

/** Runs the store hooks for `document` now, as Hocuspocus does after a change from one of its own sockets. */
function storeNow(hocuspocus: Hocuspocus, document: Document, payload?: onChangePayload) {
  return hocuspocus.storeDocumentHooks(
    document,
    payload ?? {
      instance: hocuspocus,
      clientsCount: document.getConnectionsCount(),
      context: {},
      document,
      documentName: document.name,
      requestHeaders: {},
      requestParameters: new URLSearchParams(),
      socketId: "server",
      update: new Uint8Array(),
      transactionOrigin: undefined,
    },
    !payload,
  );
}

/** The origin the Redis extension applies other nodes' changes with. */
const FROM_OTHER_NODE = "__hocuspocus__redis__origin__";

function createHocuspocusServer(o: CollabServerOptions, nodes: CollabNodes | null): Server {
  const log = o.log ?? (() => undefined);
  return new Server({
    name: "imprimatur-collab",
    extensions: nodes ? [nodes.extension] : [],
    quiet: true,
    stopOnSignals: false,
    debounce: o.debounceMs ?? 400,
    maxDebounce: o.maxDebounceMs ?? 2000,
    async onAuthenticate({ token, documentName }) {
      const ticket = verifyCollabTicket(o.secret, token, documentName);
      const articleId = articleIdOf(documentName);
      if (!ticket || !articleId || !(await mayEdit(o.db, ticket, articleId))) {
        log(`refused a connection to ${documentName}`);
        throw new Error("Not allowed to edit this draft.");
      }
      const session = { userId: ticket.userId, sessionId: ticket.sessionId, sessionVersion: ticket.sessionVersion };
      const context: ConnectionContext = { session, articleId, checkedAt: Date.now() };
      return context;
    },
    // Tells a joining browser which version of the draft is stored, so that if the session ends it can
    // continue with autosave from there (a later store by someone else then shows as a conflict).
    async connected({ connection, documentName }) {
      const articleId = articleIdOf(documentName);
      const draft = articleId
        ? await o.db.workingDraft.findUnique({ where: { articleId }, select: { version: true } })
        : null;
      if (draft) connection.sendStateless(JSON.stringify({ type: "version", version: draft.version }));
    },
    async beforeHandleMessage({ context }) {
      const c = context as ConnectionContext;
      if (Date.now() - c.checkedAt < 1000) return;
      if (!(await mayEdit(o.db, c.session, c.articleId))) throw new Error("No longer allowed to edit this draft.");
      c.checkedAt = Date.now();
    },
    async onLoadDocument({ document, documentName }) {
      const articleId = articleIdOf(documentName);
      if (!articleId) throw new Error("Unknown document.");
      if (!isEmptySharedDocument(document)) return document;
      // Another node has it open: start from its state, not from the draft (collab-nodes.ts).
      const shared = nodes ? await nodes.join(documentName) : null;
      if (shared) {
        Y.applyUpdate(document, shared);
        return document;
      }
      const draft = await o.db.workingDraft.findUnique({ where: { articleId } });
      if (!draft) throw new Error("This article has no working draft.");
      seedSharedDocument(document, o.schema, {
        title: draft.title,
        summary: draft.summary,
        conditionName: draft.conditionName,
        body: JSON.parse(draft.bodyJson),
      });
      if (nodes) {
        await nodes.claim(documentName);
        await nodes.shareState(document);
      }
      return document;
    },
    async afterUnloadDocument({ documentName, instance }) {
      if (nodes && !instance.documents.has(documentName))
        await nodes.release(documentName).catch((err) => log(`could not release ${documentName}: ${String(err)}`));
    },
    async onChange(payload) {
      const { document, context } = payload;
      // Another node's writers: the owner stores their changes too (Hocuspocus stores only its own sockets').
      if (nodes && (payload.transactionOrigin as unknown) === FROM_OTHER_NODE) {
        void storeNow(payload.instance, document, payload);
        return;
      }
      if (nodes) void nodes.shareUpdate(document.name, payload.update).catch(() => undefined);
      const userId = (context as ConnectionContext | undefined)?.session?.userId;
      if (!userId) return;
      if (nodes) {
        // Hocuspocus does not wait for onChange: a failure here (Redis unreachable) must not end the process.
        await nodes
          .recordEditor(document.name, userId)
          .catch((err) => log(`could not record an editor of ${document.name}: ${String(err)}`));
        return;
      }
      const list = pendingEditors.get(document) ?? [];
      if (list[list.length - 1] !== userId) pendingEditors.set(document, [...list.filter((x) => x !== userId), userId]);
    },
    async onStoreDocument({ document, documentName }) {
      const articleId = articleIdOf(documentName);
      if (!articleId) return;
      // Across nodes only the document's owner stores (collab-nodes.ts).
      if (nodes && !(await nodes.claim(documentName))) return;
      // Taken (and cleared) before the write: whoever edits meanwhile is recorded with the next store.
      const editors = nodes ? await nodes.takeEditors(documentName) : (pendingEditors.get(document) ?? []);
      if (!nodes) pendingEditors.set(document, []);
      // The state vector is taken before the write: everything in it is what gets stored.
      const stored = Y.encodeStateVector(document);
      const draft = readSharedDocument(document);
      try {
        // Every other node holds what is about to be stored before it is (and so before anyone hears "stored").
        if (nodes) await nodes.shareState(document);
        const r = await storeCollaborativeDraft(o.db, { articleId, editorIds: editors, ...draft });
        o.onStored?.({ documentName, version: r.version, changed: r.changed });
        document.broadcastStateless(
          JSON.stringify({
            type: "stored",
            version: r.version,
            at: r.updatedAt.toISOString(),
            stateVector: Buffer.from(stored).toString("base64"),
          }),
        );
      } catch (err) {
        if (nodes) await nodes.restoreEditors(documentName, editors).catch(() => undefined);
        else pendingEditors.set(document, [...new Set([...editors, ...(pendingEditors.get(document) ?? [])])]);
        log(`could not store ${documentName}: ${err instanceof Error ? err.message : String(err)}`);
        document.broadcastStateless(JSON.stringify({ type: "storeFailed" }));
      }
    },
  });
}
