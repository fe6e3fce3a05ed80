// @vitest-environment jsdom
// Issue 26: three people start typing at the same moment into the same empty paragraph (every new article has
// one under each template heading). Three real Tiptap editors (the studio's body schema and shared-body
// extensions, in jsdom) join a real co-editing server on loopback. Each round types four letters per person
// into one empty paragraph: every keystroke is typed by all three in the same tick while their incoming
// messages are held, so nobody has received the others' keystrokes (nor the repairs their editors made on
// receiving the previous ones), then everyone receives everything. Half the rounds use a paragraph of the stored
// draft, half one an editor has just made with Enter; in half, one person starts a moment earlier and the
// others receive that letter while their caret waits in the empty paragraph. Every typed character must appear
// exactly as often as it was typed, in its paragraph, in every editor and in the draft the server stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { Editor, getSchema } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { TextSelection } from "@tiptap/pm/state";
import type { Node as PmNode } from "@tiptap/pm/model";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle, makeSession, makeUser } from "../../tests/helpers/factory";
import { BODY_STARTER_KIT_OPTIONS, bodySchemaExtensions } from "../../app/studio/articles/_editor/body-schema";
import { Citation } from "../../app/studio/articles/_editor/citation";
import { MediaImage } from "../../app/studio/articles/_editor/image";
import { documentNameFor, mintCollabTicket } from "./collab-token";
import { createCollabServer, type CollabServer } from "./collab-server";
import { sharedBodyExtensions } from "./shared-body-extensions";

const t = createTestDb();
const SECRET = "test-secret-for-concurrent-typing";
const schema = getSchema(bodySchemaExtensions());
const ROUNDS = 20;
/** How long one exchange through the server may take before a wait gives up and says which one. */
const EXCHANGE_LIMIT_MS = 30_000;
let server: CollabServer;
let port: number;

beforeAll(async () => {
  // Port 0: the system picks a free port, so parallel runs never collide.
  server = createCollabServer({ db: t.db, schema, secret: SECRET, port: 0, debounceMs: 50, maxDebounceMs: 200 });
  ({ port } = await server.listen());
});
afterAll(async () => {
  await server.destroy();
  await t.cleanup();
});

/**
 * What this test controls: when each editor receives what the server relays. While `held`, incoming messages
 * wait (in order) until `release()` hands them over, as a slow network would.
 */
class Inbox {
  held = false;
  private waiting: (() => void)[] = [];
  readonly WebSocket = inboxWebSocket(this);
  accept(deliver: () => void) {
    if (this.held) this.waiting.push(deliver);
    else deliver();
  }
  release() {
    this.held = false;
    for (const deliver of this.waiting.splice(0)) deliver();
  }
}

type Listener = (event: unknown) => void;
const NodeWebSocket = WebSocket as unknown as new (url: string) => {
  addEventListener(type: string, listener: Listener, options?: unknown): void;
};

function inboxWebSocket(inbox: Inbox) {
  return class extends NodeWebSocket {
    addEventListener(type: string, listener: Listener, options?: unknown) {
      const gated: Listener = (event) => inbox.accept(() => listener(event));
      super.addEventListener(type, type === "message" ? gated : listener, options);
    }
  };
}

interface Client {
  inbox: Inbox;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  editor: Editor;
  stored: Uint8Array[];
}

/** One person's editor: the studio's body editor (as article-editor.tsx configures it with co-editing). */
async function join(userId: string, articleId: string): Promise<Client> {
  const doc = new Y.Doc();
  const stored: Uint8Array[] = [];
  const inbox = new Inbox();
  const socket = new HocuspocusProviderWebsocket({
    url: `ws://127.0.0.1:${port}`,
    WebSocketPolyfill: inbox.WebSocket,
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: documentNameFor(articleId),
    document: doc,
    token: mintCollabTicket(SECRET, { ...(await makeSession(t.db, userId)), articleId }),
    onStateless: ({ payload }) => {
      const m = JSON.parse(payload) as { type?: string; stateVector?: string };
      if (m.type === "stored" && m.stateVector) stored.push(Uint8Array.from(Buffer.from(m.stateVector, "base64")));
    },
  });
  const synced = new Promise<void>((resolve) => provider.on("synced", () => resolve()));
  provider.attach();
  await synced;
  const editor = new Editor({
    element: document.createElement("div"),
    extensions: [
      StarterKit.configure({ ...BODY_STARTER_KIT_OPTIONS, undoRedo: false }),
      Citation,
      MediaImage,
      ...sharedBodyExtensions(doc),
    ],
  });
  return { inbox, doc, provider, socket, editor, stored };
}

function leave(c: Client) {
  c.editor.destroy();
  c.provider.destroy();
  c.socket.destroy();
}

const sameVector = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** Resolves when `check` holds; checked on every change of the given docs (no polling interval to tune). */
function whenAll(docs: Y.Doc[], check: () => boolean, what: string, ms = EXCHANGE_LIMIT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const test = () => {
      if (!check()) return;
      done();
      resolve();
    };
    const done = () => {
      clearTimeout(timer);
      for (const d of docs) d.off("afterTransaction", test);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out waiting for ${what}`));
    }, ms);
    for (const d of docs) d.on("afterTransaction", test);
    test();
  });
}

/** The last paragraph of section number `section` (a section: a heading and what follows it). */
function lastParagraphOf(doc: PmNode, section: number): { pos: number; node: PmNode } {
  let current = -1;
  let found: { pos: number; node: PmNode } | null = null;
  doc.forEach((node, offset) => {
    if (node.type.name === "heading") current++;
    else if (current === section && node.type.name === "paragraph") found = { pos: offset, node };
  });
  if (!found) throw new Error(`no paragraph in section ${section}`);
  return found;
}

/** Types one character at the caret, as a keystroke does (a text input transaction replacing the selection). */
function typeAtCaret(c: Client, ch: string) {
  const view = c.editor.view;
  view.dispatch(view.state.tr.insertText(ch));
}

/** Puts the caret at the end of the last paragraph of a section. */
function putCaretInParagraph(c: Client, section: number) {
  const view = c.editor.view;
  const { pos, node } = lastParagraphOf(view.state.doc, section);
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos + 1 + node.content.size)));
}

const sortedChars = (s: string) => [...s].sort().join("");

describe("three people typing at once into the same empty paragraph", () => {
  it(`keeps every character exactly once (${ROUNDS} rounds, every editor and the stored draft)`, async () => {
    const users = await Promise.all([0, 1, 2].map((i) => makeUser(t.db, { roles: ["WRITER"], name: `Writer ${i}` })));
    // Even rounds type into an empty paragraph of the stored draft (the condition template's shape: a heading
    // and an empty paragraph per section); odd rounds into a paragraph one of the editors has just made by
    // pressing Enter at the end of the section's first paragraph.
    const body = {
      type: "doc",
      content: Array.from({ length: ROUNDS }, (_, i) => [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: `Section ${i}` }] },
        i % 2 ? { type: "paragraph", content: [{ type: "text", text: "Lead." }] } : { type: "paragraph" },
      ]).flat(),
    };
    const article = await makeArticle(t.db, { authorId: users[0].id, bodyJson: JSON.stringify(body) });
    for (const u of users.slice(1)) await t.db.articleAuthor.create({ data: { articleId: article.id, userId: u.id } });
    const storedBefore = schema.nodeFromJSON(body);
    const clients: Client[] = [];
    for (const u of users) clients.push(await join(u.id, article.id));
    const serverDoc = () => server.hocuspocus.documents.get(documentNameFor(article.id))!;
    const docs = [...clients.map((c) => c.doc), serverDoc()];
    const converged = () => {
      const v = Y.encodeStateVector(serverDoc());
      return clients.every((c) => sameVector(Y.encodeStateVector(c.doc), v));
    };

    // Each person has letters of their own, so every character can be traced to one keystroke.
    const letters = ["AaXx", "BbYy", "CcWw"];
    const typed: string[] = [];
    const problems: string[] = [];
    const serverHasAll = () => {
      const server = Y.decodeStateVector(Y.encodeStateVector(serverDoc()));
      return clients.every((c) =>
        [...Y.decodeStateVector(Y.encodeStateVector(c.doc))].every(([id, clock]) => (server.get(id) ?? 0) >= clock),
      );
    };
    for (let round = 0; round < ROUNDS; round++) {
      if (round % 2) {
        const maker = clients[((round - 1) / 2) % clients.length];
        putCaretInParagraph(maker, round);
        maker.editor.commands.splitBlock();
        await whenAll(docs, converged, `round ${round}: the new paragraph to reach everyone`);
      }
      for (const c of clients) putCaretInParagraph(c, round);
      let expected = "";
      // Rounds 2-3 of every 4: one person starts a moment earlier, and the others receive that first letter
      // while their caret waits in the (still empty) paragraph; it must stay there.
      if (Math.floor(round / 2) % 2 === 1) {
        const first = round % clients.length;
        typeAtCaret(clients[first], letters[first][0].toLowerCase());
        expected += letters[first][0].toLowerCase();
        await whenAll(docs, converged, `round ${round}: the first letter to reach everyone`);
      }
      for (let keystroke = 0; keystroke < letters[0].length; keystroke++) {
        // Everyone types in the same tick, before receiving anyone else's keystroke (nor the repairs their
        // editors made when the previous keystrokes arrived); then everyone receives everything at once.
        for (const c of clients) c.inbox.held = true;
        clients.forEach((c, i) => typeAtCaret(c, letters[i][keystroke]));
        expected += letters.map((l) => l[keystroke]).join("");
        await whenAll([serverDoc()], serverHasAll, `round ${round}, keystroke ${keystroke} to reach the server`);
        for (const c of clients) c.inbox.release();
      }
      await whenAll(docs, converged, `round ${round} to reach everyone`);
      typed.push(expected);
      for (const [i, c] of clients.entries()) {
        const text = lastParagraphOf(c.editor.state.doc, round).node.textContent;
        if (sortedChars(text) !== sortedChars(expected))
          problems.push(`round ${round}, editor ${i}: typed ${expected}, shows "${text}"`);
      }
    }

    // Nothing landed anywhere else either: the whole body has the stored draft's text and what was typed.
    const allText = sortedChars(storedBefore.textContent + typed.join(""));
    for (const [i, c] of clients.entries())
      if (sortedChars(c.editor.state.doc.textContent) !== allText) problems.push(`editor ${i}: stray characters`);
    // All shared documents are the same.
    const serverBody = serverDoc().getXmlFragment("default").toString();
    for (const c of clients) expect(c.doc.getXmlFragment("default").toString()).toBe(serverBody);

    // The stored draft: wait for the server to say it stored the final state, then read it back.
    const finalVector = Y.encodeStateVector(serverDoc());
    await whenStored(clients[0], finalVector);
    const draft = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: article.id } });
    const storedDoc = schema.nodeFromJSON(JSON.parse(draft.bodyJson));
    if (sortedChars(storedDoc.textContent) !== allText) problems.push("stored draft: stray characters");
    typed.forEach((expected, round) => {
      const text = lastParagraphOf(storedDoc, round).node.textContent;
      if (sortedChars(text) !== sortedChars(expected))
        problems.push(`round ${round}, stored draft: typed ${expected}, stored "${text}"`);
    });

    for (const c of clients) leave(c);
    expect(problems).toEqual([]);
    // About 100 exchanges through the server, each awaited: 7-12 s on an idle machine, several times that while
    // the whole suite runs on two cores. Every wait inside has its own limit and names what it waited for.
  }, 180_000);
});

/** Resolves when the server has told `c` that it stored a state covering `vector`. */
function whenStored(c: Client, vector: Uint8Array, ms = EXCHANGE_LIMIT_MS): Promise<void> {
  const wanted = Y.decodeStateVector(vector);
  const covers = (sv: Uint8Array) => {
    const got = Y.decodeStateVector(sv);
    return [...wanted].every(([client, clock]) => (got.get(client) ?? 0) >= clock);
  };
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!c.stored.some(covers)) return;
      clearTimeout(timer);
      c.provider.off("stateless", check);
      resolve();
    };
    const timer = setTimeout(() => {
      c.provider.off("stateless", check);
      reject(new Error("timed out waiting for the server to store the draft"));
    }, ms);
    c.provider.on("stateless", check);
    check();
  });
}
