// Replaces an article's working references with frozen snapshots (same keys, same order): restoring an old
// revision, starting a translation from its source's live revision, bringing a translation up to date.
import type { DbTx } from "../db/client";
import type { ReferenceSnapshot } from "../content/reference-snapshot";

export async function replaceReferences(tx: DbTx, articleId: string, references: readonly ReferenceSnapshot[]) {
  await tx.reference.deleteMany({ where: { articleId } });
  let position = 0;
  for (const r of references) {
    await tx.reference.create({
      data: {
        ...r,
        accessedAt: r.accessedAt ? new Date(r.accessedAt) : null,
        articleId,
        position: position++,
      },
    });
  }
}
