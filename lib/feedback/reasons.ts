// The closed vocabularies of reader feedback. Stored as strings (SQLite has no enums), validated here.

export const FEEDBACK_REASONS = ["INACCURATE", "OUTDATED", "UNCLEAR", "TYPO_OR_BROKEN_LINK", "OTHER"] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

export const FEEDBACK_REASON_LABELS: Record<FeedbackReason, string> = {
  INACCURATE: "Inaccurate",
  OUTDATED: "Outdated",
  UNCLEAR: "Unclear",
  TYPO_OR_BROKEN_LINK: "Typo or broken link",
  OTHER: "Other",
};

/** Reasons that put the medical content in doubt: they flag the article for re-review and hold the next publish. */
export const BLOCKING_REASONS = ["INACCURATE", "OUTDATED"] as const satisfies readonly FeedbackReason[];

export const FEEDBACK_STATUSES = ["NEW", "ACKNOWLEDGED", "RESOLVED", "DISMISSED"] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export const FEEDBACK_STATUS_LABELS: Record<FeedbackStatus, string> = {
  NEW: "New",
  ACKNOWLEDGED: "Acknowledged",
  RESOLVED: "Resolved",
  DISMISSED: "Dismissed",
};

/** Statuses in which a report still needs an editor's decision. */
export const OPEN_STATUSES = ["NEW", "ACKNOWLEDGED"] as const satisfies readonly FeedbackStatus[];

export function isFeedbackReason(value: unknown): value is FeedbackReason {
  return typeof value === "string" && (FEEDBACK_REASONS as readonly string[]).includes(value);
}

export function isFeedbackStatus(value: unknown): value is FeedbackStatus {
  return typeof value === "string" && (FEEDBACK_STATUSES as readonly string[]).includes(value);
}

export function isBlockingReason(value: unknown): boolean {
  return typeof value === "string" && (BLOCKING_REASONS as readonly string[]).includes(value);
}

/** Size bounds, shared by the schema, the form's maxlength attributes and the route's body limit. */
export const FEEDBACK_LIMITS = {
  commentMax: 2000,
  emailMax: 254,
  dismissReasonMax: 500,
  idMax: 64,
  /** Request bodies larger than this are refused before parsing (a full form is well under 10 KB even URL-encoded). */
  bodyBytesMax: 16 * 1024,
} as const;

/** The honeypot's field name: a field people never see, named like one that form-filling bots love. */
export const HONEYPOT_FIELD = "website";
