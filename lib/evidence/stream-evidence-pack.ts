// One download per article for assessors: the evidence pack as a ZIP, streamed as it is compressed (fflate's
// streaming Zip: each file is deflated and handed on in chunks, the archive is never held whole). The SHA-256 of
// the bytes sent is computed on the way and recorded as an audit event before the stream ends, so whoever holds
// the file can later show it is the one the log names.
import { createHash } from "node:crypto";
import { strToU8, Zip, ZipDeflate } from "fflate";
import type { Db } from "../db/client";
import { assertCan, type Actor } from "../auth/policy";
import { recordAuditEvent } from "../audit/record-event";
import { loadEvidencePack } from "./load-evidence-pack";
import { renderEvidencePack } from "./render-evidence-pack";

export const EVIDENCE_PACK_ACTION = "article.evidence_pack_generated";

export interface EvidencePackDownload {
  filename: string;
  stream: ReadableStream<Uint8Array>;
}

export async function streamEvidencePack(db: Db, actor: Actor, articleId: string): Promise<EvidencePackDownload> {
  assertCan(actor, "evidence.read", "download an evidence pack");
  // Everything is read before the first byte goes out: a missing article is a 404, not a broken download.
  const pack = await loadEvidencePack(db, articleId);
  const files = renderEvidencePack(pack);
  const stamp = pack.generatedAt.toISOString().slice(0, 19).replace(/[:T]/g, "-");
  const filename = `evidence-pack-${pack.article.slug}-r${pack.revision.number}-${stamp}.zip`;

  const hash = createHash("sha256");
  let bytes = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const zip = new Zip((err, chunk, final) => {
        if (err) return controller.error(err);
        hash.update(chunk);
        bytes += chunk.length;
        controller.enqueue(chunk);
        if (final) {
          const sha256 = hash.digest("hex");
          db.$transaction((tx) =>
            recordAuditEvent(tx, {
              actorId: actor.id,
              action: EVIDENCE_PACK_ACTION,
              entityType: "Article",
              entityId: articleId,
              data: {
                sha256,
                bytes,
                filename,
                revisionId: pack.revision.id,
                contentHash: pack.revision.contentHash,
                chainVerified: pack.chain.ok,
              },
            }),
          ).then(
            () => controller.close(),
            (e: unknown) => controller.error(e),
          );
        }
      });
      for (const f of files) {
        const entry = new ZipDeflate(f.name, { level: 6 });
        entry.mtime = pack.generatedAt;
        zip.add(entry);
        entry.push(strToU8(f.content), true);
      }
      zip.end();
    },
  });
  return { filename, stream };
}
