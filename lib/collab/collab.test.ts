// Co-editing: tickets, the shared document's round trip to the stored draft, and a real co-editing server
// with clients on loopback (Node's WebSocket via `ws`) against a fresh database: merging, refusals, and
// sessions that end (sign-out, sign out everywhere, password change and reset, second-factor reset, disabling)
// closing the sockets opened under them.
import { createHmac } from "node:crypto";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { getSchema } from "@tiptap/core";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { createTestDb } from "../../tests/helpers/test-db";
import { makeArticle, makeSession, makeUser, type TestUser } from "../../tests/helpers/factory";
import { parseDocument } from "../content/document-schema";
import { bodySchemaExtensions } from "../../app/studio/articles/_editor/body-schema";
import { documentNameFor, mintCollabTicket, verifyCollabTicket } from "./collab-token";
import { BODY_FIELD, readSharedDocument, seedSharedDocument } from "./collab-document";
import { COLLAB_SESSION_CHECK_MS, createCollabServer, type CollabServer, type SessionCheck } from "./collab-server";
import { storeCollaborativeDraft } from "./store-collab-draft";
import type { SessionClaim } from "../auth/user-sessions";
import { signOut } from "../accounts/sign-out";
import { signOutEverywhere } from "../accounts/sign-out-everywhere";
import { changePassword } from "../accounts/change-password";
import { resetPassword } from "../accounts/password-reset";
import { issueAccountToken } from "../accounts/account-tokens";
import { resetTwoFactorByAdmin } from "../accounts/reset-two-factor-by-admin";
import { setUserStatus } from "../users/set-user-status";

const t = createTestDb();
const SECRET = "test-secret-for-collab-tickets";
const schema = getSchema(bodySchemaExtensions());
let server: CollabServer;
/** Where the server listens: the kernel picks a free port (port 0). */
let listening: AddressInfo;
/** Every session check the server finished, in order. */
const sessionChecks: SessionCheck[] = [];

beforeAll(async () => {
  server = createCollabServer({
    db: t.db,
    schema,
    secret: SECRET,
    port: 0,
    debounceMs: 50,
    maxDebounceMs: 200,
    onSessionCheck: (check) => sessionChecks.push(check),
  });
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
  it("are bound to one person, one session, one article and a time; a forged or stale one is refused", () => {
    const now = Date.now();
    const session = { userId: "u1", sessionId: "s1", sessionVersion: 3 };
    const token = mintCollabTicket(SECRET, { ...session, articleId: "a1" }, now);
    expect(verifyCollabTicket(SECRET, token, documentNameFor("a1"), now)).toMatchObject(session);
    expect(verifyCollabTicket(SECRET, token, documentNameFor("a2"), now)).toBeNull();
    expect(verifyCollabTicket("other-secret", token, documentNameFor("a1"), now)).toBeNull();
    expect(verifyCollabTicket(SECRET, token, documentNameFor("a1"), now + 11 * 60_000)).toBeNull();
    const [payload, sig] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ userId: "admin", articleId: "a1", exp: now + 1e6 })).toString(
      "base64url",
    );
    expect(verifyCollabTicket(SECRET, `${forged}.${sig}`, documentNameFor("a1"), now)).toBeNull();
    expect(verifyCollabTicket(SECRET, `${payload}`, documentNameFor("a1"), now)).toBeNull();
    // A ticket that names no session (as minted before tickets carried one) is refused.
    const sessionless = Buffer.from(JSON.stringify({ userId: "u1", articleId: "a1", exp: now + 1e6 })).toString(
      "base64url",
    );
    const sessionlessSignature = createHmac("sha256", SECRET).update(`collab.${sessionless}`).digest("base64url");
    expect(verifyCollabTicket(SECRET, `${sessionless}.${sessionlessSignature}`, documentNameFor("a1"), now)).toBeNull();
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
  /** Resolves when the server closes the connection. */
  closed: Promise<void>;
  leave(): void;
}

/** A ticket as the studio mints it for a signed-in person (a fresh session of theirs unless one is given). */
async function ticketFor(userId: string, articleId: string, session?: SessionClaim) {
  return mintCollabTicket(SECRET, { ...(session ?? (await makeSession(t.db, userId))), articleId });
}

function connect(ticket: string, articleId: string, document = new Y.Doc()) {
  return new Promise<Client>((resolve, reject) => {
    const messages: string[] = [];
    let closed = () => undefined as void;
    const websocketProvider = new HocuspocusProviderWebsocket({
      url: `ws://127.0.0.1:${listening.port}`,
      WebSocketPolyfill: WebSocket,
    });
    const client: Client = {
      doc: document,
      messages,
      closed: new Promise((r) => (closed = r)),
      leave() {
        this.provider.destroy();
        websocketProvider.destroy();
      },
      provider: new HocuspocusProvider({
        websocketProvider,
        name: documentNameFor(articleId),
        document,
        token: ticket,
        onStateless: ({ payload }) => {
          messages.push(payload);
        },
        onClose: () => closed(),
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

    const one = await connect(await ticketFor(w1.id, a.id), a.id);
    const two = await connect(await ticketFor(w2.id, a.id), a.id);
    type(one.doc, " Alpha from one.");
    type(two.doc, " Beta from two.");
    // Each side hears the other's typing on its own socket, so one may hold both texts before two does: wait for both.
    await until(() =>
      [one, two].every((c) => {
        const text = c.doc.getXmlFragment(BODY_FIELD).toString();
        return text.includes("Alpha") && text.includes("Beta");
      }),
    );
    expect(two.doc.getXmlFragment(BODY_FIELD).toString()).toBe(one.doc.getXmlFragment(BODY_FIELD).toString());
    await until(async () => {
      const d = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: a.id } });
      return d.bodyJson.includes("Alpha") && d.bodyJson.includes("Beta");
    });
    const stored = await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: a.id } });
    expect(JSON.parse(stored.editorIds)).toEqual(expect.arrayContaining([w1.id, w2.id]));
    await until(() => one.messages.some((m) => JSON.parse(m).type === "stored"));
    for (const c of [one, two]) c.leave();

    await expect(connect(await ticketFor(reviewer.id, a.id), a.id)).rejects.toThrow("authentication failed");
    expect(await t.db.workingDraft.findUniqueOrThrow({ where: { articleId: a.id } })).toMatchObject({
      version: stored.version,
    });
  });
});

const PASSWORD = "correct horse battery";
const NEW_PASSWORD = "a brand new passphrase";

/** Each way a person's session ends, done as the product does it. */
const REVOCATIONS: [string, (writer: TestUser, session: SessionClaim, admin: TestUser) => Promise<unknown>][] = [
  ["signing out", (_, session) => signOut(t.db, session)],
  ["sign out everywhere", (writer) => signOutEverywhere(t.db, writer)],
  [
    "a password change",
    (writer) =>
      changePassword(t.db, writer, {
        currentPassword: PASSWORD,
        password: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      }),
  ],
  [
    "a password reset",
    async (writer) => {
      const { token } = await issueAccountToken(t.db, writer.id, "RESET");
      await resetPassword(t.db, { token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    },
  ],
  [
    "a second-factor reset by an admin",
    async (writer, _, admin) => {
      // Enrolling does not end sessions; the admin's reset (lost phone) does.
      await t.db.user.update({
        where: { id: writer.id },
        data: { totpSecret: "JBSWY3DPEHPK3PXP", totpEnabledAt: new Date() },
      });
      await resetTwoFactorByAdmin(t.db, admin, { userId: writer.id });
    },
  ],
  [
    "disabling the account",
    (writer, _, admin) => setUserStatus(t.db, admin, { userId: writer.id, status: "DISABLED" }),
  ],
];

const storedBody = async (articleId: string) =>
  (await t.db.workingDraft.findUniqueOrThrow({ where: { articleId } })).bodyJson;

describe("co-editing after a session ends", () => {
  it("the server checks the sessions of open sockets at least every half second", () => {
    // With the check's own query and the close frame, a socket is closed within a second of its session ending.
    expect(COLLAB_SESSION_CHECK_MS).toBeLessThanOrEqual(500);
  });

  it.each(REVOCATIONS)(
    "after %s, the old ticket is refused and the open socket is closed at the next check, its later edits never stored",
    async (_, revoke) => {
      const admin = await makeUser(t.db, { roles: ["ADMIN"] });
      const writer = await makeUser(t.db, { roles: ["WRITER"], password: PASSWORD });
      const colleague = await makeUser(t.db, { roles: ["WRITER"] });
      const a = await makeArticle(t.db, { authorId: writer.id, body: "Start." });
      await t.db.articleAuthor.create({ data: { articleId: a.id, userId: colleague.id } });
      const session = await makeSession(t.db, writer.id);
      const ticket = await ticketFor(writer.id, a.id, session);
      const mine = await connect(ticket, a.id);
      const theirs = await connect(await ticketFor(colleague.id, a.id), a.id);
      type(mine.doc, " Before.");
      await until(async () => (await storedBody(a.id)).includes("Before."));

      await revoke(writer, session, admin);
      const revokedAt = Date.now();
      // A ticket minted before the revocation opens nothing.
      await expect(connect(ticket, a.id)).rejects.toThrow("authentication failed");
      // The first session check that started after the revocation has closed the socket (or an earlier one,
      // which already saw the revocation).
      await until(() => sessionChecks.some((c) => c.startedAt > revokedAt));
      const first = sessionChecks.find((c) => c.startedAt > revokedAt)!;
      const closedBy = sessionChecks.filter(
        (c) => c.startedAt <= first.startedAt && c.closedUserIds.includes(writer.id),
      );
      expect(closedBy).toHaveLength(1);
      await mine.closed;

      // Typed after the close (the provider tries to reconnect with its old ticket): never stored, never seen
      // by the colleague, whose own later edit is stored.
      type(mine.doc, " After.");
      type(theirs.doc, " Colleague.");
      await until(async () => (await storedBody(a.id)).includes("Colleague."));
      expect(await storedBody(a.id)).not.toContain("After.");
      expect(theirs.doc.getXmlFragment(BODY_FIELD).toString()).not.toContain("After.");
      mine.leave();
      theirs.leave();
    },
  );
});
