// Co-editing: tickets, the shared document's round trip to the stored draft, and a real co-editing server
// with two clients on loopback (Node's WebSocket via `ws`) against a fresh SQLite database.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { getSchema } from "@tiptap/core";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle, makeUser } from "../../tests/helpers/factory";
import { parseDocument } from "../content/document-schema";
import { bodySchemaExtensions } from "../../app/studio/articles/_editor/body-schema";
import { documentNameFor, mintCollabTicket, verifyCollabTicket } from "./collab-token";
import { BODY_FIELD, readSharedDocument, seedSharedDocument } from "./collab-document";
import { createCollabServer, type CollabServer } from "./collab-server";
import { storeCollaborativeDraft } from "./store-collab-draft";

const t = createTestDb();
const SECRET = "test-secret-for-collab-tickets";
const schema = getSchema(bodySchemaExtensions());
let server: CollabServer;
/** Where the server listens: the kernel picks a free port (port 0). */
let listening: AddressInfo;

beforeAll(async () => {
  server = createCollabServer({ db: t.db, schema, secret: SECRET, port: 0, debounceMs: 50, maxDebounceMs: 200 });
  listening = await server.listen();
});
afterAll(async () => {
  await server.destroy();
  await t.cleanup();
});

const richBody = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Overview" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Calcium " },
        { type: "text", marks: [{ type: "bold" }], text: "deposits" },
        { type: "text", text: " in the skin" },
        { type: "citation", attrs: { refKey: "medlineplus" } },
        { type: "text", text: "." },
      ],
    },
    {
      type: "bulletList",
      content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Pain" }] }] }],
    },
    { type: "image", attrs: { mediaId: "media_123" } },
  ],
};

describe("tickets", () => {
  it("are bound to one person, one article and a time; a forged or stale one is refused", () => {
    const now = Date.now();
    const token = mintCollabTicket(SECRET, { userId: "u1", articleId: "a1" }, now);
    expect(verifyCollabTicket(SECRET, token, documentNameFor("a1"), now)).toMatchObject({ userId: "u1" });
    expect(verifyCollabTicket(SECRET, token, documentNameFor("a2"), now)).toBeNull();
    expect(verifyCollabTicket("other-secret", token, documentNameFor("a1"), now)).toBeNull();
    expect(verifyCollabTicket(SECRET, token, documentNameFor("a1"), now + 11 * 60_000)).toBeNull();
    const [payload, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ userId: "admin", articleId: "a1", exp: now + 1e6 })).toString(
      "base64url",
    );
    expect(verifyCollabTicket(SECRET, `${forged}.${sig}`, documentNameFor("a1"), now)).toBeNull();
    expect(verifyCollabTicket(SECRET, `${payload}`, documentNameFor("a1"), now)).toBeNull();
  });
});

describe("the shared document", () => {
  it("turns a stored draft into a shared document and back into the same JSON", () => {
    const ydoc = new Y.Doc();
    seedSharedDocument(ydoc, schema, { title: "T", summary: "S", conditionName: "C", body: richBody });
    const back = readSharedDocument(ydoc);
    expect(back).toMatchObject({ title: "T", summary: "S", conditionName: "C" });
    expect(JSON.stringify(parseDocument(back.body))).toBe(JSON.stringify(parseDocument(richBody)));
  });

  it("is stored like an autosave: version up, every editor recorded, nothing when unchanged", async () => {
    const w1 = await makeUser(t.db, { roles: ["WRITER"] });
    const w2 = await makeUser(t.db, { roles: ["WRITER"] });
    const a = await makeArticle(t.db, { authorId: w1.id });
    const before = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: a.id } });
    const input = { articleId: a.id, editorIds: [w2.id], title: "New", summary: "", conditionName: "", body: richBody };
    const r = await storeCollaborativeDraft(t.db, input);
    expect(r).toMatchObject({ version: before.version + 1, changed: true });
    const after = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: a.id } });
    expect(JSON.parse(after.editorIds)).toEqual(expect.arrayContaining([w2.id]));
    expect(after.lastEditorId).toBe(w2.id);
    expect((await storeCollaborativeDraft(t.db, input)).changed).toBe(false);
    await expect(
      storeCollaborativeDraft(t.db, { ...input, body: { type: "doc", content: [{ type: "script" }] } }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

interface Client {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  messages: string[];
}

function connect(userId: string, articleId: string, document = new Y.Doc()) {
  return new Promise<Client>((resolve, reject) => {
    const messages: string[] = [];
    const websocketProvider = new HocuspocusProviderWebsocket({
      url: `ws://127.0.0.1:${listening.port}`,
      WebSocketPolyfill: WebSocket,
    });
    const client: Client = {
      doc: document,
      messages,
      provider: new HocuspocusProvider({
        websocketProvider,
        name: documentNameFor(articleId),
        document,
        token: mintCollabTicket(SECRET, { userId, articleId }),
        onStateless: ({ payload }) => {
          messages.push(payload);
        },
        onSynced: () => resolve(client),
        onAuthenticationFailed: () => {
          websocketProvider.destroy();
          reject(new Error("authentication failed"));
        },
      }),
    };
    // A provider given its own socket does not attach by itself.
    client.provider.attach();
  });
}

/** Appends text to the first paragraph of the shared body (what typing at its end does). */
function type(d: Y.Doc, text: string) {
  const body = d.getXmlFragment(BODY_FIELD);
  const paragraph = body.toArray().find((n) => n instanceof Y.XmlElement && n.nodeName === "paragraph") as Y.XmlElement;
  const textNode = paragraph.toArray().find((n) => n instanceof Y.XmlText) as Y.XmlText;
  textNode.insert(textNode.length, text);
}

const until = async (check: () => boolean | Promise<boolean>, ms = 5000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe("the co-editing server", () => {
  it("listens on the loopback unless told otherwise", () => {
    expect(listening.address).toBe("127.0.0.1");
  });

  it("merges two writers' typing, stores the merged draft, and refuses someone who may not edit", async () => {
    const w1 = await makeUser(t.db, { roles: ["WRITER"], name: "Writer One" });
    const w2 = await makeUser(t.db, { roles: ["WRITER"], name: "Writer Two" });
    const reviewer = await makeUser(t.db, { roles: ["REVIEWER"], name: "Rita Reviewer" });
    const a = await makeArticle(t.db, { authorId: w1.id, body: "Start." });
    await t.db.articleAuthor.create({ data: { articleId: a.id, userId: w2.id } });

    const one = await connect(w1.id, a.id);
    const two = await connect(w2.id, a.id);
    type(one.doc, " Alpha from one.");
    type(two.doc, " Beta from two.");
    await until(() => {
      const s1 = one.doc.getXmlFragment(BODY_FIELD).toString();
      return s1.includes("Alpha") && s1.includes("Beta");
    });
    expect(two.doc.getXmlFragment(BODY_FIELD).toString()).toBe(one.doc.getXmlFragment(BODY_FIELD).toString());
    await until(async () => {
      const d = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: a.id } });
      return d.bodyJson.includes("Alpha") && d.bodyJson.includes("Beta");
    });
    const stored = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: a.id } });
    expect(JSON.parse(stored.editorIds)).toEqual(expect.arrayContaining([w1.id, w2.id]));
    await until(() => one.messages.some((m) => JSON.parse(m).type === "stored"));
    for (const c of [one, two]) {
      c.provider.destroy();
      c.provider.configuration.websocketProvider.destroy();
    }

    await expect(connect(reviewer.id, a.id)).rejects.toThrow("authentication failed");
    expect(await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: a.id } })).toMatchObject({
      version: stored.version,
    });
  });
});
