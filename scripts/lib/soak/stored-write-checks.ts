// The soak's last checks (scripts/soak.ts): every write the cluster acknowledged is stored, and the audit chain
// verifies. Each check is asked on its own: one the database cannot answer (it went away during the run) is a
// failed check naming why, and the checks after it are still asked and printed.
import type { Db } from "../../../lib/db/client";
import { describeReport, verifyAuditChain } from "../../../lib/audit/verify-chain";

export interface AcknowledgedWrites {
  /** The comments of feedback answers that got 201 (each unique, all starting with `feedbackCommentPrefix`). */
  feedbackComments: string[];
  feedbackCommentPrefix: string;
  /** Each autosaving draft's last acknowledged version and the marker that save carried. */
  autosaves: Array<{ articleId: string; version: number; lastMarker: string }>;
  /** The co-edited draft and each marker the co-editing server said it had stored. */
  coEdited: { articleId: string; markers: string[] };
  decisions: Array<{ revisionId: string; reviewerId: string; decision: string }>;
  publications: Array<{ articleId: string; revisionId: string }>;
}

export type Check = (ok: boolean, what: string) => void;

/** Asks `question`; when it throws, records `what` as failed with the reason instead of ending the run. */
async function ask(check: Check, what: string, question: () => Promise<[ok: boolean, detail: string]>) {
  let answer: [boolean, string];
  try {
    answer = await question();
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).split("\n").find((l) => l.trim()) ?? "";
    answer = [false, `could not check: ${reason.trim().slice(0, 200)}`];
  }
  check(answer[0], `${what} (${answer[1]})`);
}

export async function checkStoredWrites(db: Db, acknowledged: AcknowledgedWrites, check: Check): Promise<void> {
  const { feedbackComments, feedbackCommentPrefix, autosaves, coEdited, decisions, publications } = acknowledged;
  await ask(check, "every acknowledged feedback answer is stored", async () => {
    const stored = new Set(
      (
        await db.feedback.findMany({
          where: { comment: { startsWith: feedbackCommentPrefix } },
          select: { comment: true },
        })
      ).map((f) => f.comment),
    );
    const lost = feedbackComments.filter((c) => !stored.has(c));
    return [lost.length === 0, `${feedbackComments.length}, lost ${lost.length}`];
  });
  for (const a of autosaves)
    await ask(check, "autosave: the draft holds the last acknowledged save", async () => {
      const d = await db.workingDraft.findUniqueOrThrow({ where: { articleId: a.articleId } });
      return [
        d.version === a.version && d.bodyJson.includes(a.lastMarker),
        `version ${a.version}, stored ${d.version}`,
      ];
    });
  await ask(check, "co-editing: every stored-acknowledged marker is in the draft", async () => {
    const draft = await db.workingDraft.findUniqueOrThrow({ where: { articleId: coEdited.articleId } });
    const lost = coEdited.markers.filter((m) => !draft.bodyJson.includes(m));
    return [
      coEdited.markers.length > 0 && lost.length === 0,
      `${coEdited.markers.length}, lost ${lost.length}${lost.length ? `: ${lost.slice(0, 5).join(" ")}` : ""}`,
    ];
  });
  await ask(check, "every review decision is stored", async () => {
    let stored = 0;
    for (const d of decisions) if ((await db.review.count({ where: d })) > 0) stored++;
    return [decisions.length > 0 && stored === decisions.length, `${stored} of ${decisions.length}`];
  });
  await ask(check, "every publication is live", async () => {
    let live = 0;
    for (const p of publications) {
      const a = await db.article.findUniqueOrThrow({ where: { id: p.articleId }, select: { liveRevisionId: true } });
      if (a.liveRevisionId === p.revisionId) live++;
    }
    return [publications.length > 0 && live === publications.length, `${live} of ${publications.length}`];
  });
  await ask(check, "audit chain verifies", async () => {
    const audit = await verifyAuditChain(db);
    return [audit.ok, describeReport(audit)];
  });
}
