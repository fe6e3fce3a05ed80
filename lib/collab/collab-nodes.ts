// Several co-editing nodes serving the same documents, through Redis (COLLAB_REDIS_URL).
//
// Sharing: Hocuspocus's Redis extension relays every change, awareness update and broadcast between the nodes
// that have a document open, so two writers connected to different nodes edit one shared document.
//
// Loading: a node that opens a document another node already has open must not build it again from the stored
// draft (two builds of the same text are two different sets of Yjs items: merged, the text would be there twice).
// Each node with a document open is listed in Redis (a sorted set per document, by the time its entry expires,
// renewed with the lease); the first node to open it builds it from the draft and puts the document's state in
// Redis, and every later one starts from that state, then catches up through the Redis extension's sync. The
// entry is removed when the node closes the document, or expires when it crashed; the state goes with the last.
//
// Storing: exactly one node writes a document back as the working draft, its *owner*: the node holding the
// document's lease in Redis (a key with this node's id, renewed every third of COLLAB_LEASE_MS). Why one, and
// why this way:
//   - every store is the merged state of one Yjs document, which only grows, so the drafts it writes follow one
//     another (each contains the one before); two nodes storing in turn could write an older merge after a newer
//     one, and each write bumps the draft's version (the optimistic version that autosave checks), so the same
//     text would be stored twice with two versions;
//   - the owner stores every change, also those that reached it through Redis from another node's writers (
//     Hocuspocus itself only stores changes its own sockets sent); the others never write;
//   - before each write the owner publishes its whole document state to Redis and waits for Redis to have
//     handed it to every other node: whatever a browser is told is stored ("saved", the acknowledgement) is then
//     also held by every node that has the document open, so if the owner dies (even SIGKILL) the node that
//     takes the lease over holds it too, and its first store (right at take-over) cannot write the draft back
//     without it;
//   - the editors whose changes are waiting to be stored are kept in Redis (a sorted set per document, by time
//     of their last change), so the owner records writers connected to other nodes too (separation of duties);
//   - a node that closes a document gives its lease back, and an owner that stops renewing (crashed, or cut
//     off) loses it after COLLAB_LEASE_MS; another node with the document open takes it over at its next renewal.
import { randomUUID } from "node:crypto";
import { Redis as RedisExtension } from "@hocuspocus/extension-redis";
import { OutgoingMessage, type Document } from "@hocuspocus/server";
import IORedis from "ioredis";
import * as Y from "yjs";

export interface CollabNodesOptions {
  /** redis://HOST:PORT (COLLAB_REDIS_URL). */
  redisUrl: string;
  /** This node's name in Redis (default: a random one per start). */
  nodeId?: string;
  /** Prefix of every Redis key and channel (default "imprimatur:collab"). */
  prefix?: string;
  /** How long a document's owner keeps its lease without renewing it (default 3000 ms). */
  leaseMs?: number;
}

// Storing is decided by ownership (collab-server.ts asks `claim` before each store), not by the extension's own
// per-store lock: that lock makes a node skip its store when another node is storing at that moment, and the
// changes it skipped are then stored only if someone types again.
class SharedDocumentsExtension extends RedisExtension {
  async onStoreDocument(): Promise<void> {}
  async afterStoreDocument(): Promise<void> {}
}

// Takes the lease when it is free or already ours (then renews it); 1 when this node holds it afterwards.
const CLAIM = `
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not holder then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
// Lists this node among those with the document open and returns how many others are listed; when none is, the
// shared state of a previous session is removed (the stored draft, maybe changed since, is the truth then).
const JOIN = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREM', KEYS[1], ARGV[1])
local others = redis.call('ZCARD', KEYS[1])
if others == 0 then redis.call('DEL', KEYS[2]) end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
return others`;
const STAY = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
return 1`;
const LEAVE = `
redis.call('ZREM', KEYS[1], ARGV[1])
if redis.call('ZCARD', KEYS[1]) == 0 then redis.call('DEL', KEYS[1], KEYS[2]) end
return 1`;
// The editors waiting to be stored, oldest first, and the set emptied in the same step.
const TAKE_EDITORS = `local ids = redis.call('ZRANGE', KEYS[1], 0, -1) redis.call('DEL', KEYS[1]) return ids`;

export class CollabNodes {
  readonly nodeId: string;
  readonly leaseMs: number;
  readonly extension: SharedDocumentsExtension;
  private readonly redis: IORedis;
  private readonly prefix: string;
  /** Documents whose lease this node held at its last claim. */
  private readonly owned = new Set<string>();

  constructor(o: CollabNodesOptions) {
    this.nodeId = o.nodeId || `node-${randomUUID()}`;
    this.prefix = o.prefix ?? "imprimatur:collab";
    this.leaseMs = o.leaseMs ?? 3000;
    const client = () => new IORedis(o.redisUrl, { lazyConnect: false });
    this.redis = client();
    this.extension = new SharedDocumentsExtension({
      createClient: client,
      identifier: this.nodeId,
      prefix: this.prefix,
    });
  }

  private key(kind: "owner" | "editors" | "open" | "state", documentName: string) {
    return `${this.prefix}:${kind}:${documentName}`;
  }

  /** Whether this node owns `documentName` after this call: renews its lease, or takes a free one. */
  async claim(documentName: string): Promise<boolean> {
    const held = (await this.redis.eval(CLAIM, 1, this.key("owner", documentName), this.nodeId, this.leaseMs)) === 1;
    if (held) this.owned.add(documentName);
    else this.owned.delete(documentName);
    return held;
  }

  /**
   * Lists this node among those with `documentName` open. Returns null when no other node has it open (this node
   * builds it from the stored draft, then calls `shareState`), else the state to start from, once the first
   * node has put it in Redis (waits up to `timeoutMs`).
   */
  async join(documentName: string, timeoutMs = 10_000): Promise<Uint8Array | null> {
    const others = (await this.redis.eval(
      JOIN,
      2,
      this.key("open", documentName),
      this.key("state", documentName),
      this.nodeId,
      this.leaseMs,
    )) as number;
    if (others === 0) return null;
    const until = Date.now() + timeoutMs;
    for (;;) {
      const state = await this.redis.getBuffer(this.key("state", documentName));
      if (state) return new Uint8Array(state);
      if (Date.now() > until) throw new Error(`No shared state of ${documentName} from the other nodes.`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  private async leave(documentName: string): Promise<void> {
    await this.redis.eval(LEAVE, 2, this.key("open", documentName), this.key("state", documentName), this.nodeId);
  }

  /** Renews (or takes over) the leases of these open documents; returns those this node has just become owner of. */
  async renew(documentNames: Iterable<string>): Promise<string[]> {
    const gained: string[] = [];
    for (const name of documentNames) {
      await this.redis.eval(STAY, 1, this.key("open", name), this.nodeId, this.leaseMs);
      const before = this.owned.has(name);
      if ((await this.claim(name)) && !before) gained.push(name);
    }
    return gained;
  }

  /** This node closed the document: gives its lease back (another node takes over) and leaves the list. */
  async release(documentName: string): Promise<void> {
    this.owned.delete(documentName);
    await this.redis.eval(RELEASE, 1, this.key("owner", documentName), this.nodeId);
    await this.leave(documentName);
  }

  /** Records that `userId` changed the document (for the owner's next store). */
  async recordEditor(documentName: string, userId: string): Promise<void> {
    await this.redis.zadd(this.key("editors", documentName), Date.now(), userId);
  }

  /** The editors recorded since the last store, in the order of their last change, and forgets them. */
  async takeEditors(documentName: string): Promise<string[]> {
    return (await this.redis.eval(TAKE_EDITORS, 1, this.key("editors", documentName))) as string[];
  }

  /** Puts editors back (their store failed). */
  async restoreEditors(documentName: string, userIds: readonly string[]): Promise<void> {
    if (!userIds.length) return;
    const now = Date.now();
    await this.redis.zadd(
      this.key("editors", documentName),
      ...userIds.flatMap((id, i) => [now - userIds.length + i, id]),
    );
  }

  /**
   * Sends one change made here straight to the other nodes: the Redis extension announces a change only by this
   * node's state vector, which costs the others a round trip (ask, answer) before they have it.
   */
  async shareUpdate(documentName: string, update: Uint8Array): Promise<void> {
    const message = new OutgoingMessage(documentName).createSyncMessage().writeUpdate(update);
    await this.redis.publish(`${this.prefix}:${documentName}`, this.encode(message.toUint8Array()));
  }

  private encode(message: Uint8Array): Buffer {
    const identifier = Buffer.from(this.nodeId, "utf-8");
    return Buffer.concat([Buffer.from([identifier.length]), identifier, Buffer.from(message)]);
  }

  /**
   * Hands this node's whole state of the document to every other node with it open, and resolves once Redis has
   * passed it on (PUBLISH answers after writing it to each subscriber's connection); also keeps it in Redis for
   * nodes that open the document later.
   */
  async shareState(document: Document): Promise<void> {
    const state = Y.encodeStateAsUpdate(document);
    const message = new OutgoingMessage(document.name).createSyncMessage().writeUpdate(state);
    await this.redis
      .multi()
      .set(this.key("state", document.name), Buffer.from(state))
      .publish(`${this.prefix}:${document.name}`, this.encode(message.toUint8Array()))
      .exec();
  }

  async close(openDocuments: Iterable<string> = []): Promise<void> {
    const names = new Set([...this.owned, ...openDocuments]);
    await Promise.all([...names].map((name) => this.release(name).catch(() => undefined)));
    this.redis.disconnect(false);
  }
}
