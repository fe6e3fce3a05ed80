// The publish gate (PRODUCT.md "Article lifecycle"), item by item. Pure: loadGate (load-gate.ts) gathers the
// inputs from the database; this decides. Each item is passed, failed (with what is missing) or overridden
// (an editor's written reason for this revision, GateOverride). The medical approval can never be overridden:
// "Medically reviewed by" must be literally true.
import { parseDocument } from "../content/document-schema";
import { citationKeys } from "../content/text";
import { parseReferencesJson } from "../content/reference-snapshot";
import type { CredentialSnapshot } from "../credentials/credential-standing";
import { imageProblems } from "../media/image-problems";

export const GATE_ITEMS = [
  "approval",
  "citations",
  "sources",
  "plagiarism",
  "feedback",
  "contentChecks",
  "images",
  "layReview",
] as const;
export type GateItemKey = (typeof GATE_ITEMS)[number];

export const GATE_ITEM_LABELS: Record<GateItemKey, string> = {
  approval: "Medical approval of this exact revision",
  citations: "Citations and reference links",
  sources: "Sources stand (no retracted paper)",
  plagiarism: "Plagiarism report",
  feedback: "Reader reports of inaccurate or outdated content",
  contentChecks: "Content checks",
  images: "Image alt text, licences and patient consent",
  layReview: "Lay review by readers",
};

export const OVERRIDABLE: Record<GateItemKey, boolean> = {
  approval: false,
  citations: true,
  sources: true,
  plagiarism: true,
  feedback: true,
  contentChecks: true,
  images: true,
  layReview: true,
};

export interface GateApproval {
  id: string;
  reviewerId: string;
  reviewerName: string;
  decision: string;
  contentHash: string;
  createdAt: Date;
  voidedAt: Date | null;
  snapshot: CredentialSnapshot | null;
}

export interface GateInputs {
  revision: {
    id: string;
    number: number;
    contentHash: string;
    bodyJson: string;
    referencesJson: string;
    contributorIds: readonly string[];
  };
  approvals: readonly GateApproval[];
  /** Independent approvals (different people, same revision) the article needs: 2 for high-risk content. */
  requiredApprovals?: number;
  /**
   * Latest plagiarism report for this revision; `index` is the share of the fingerprint index it ran against
   * when that was incomplete (a rebuild under way).
   */
  plagiarism: {
    similarity: number;
    createdAt: Date;
    checker: string;
    index?: { complete: boolean; indexed: number; total: number };
  } | null;
  thresholdPercent: number;
  isLive: boolean;
  /** Reader reports (INACCURATE / OUTDATED) on the live revision still NEW or ACKNOWLEDGED. */
  openLiveReports: ReadonlyArray<{ id: string; reason: string; createdAt: Date }>;
  /** Latest content check run for this revision. */
  checkRun: { blocking: number; advisory: number; createdAt: Date; blockingMessages: string[] } | null;
  overrides: ReadonlyArray<{ item: string; reason: string; byName: string; createdAt: Date }>;
  /** Stored source checks for this revision's references (lib/sources/check-sources.ts sourceState). */
  sources?: {
    retracted: ReadonlyArray<{ doi: string; title: string; detail: string }>;
    corrected: ReadonlyArray<{ doi: string; title: string; detail: string }>;
    broken: ReadonlyArray<{ url: string; title: string; detail: string }>;
    unchecked: number;
  } | null;
  /** The revision's images: alt text and licence as frozen, consent as recorded now (it may be recorded after
   *  approval without changing the content). Absent or empty: the revision shows no image. */
  images?: ReadonlyArray<GateImage>;
  /** Lay reviews the audience's policy requires, and those recorded on this revision's content hash. Absent:
   *  no policy applies. */
  layReviews?: { required: number; recorded: number };
}

export interface GateImage {
  mediaId: string;
  alt: string;
  licence: string | null;
  licenceAgency: string;
  clinical: boolean;
  consentOnFile: boolean;
}

export type GateItemState = "passed" | "failed" | "overridden";

export interface GateItemResult {
  key: GateItemKey;
  label: string;
  state: GateItemState;
  /** Why it passed or what is missing (always filled, shown to the editor). */
  reason: string;
  /** For a failure that was overridden, the original failure too. */
  failure?: string;
  /** A passed item with something not checked yet: what, and how to check it (shown amber, not as a pass). */
  notCheckedYet?: string;
  /** A passed item that still asks a person to act (a link that does not answer, a correction notice): what,
   *  and how to fix it (shown amber, not as a pass). */
  needsAttention?: string;
  override?: { reason: string; byName: string; at: Date };
  overridable: boolean;
}

export interface GateResult {
  revisionId: string;
  passes: boolean;
  items: GateItemResult[];
  /** The approval that satisfies the gate, if any (the publication cites it). */
  approval: GateApproval | null;
}

type Raw = { ok: boolean; reason: string; notCheckedYet?: string; needsAttention?: string };

/** The approvals that count: not voided, bound to this revision's hash, by someone who did not contribute,
 *  with a credential that was verified and unexpired when they signed; one per reviewer, newest first.
 *  `approval` is the newest of them (the publication cites it). */
export function validApproval(inputs: Pick<GateInputs, "revision" | "approvals">): {
  approval: GateApproval | null;
  approvals: GateApproval[];
  problems: string[];
} {
  const problems: string[] = [];
  const valid: GateApproval[] = [];
  const candidates = [...inputs.approvals]
    .filter((a) => a.decision === "APPROVED")
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  for (const a of candidates) {
    if (a.voidedAt) {
      problems.push(`${a.reviewerName}'s approval was voided.`);
      continue;
    }
    if (a.contentHash !== inputs.revision.contentHash) {
      problems.push(`${a.reviewerName}'s approval was for different content (hash mismatch).`);
      continue;
    }
    if (inputs.revision.contributorIds.includes(a.reviewerId)) {
      problems.push(`${a.reviewerName} wrote or edited this article, so their approval does not count.`);
      continue;
    }
    const s = a.snapshot;
    if (!s || !s.verifiedAt || !(new Date(s.expiresAt).getTime() > a.createdAt.getTime())) {
      problems.push(`${a.reviewerName} had no verified, unexpired credential when they approved.`);
      continue;
    }
    if (!valid.some((v) => v.reviewerId === a.reviewerId)) valid.push(a);
  }
  return { approval: valid[0] ?? null, approvals: valid, problems };
}

function approvalItem(inputs: GateInputs, approvals: GateApproval[], problems: string[]): Raw {
  const required = Math.max(1, inputs.requiredApprovals ?? 1);
  const approval = approvals[0] ?? null;
  if (approval && approvals.length < required) {
    const names = approvals.map((a) => a.snapshot!.displayName).join(" and ");
    return {
      ok: false,
      reason: `This article needs ${required} independent approvals of revision ${inputs.revision.number}; it has ${approvals.length} (${names}).`,
    };
  }
  if (approval && required > 1) {
    return {
      ok: true,
      reason: `Approved independently by ${approvals
        .slice(0, required)
        .map((a) => `${a.snapshot!.displayName}, ${a.snapshot!.postNominals}`)
        .join(" and ")} (revision ${inputs.revision.number}).`,
    };
  }
  if (approval) {
    const s = approval.snapshot!;
    return {
      ok: true,
      reason: `Approved by ${s.displayName}, ${s.postNominals} on ${approval.createdAt.toISOString().slice(0, 10)} (revision ${inputs.revision.number}).`,
    };
  }
  return {
    ok: false,
    reason: problems.length
      ? `No valid approval: ${problems.join(" ")}`
      : `Revision ${inputs.revision.number} has not been approved by a medical reviewer.`,
  };
}

function citationsItem(inputs: GateInputs): Raw {
  let keys: string[];
  try {
    keys = citationKeys(parseDocument(inputs.revision.bodyJson));
  } catch {
    return { ok: false, reason: "The revision body could not be read." };
  }
  const refs = parseReferencesJson(inputs.revision.referencesJson);
  const known = new Set(refs.map((r) => r.key));
  const missing = [...new Set(keys.filter((k) => !known.has(k)))];
  const unlinked = refs.filter((r) => !r.url && !r.doi && !r.pmid);
  const problems: string[] = [];
  if (missing.length)
    problems.push(
      `${missing.length} citation${missing.length > 1 ? "s point" : " points"} at no reference (${missing.join(", ")}).`,
    );
  if (unlinked.length)
    problems.push(
      `${unlinked.length} reference${unlinked.length > 1 ? "s have" : " has"} no URL, DOI or PMID (${unlinked.map((r) => `“${r.title}”`).join(", ")}).`,
    );
  if (problems.length) return { ok: false, reason: problems.join(" ") };
  return {
    ok: true,
    reason: `${new Set(keys).size} cited source${new Set(keys).size === 1 ? "" : "s"}; all ${refs.length} reference${refs.length === 1 ? " has" : "s have"} a link.`,
  };
}

/** A retracted source blocks; corrections, broken links and unchecked sources are said (amber), not blocking. */
function sourcesItem(inputs: GateInputs): Raw {
  const s = inputs.sources;
  if (!s) return { ok: true, reason: "No source checks apply." };
  if (s.retracted.length)
    return {
      ok: false,
      reason: `${s.retracted.length} cited source${s.retracted.length > 1 ? "s were" : " was"} retracted: ${s.retracted
        .map((r) => `“${r.title || r.doi}” (${r.detail})`)
        .join("; ")}. Replace or remove ${s.retracted.length > 1 ? "them" : "it"}.`,
    };
  const notes: string[] = [];
  const fixes: string[] = [];
  if (s.corrected.length) {
    notes.push(
      `${s.corrected.length} with a correction notice (${s.corrected.map((r) => `“${r.title || r.doi}”`).join(", ")}): check the cited finding still holds`,
    );
    fixes.push(
      `Read the correction notice${s.corrected.length > 1 ? "s" : ""} and check that the text still says what the corrected paper says.`,
    );
  }
  if (s.broken.length) {
    notes.push(`${s.broken.length} link${s.broken.length > 1 ? "s do" : " does"} not answer`);
    fixes.push(
      `${s.broken.length > 1 ? "These links do" : "This link does"} not answer: ${s.broken
        .map((r) => `“${r.title || r.url}” (${r.url}${r.detail ? `: ${r.detail}` : ""})`)
        .join("; ")}. If a page moved, put its new address or its DOI in the reference on the Edit tab (a change ` +
        "to the text voids an approval, so it is reviewed again); if a site is only down for now, run the checks " +
        "again from the Checks tab later.",
    );
  }
  const reason = notes.length
    ? `No retracted source found; ${notes.join("; ")}.`
    : s.unchecked
      ? "No retracted source found so far."
      : "No retracted source; all links answer.";
  // Neither blocks (a registry or a site that does not answer must not hold every publication), but neither is
  // a pass: each says what to do.
  return {
    ok: true,
    reason,
    ...(fixes.length ? { needsAttention: fixes.join(" ") } : {}),
    ...(s.unchecked
      ? {
          notCheckedYet: `${s.unchecked} source${s.unchecked > 1 ? "s have" : " has"} not been checked yet. Run the checks again from the Checks tab; live articles are also checked every week.`,
        }
      : {}),
  };
}

function plagiarismItem(inputs: GateInputs): Raw {
  const p = inputs.plagiarism;
  if (!p) return { ok: false, reason: "No plagiarism report exists for this revision yet." };
  const pct = `${p.similarity.toFixed(1)}%`;
  if (p.index && !p.index.complete)
    return {
      ok: false,
      reason: `Checked while the plagiarism index was being rebuilt (${p.index.indexed} of ${p.index.total} sources indexed), so similarity ${pct} may miss matches; the check runs again when the rebuild finishes.`,
    };
  if (p.similarity >= inputs.thresholdPercent)
    return { ok: false, reason: `Similarity ${pct} is at or above the ${inputs.thresholdPercent}% threshold.` };
  return { ok: true, reason: `Similarity ${pct}, under the ${inputs.thresholdPercent}% threshold.` };
}

function feedbackItem(inputs: GateInputs): Raw {
  if (!inputs.isLive) return { ok: true, reason: "Not live yet: no reader reports apply." };
  const n = inputs.openLiveReports.length;
  if (n)
    return {
      ok: false,
      reason: `${n} reader report${n > 1 ? "s" : ""} of inaccurate or outdated content on the live version ${n > 1 ? "are" : "is"} not resolved or dismissed.`,
    };
  return { ok: true, reason: "No open reports of inaccurate or outdated content on the live version." };
}

function checksItem(inputs: GateInputs): Raw {
  const r = inputs.checkRun;
  if (!r) return { ok: false, reason: "The content checks have not run on this revision yet." };
  if (r.blocking > 0) {
    const first = r.blockingMessages.slice(0, 3).join("; ");
    return {
      ok: false,
      reason: `${r.blocking} blocking finding${r.blocking > 1 ? "s" : ""}${first ? `: ${first}` : ""}.`,
    };
  }
  return { ok: true, reason: r.advisory ? `No blocking findings (${r.advisory} advisory).` : "No findings." };
}

function imagesItem(inputs: GateInputs): Raw {
  const images = inputs.images ?? [];
  if (!images.length) return { ok: true, reason: "No images." };
  const problems = imageProblems(images);
  if (problems.length) return { ok: false, reason: problems.join(" ") };
  const clinical = images.filter((i) => i.clinical).length;
  return {
    ok: true,
    reason: `${images.length} image${images.length > 1 ? "s" : ""} with alt text and licence${clinical ? `; consent on file for ${clinical} clinical photograph${clinical > 1 ? "s" : ""}` : ""}.`,
  };
}

function layReviewItem(inputs: GateInputs): Raw {
  const l = inputs.layReviews;
  if (!l || l.required <= 0) {
    const n = l?.recorded ?? 0;
    return {
      ok: true,
      reason: n
        ? `Not required; ${n} lay review${n > 1 ? "s" : ""} recorded on this revision.`
        : "Not required for this audience.",
    };
  }
  if (l.recorded < l.required)
    return {
      ok: false,
      reason: `The policy for this audience asks for ${l.required} lay review${l.required > 1 ? "s" : ""} of this revision; ${l.recorded === 0 ? "none is" : `${l.recorded} ${l.recorded > 1 ? "are" : "is"}`} recorded. Invite a reader from the Review tab.`,
    };
  return {
    ok: true,
    reason: `${l.recorded} lay review${l.recorded > 1 ? "s" : ""} recorded (${l.required} required).`,
  };
}

export function evaluateGate(inputs: GateInputs): GateResult {
  const { approval, approvals, problems } = validApproval(inputs);
  const raw: Record<GateItemKey, Raw> = {
    approval: approvalItem(inputs, approvals, problems),
    citations: citationsItem(inputs),
    sources: sourcesItem(inputs),
    plagiarism: plagiarismItem(inputs),
    feedback: feedbackItem(inputs),
    contentChecks: checksItem(inputs),
    images: imagesItem(inputs),
    layReview: layReviewItem(inputs),
  };
  const items = GATE_ITEMS.map((key): GateItemResult => {
    const r = raw[key];
    const base = { key, label: GATE_ITEM_LABELS[key], overridable: OVERRIDABLE[key] };
    if (r.ok)
      return {
        ...base,
        state: "passed",
        reason: r.reason,
        ...(r.notCheckedYet ? { notCheckedYet: r.notCheckedYet } : {}),
        ...(r.needsAttention ? { needsAttention: r.needsAttention } : {}),
      };
    const o = OVERRIDABLE[key] ? inputs.overrides.find((x) => x.item === key) : undefined;
    if (o)
      return {
        ...base,
        state: "overridden",
        reason: `Overridden by ${o.byName}: ${o.reason}`,
        failure: r.reason,
        override: { reason: o.reason, byName: o.byName, at: o.createdAt },
      };
    return { ...base, state: "failed", reason: r.reason };
  });
  return { revisionId: inputs.revision.id, passes: items.every((i) => i.state !== "failed"), items, approval };
}
