// Co-editing across nodes: two co-editing servers sharing documents through a real Redis (Debian's redis-server,
// started here in a temporary folder), a writer connected to each, against a fresh database. Both see each
// other's typing; the document is not built twice from the draft; one node stores, once per change, with every
// writer recorded; when that node goes away, the other takes over and stores what it holds.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { getSchema } from "@tiptap/core";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle, makeSession, makeUser } from "../../tests/helpers/factory";
import { bodySchemaExtensions } from "../../app/studio/articles/_editor/body-schema";
import { startRedisServer, type RedisServer } from "../../scripts/lib/redis-server";
import { documentNameFor, mintCollabTicket } from "./collab-token";
import { BODY_FIELD, readSharedDocument, storedCovers } from "./collab-document";
import { createCollabServer, type CollabServer } from "./collab-server";

const t = createTestDb();
const SECRET = "test-secret-for-collab-nodes";
const schema = getSchema(bodySchemaExtensions());
let redis: RedisServer;
/** Every draft stored, by which node. */
const stores: { node: string; documentName: string; version: number; changed: boolean }[] = [];

function startNode(name: string): Promise<{ server: CollabServer; address: AddressInfo }> {
  const server = createCollabServer({
    db: t.db,
    schema,
    secret: SECRET,
    port: 0,
    debounceMs: 50,
    maxDebounceMs: 200,
    redis: { redisUrl: redis.url, nodeId: name, leaseMs: 900 },
    onStored: (s) => stores.push({ node: name, ...s }),
  });
  return server.listen().then((address) => ({ server, address }));
}

let nodes: { server: CollabServer; address: AddressInfo }[] = [];

beforeAll(async () => {
  // Its own range per test file run (REDIS_PORT), so parallel runs do not meet in one Redis.
  redis = await startRedisServer({ port: Number(process.env.REDIS_PORT || 6390) + 3 });
  nodes = await Promise.all([startNode("node-1"), startNode("node-2")]);
}, 60_000);
afterAll(async () => {
  await Promise.all(nodes.map((n) => n.server.destroy().catch(() => undefined)));
  await redis?.stop();
  await t.cleanup();
});

interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** The last "stored" message's state vector. */
  storedVector: Uint8Array | null;
  leave(): void;
}

async function connect(port: number, userId: string, articleId: string): Promise<Client> {
  const ticket = mintCollabTicket(SECRET, { ...(await makeSession(t.db, userId)), articleId });
  return new Promise<Client>((resolve, reject) => {
    const websocketProvider = new HocuspocusProviderWebsocket({
      url: `ws://127.0.0.1:${port}`,
      WebSocketPolyfill: WebSocket,
    });
    const client: Client = {
      doc: new Y.Doc(),
      storedVector: null,
      leave() {
        this.provider.destroy();
        websocketProvider.destroy();
      },
      provider: undefined as unknown as HocuspocusProvider,
    };
    client.provider = new HocuspocusProvider({
      websocketProvider,
      name: documentNameFor(articleId),
      document: client.doc,
      token: ticket,
      onStateless: ({ payload }) => {
        const m = JSON.parse(payload) as { type: string; stateVector?: string };
        if (m.type === "stored" && m.stateVector) client.storedVector = Buffer.from(m.stateVector, "base64");
      },
      onSynced: () => resolve(client),
      onAuthenticationFailed: () => reject(new Error("authentication failed")),
    });
    client.provider.attach();
  });
}

/** Whether the server has told this client that everything it typed is stored (the browser's "Saved"). */
const acknowledged = (c: Client) =>
  c.storedVector !== null && storedCovers(c.storedVector, c.doc.clientID, Y.getState(c.doc.store, c.doc.clientID));

/** Appends text to paragraph number `index` of the shared body. */
function type(d: Y.Doc, index: number, text: string) {
  const paragraphs = d
    .getXmlFragment(BODY_FIELD)
    .toArray()
    .filter((n) => n instanceof Y.XmlElement && n.nodeName === "paragraph") as Y.XmlElement[];
  const textNode = paragraphs[index].toArray().find((n) => n instanceof Y.XmlText) as Y.XmlText;
  textNode.insert(textNode.length, text);
}

const paragraphs = (d: Y.Doc) =>
  (readSharedDocument(d).body as { content: { content?: { text: string }[] }[] }).content.map((p) =>
    (p.content ?? []).map((x) => x.text).join(""),
  );

const until = async (check: () => boolean | Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
};

async function storedParagraphs(articleId: string) {
  const draft = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId } });
  return (JSON.parse(draft.bodyJson) as { content: { content?: { text: string }[] }[] }).content.map((p) =>
    (p.content ?? []).map((x) => x.text).join(""),
  );
}

describe("co-editing nodes sharing documents through Redis", () => {
  it("two writers on two nodes see each other's typing; one node stores each change once, recording both", async () => {
    const w1 = await makeUser(t.db, { roles: ["WRITER"] });
    const w2 = await makeUser(t.db, { roles: ["WRITER"] });
    const a = await makeArticle(t.db, { authorId: w1.id, body: "First paragraph." });
    await t.db.articleAuthor.create({ data: { articleId: a.id, userId: w2.id } });
    const before = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: a.id } });
    const one = await connect(nodes[0].address.port, w1.id, a.id);
    const two = await connect(nodes[1].address.port, w2.id, a.id);
    // The second node started from the first's document, not from the draft again: the text is there once.
    expect(paragraphs(two.doc)).toEqual(["First paragraph."]);

    type(one.doc, 0, " Alpha from one.");
    type(two.doc, 0, " Beta from two.");
    await until(() => [one, two].every((c) => /Alpha/.test(paragraphs(c.doc)[0]) && /Beta/.test(paragraphs(c.doc)[0])));
    expect(paragraphs(two.doc)).toEqual(paragraphs(one.doc));
    await until(() => acknowledged(one) && acknowledged(two));
    // Acknowledged means stored: the draft holds exactly what both see.
    expect(await storedParagraphs(a.id)).toEqual(paragraphs(one.doc));

    const mine = stores.filter((s) => s.documentName === documentNameFor(a.id));
    expect(new Set(mine.map((s) => s.node))).toEqual(new Set(["node-1"]));
    const changed = mine.filter((s) => s.changed);
    const after = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: a.id } });
    // One version per store that changed the draft, and none twice.
    expect(after.version).toBe(before.version + changed.length);
    expect(new Set(changed.map((s) => s.version)).size).toBe(changed.length);
    expect(JSON.parse(after.editorIds)).toEqual(expect.arrayContaining([w1.id, w2.id]));
    for (const c of [one, two]) c.leave();
  });

  it("when the storing node goes away, the other takes over and stores what its writer types", async () => {
    const w1 = await makeUser(t.db, { roles: ["WRITER"] });
    const w2 = await makeUser(t.db, { roles: ["WRITER"] });
    const a = await makeArticle(t.db, { authorId: w1.id, body: "Shared." });
    await t.db.articleAuthor.create({ data: { articleId: a.id, userId: w2.id } });
    // A third node, to be stopped without disturbing the others.
    const extra = await startNode("node-3");
    const one = await connect(extra.address.port, w1.id, a.id);
    const two = await connect(nodes[1].address.port, w2.id, a.id);
    type(one.doc, 0, " Typed on three.");
    await until(() => acknowledged(one));
    expect(stores.filter((s) => s.documentName === documentNameFor(a.id)).every((s) => s.node === "node-3")).toBe(true);
    // Everything acknowledged to the writer on node 3 is in node 2's document.
    expect(paragraphs(two.doc)[0]).toContain("Typed on three.");

    await extra.server.destroy();
    type(two.doc, 0, " Typed on two after.");
    await until(() => acknowledged(two));
    expect(await storedParagraphs(a.id)).toEqual(["Shared. Typed on three. Typed on two after."]);
    expect(stores.filter((s) => s.documentName === documentNameFor(a.id)).at(-1)?.node).toBe("node-2");
    for (const c of [one, two]) c.leave();
  });
});
