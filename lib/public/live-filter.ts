// Which articles readers may see: those with a live revision, unless taken down. Unpublishing and archiving
// clear liveRevisionId; the status check is a second lock so a half-finished takedown never shows a page.
export const HIDDEN_STATUSES = ["UNPUBLISHED", "ARCHIVED"] as const;

export const liveArticleWhere = {
  liveRevisionId: { not: null },
  status: { notIn: [...HIDDEN_STATUSES] },
};

/** Only approvals that still stand count (an approval is voided when the content it covered changed). */
export const standingApprovalWhere = { decision: "APPROVED", voidedAt: null };
