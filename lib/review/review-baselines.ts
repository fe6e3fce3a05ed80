// Which earlier revision the review screen compares the current one with. A reviewer coming back to an
// article wants what changed since they last looked: the default is the latest earlier revision this viewer
// decided on or commented on; without one, the last approved or published revision (what readers or the
// last sign-off saw); without that, the previous revision. The others stay one click away, and any earlier
// revision of the article can be asked for by id.
import type { DbTx } from "../db/client";
import type { Actor } from "../auth/policy";

export type BaselineReason = "you-reviewed" | "you-commented" | "approved-or-published" | "previous";

export interface Baseline {
  id: string;
  number: number;
  reasons: BaselineReason[];
}

export interface ReviewBaselines {
  /** The suggested comparisons, most relevant first (one entry per revision). */
  options: Baseline[];
  /** The one shown: `compareWith` when it names an earlier revision, otherwise the first option. */
  selected: Baseline | null;
}

export async function loadReviewBaselines(
  db: DbTx,
  actor: Pick<Actor, "id">,
  current: { articleId: string; number: number },
  compareWith?: string,
): Promise<ReviewBaselines> {
  const earlier = { articleId: current.articleId, number: { lt: current.number } };
  const pick = { select: { revision: { select: { id: true, number: true } } } } as const;
  const [decided, commented, approvedOrPublished, previous, asked] = await Promise.all([
    db.review.findFirst({
      where: { reviewerId: actor.id, revision: earlier },
      orderBy: { revision: { number: "desc" } },
      ...pick,
    }),
    db.reviewComment.findFirst({
      where: { authorId: actor.id, articleId: current.articleId, revision: { number: { lt: current.number } } },
      orderBy: { revision: { number: "desc" } },
      ...pick,
    }),
    db.revision.findFirst({
      where: {
        ...earlier,
        OR: [{ publications: { some: {} } }, { reviews: { some: { decision: "APPROVED", voidedAt: null } } }],
      },
      orderBy: { number: "desc" },
      select: { id: true, number: true },
    }),
    db.revision.findFirst({ where: earlier, orderBy: { number: "desc" }, select: { id: true, number: true } }),
    compareWith
      ? db.revision.findFirst({ where: { ...earlier, id: compareWith }, select: { id: true, number: true } })
      : null,
  ]);

  const options: Baseline[] = [];
  const add = (revision: { id: string; number: number } | null | undefined, reason: BaselineReason) => {
    if (!revision) return;
    const existing = options.find((o) => o.id === revision.id);
    if (existing) existing.reasons.push(reason);
    else options.push({ ...revision, reasons: [reason] });
  };
  // The viewer's own last look: whichever of their decision and their comment is on the later revision.
  const looked = [
    decided && { ...decided.revision, reason: "you-reviewed" as const },
    commented && { ...commented.revision, reason: "you-commented" as const },
  ]
    .filter((x): x is { id: string; number: number; reason: "you-reviewed" | "you-commented" } => !!x)
    .sort((a, b) => b.number - a.number);
  for (const l of looked) add(l, l.reason);
  add(approvedOrPublished, "approved-or-published");
  add(previous, "previous");
  // Most relevant first: the viewer's last look, then the last sign-off, then the previous revision.
  options.sort((a, b) => rank(a) - rank(b) || b.number - a.number);
  const selected = asked ? (options.find((o) => o.id === asked.id) ?? { ...asked, reasons: [] }) : (options[0] ?? null);
  return { options, selected };
}

const RANK: Record<BaselineReason, number> = {
  "you-reviewed": 0,
  "you-commented": 0,
  "approved-or-published": 1,
  previous: 2,
};
const rank = (b: Baseline) => Math.min(...b.reasons.map((r) => RANK[r]));

const REASON_TEXT: Record<BaselineReason, string> = {
  "you-reviewed": "you last reviewed it",
  "you-commented": "you last commented on it",
  "approved-or-published": "last approved or published",
  previous: "the previous revision",
};

/** "revision 1 (you last reviewed it; the previous revision)", for headings and links. */
export function describeBaseline(b: Baseline): string {
  const reasons = b.reasons.includes("you-reviewed") ? b.reasons.filter((r) => r !== "you-commented") : b.reasons;
  return reasons.length
    ? `revision ${b.number} (${reasons.map((r) => REASON_TEXT[r]).join("; ")})`
    : `revision ${b.number}`;
}
