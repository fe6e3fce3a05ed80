// The files of an evidence pack: an HTML index an assessor opens offline (no script, no outside resources, every
// link relative to a file in the pack), the revision as published, and the records as JSON/CSV beside it.
import { escapeHtml } from "../content/render";
import { writeCsv } from "../export/write-csv";
import { auditActionLabel } from "../audit/action-labels";
import type { EvidencePack } from "./load-evidence-pack";
import { INTEREST_KIND_LABELS } from "../declarations/declaration-kinds";
import { LAY_QUESTIONS, READING_EASE_LABELS, UNDERSTANDABLE_LABELS } from "../lay-review/lay-review-questions";

export interface PackFile {
  name: string;
  content: string;
}

/** The files the index links to, by section (also what tests check resolve). */
export const PACK_FILES = {
  revision: "revision.html",
  approvals: "data/approvals.json",
  declarations: "declarations.html",
  checks: "data/content-checks.json",
  plagiarism: "data/plagiarism.json",
  sources: "data/sources.json",
  feedback: "data/feedback.csv",
  audit: "data/audit-events.json",
  verification: "data/audit-verification.json",
} as const;

const h = (v: unknown) => escapeHtml(v === null || v === undefined ? "" : String(v));
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : "—");
const json = (v: unknown) => JSON.stringify(v, null, 2) + "\n";

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
code{word-break:break-all;font-size:.85em}.ok{color:#0a5c2b;font-weight:600}.bad{color:#a00;font-weight:600}
.note{background:#fff6e5;border-left:4px solid #8a4b00;padding:.5rem .8rem}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>
`;
}

export function renderEvidencePack(pack: EvidencePack): PackFile[] {
  return [
    { name: "index.html", content: renderIndex(pack) },
    { name: PACK_FILES.revision, content: renderRevision(pack) },
    { name: PACK_FILES.declarations, content: renderDeclarations(pack) },
    {
      name: PACK_FILES.approvals,
      content: json(
        pack.reviews.map((r) => ({
          id: r.id,
          decision: r.decision,
          reviewer: r.reviewer.name,
          attestation: r.statement,
          contentHash: r.contentHash,
          credentialSnapshot: r.credential,
          evidenceChecked: r.evidenceChecked,
          at: r.createdAt,
          voidedAt: r.voidedAt,
          voidReason: r.voidReason,
        })),
      ),
    },
    {
      name: PACK_FILES.checks,
      content: json({ runs: pack.checkRuns.map(({ findingsJson: _, ...r }) => r), gateOverrides: pack.overrides }),
    },
    { name: PACK_FILES.plagiarism, content: json(pack.plagiarism.map(({ matchesJson: _, ...p }) => p)) },
    { name: PACK_FILES.sources, content: json({ references: pack.revision.references, ...pack.sources }) },
    {
      name: PACK_FILES.feedback,
      content: writeCsv(
        ["Received", "Revision", "Helpful", "Reason", "Comment", "Status", "Triaged", "Hours to triage", "Triaged by"],
        pack.feedback.map((f) => [
          f.createdAt.toISOString(),
          String(f.revision.number),
          f.helpful ? "yes" : "no",
          f.reason ?? "",
          f.comment,
          f.status,
          f.triagedAt?.toISOString() ?? "",
          f.hoursToTriage === null ? "" : String(f.hoursToTriage),
          f.triagedBy?.name ?? "",
        ]),
      ),
    },
    {
      name: PACK_FILES.audit,
      content: json(
        pack.events.map((e) => ({
          id: e.id,
          at: e.at,
          actor: e.actor?.name ?? null,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          data: safeParse(e.dataJson),
          prevHash: e.prevHash,
          hash: e.hash,
        })),
      ),
    },
    { name: PACK_FILES.verification, content: json(pack.chain) },
  ];
}

function chainSentence(pack: EvidencePack): string {
  const c = pack.chain;
  if (c.ok) return `The audit chain verifies: ${c.checked} events checked, none changed, removed or inserted.`;
  const b = c.firstBroken!;
  return `The audit chain does NOT verify: it breaks at event #${b.id} (${b.action}): ${b.problem}.`;
}

function renderIndex(pack: EvidencePack): string {
  const a = pack.article;
  const r = pack.revision;
  const approvals = pack.reviews
    .map(
      (x) => `<tr><td>${h(x.decision)}${x.voidedAt ? ` (voided ${h(iso(x.voidedAt))}: ${h(x.voidReason)})` : ""}</td>
<td>${h(x.reviewer.name)}<br>${h(x.credential.displayName)} ${h(x.credential.postNominals)}<br>${h(x.credential.specialty)} · ${h(
        x.credential.issuingBody,
      )} ${h(x.credential.licenseNumber)} · expires ${h(x.credential.expiresAt)}</td>
<td>${h(x.statement)}</td><td>${x.evidenceChecked ? "yes" : "no"}</td><td>${h(iso(x.createdAt))}</td>
<td><code>${h(x.contentHash)}</code></td></tr>`,
    )
    .join("\n");
  const events = pack.events
    .map(
      (e) =>
        `<tr><td>${e.id}</td><td>${h(iso(e.at))}</td><td>${h(auditActionLabel(e.action))}</td><td>${h(
          e.actor?.name ?? "system",
        )}</td><td><code>${h(e.hash)}</code></td></tr>`,
    )
    .join("\n");
  const feedbackTriaged = pack.feedback.filter((f) => f.hoursToTriage !== null);
  const medianHours = median(feedbackTriaged.map((f) => f.hoursToTriage!));
  const s = pack.sources.summary;
  return page(
    `Evidence pack: ${a.title}`,
    `<h1>Evidence pack: ${h(a.title)}</h1>
<p>Generated ${h(iso(pack.generatedAt))} from the records of this installation. Article <code>${h(a.id)}</code>,
address /articles/${h(a.slug)}, state ${h(a.status)}${a.live ? " (live)" : " (not live)"}. Re-review due ${h(
      iso(a.reviewDueAt),
    )}${a.overdueAction ? `; overdue action in force: ${h(a.overdueAction)}` : ""}.</p>
<nav aria-label="Contents"><ol>
<li><a href="${PACK_FILES.revision}">The revision as published</a></li>
<li><a href="#approval">Approval, credential and attestation</a> (<a href="${PACK_FILES.approvals}">approvals.json</a>)</li>
<li><a href="${PACK_FILES.declarations}">Funding, declarations of interest and lay reviews</a></li>
<li><a href="#checks">Content checks, plagiarism and sources</a> (<a href="${PACK_FILES.checks}">checks</a>,
 <a href="${PACK_FILES.plagiarism}">plagiarism</a>, <a href="${PACK_FILES.sources}">sources</a>)</li>
<li><a href="#feedback">Reader feedback</a> (<a href="${PACK_FILES.feedback}">feedback.csv</a>)</li>
<li><a href="#audit">Audit history and chain verification</a> (<a href="${PACK_FILES.audit}">events</a>,
 <a href="${PACK_FILES.verification}">verification</a>)</li>
</ol></nav>

<h2 id="revision">Revision ${r.number}</h2>
<p>“${h(r.title)}”, frozen ${h(iso(r.createdAt))} by ${h(r.author)}; contributors: ${h(
      r.contributors.join(", ") || "—",
    )}. Content SHA-256 <code data-testid="content-hash">${h(r.contentHash)}</code>.
${r.references.length} references. Published: ${
      pack.publications
        .map(
          (p) =>
            `${h(iso(p.publishedAt))} by ${h(p.publishedBy.name)}${p.unpublishedAt ? ` (taken down ${h(iso(p.unpublishedAt))}: ${h(p.unpublishReason)})` : ""}`,
        )
        .join("; ") || "never"
    }.</p>

<h2 id="approval">Approval</h2>
${
  pack.reviews.length
    ? `<table><thead><tr><th>Decision</th><th>Reviewer and credential at sign-off</th><th>Attestation</th><th>Evidence checked</th><th>When</th><th>Hash read</th></tr></thead><tbody>
${approvals}</tbody></table>`
    : "<p>No review of this revision is recorded.</p>"
}

<h2 id="checks">Checks of this revision</h2>
<ul>
<li>Content checks: ${pack.checkRuns.length} run(s)${
      pack.checkRuns.length
        ? `; latest ${h(iso(pack.checkRuns.at(-1)!.createdAt))}: ${pack.checkRuns.at(-1)!.blocking} blocking, ${pack.checkRuns.at(-1)!.advisory} advisory`
        : ""
    }.</li>
<li>Plagiarism: ${
      pack.plagiarism.length
        ? pack.plagiarism
            .map((p) => `${h(p.similarity.toFixed(1))}% overall (${h(p.checker)}, ${h(iso(p.createdAt))})`)
            .join("; ")
        : "no report"
    }.</li>
<li>Sources: ${s.retracted.length} retracted, ${s.corrected.length} with a correction or newer version, ${
      s.broken.length
    } links not answering, ${s.unchecked} not yet checked; last checked ${h(iso(s.checkedAt))}.</li>
<li>Gate overrides: ${
      pack.overrides.length
        ? pack.overrides
            .map((o) => `${h(o.item)} by ${h(o.by.name)} (${h(iso(o.createdAt))}): ${h(o.reason)}`)
            .join("; ")
        : "none"
    }.</li>
</ul>

<h2 id="feedback">Reader feedback</h2>
<p>${pack.feedback.length} answer(s); ${feedbackTriaged.length} triaged${
      medianHours === null ? "" : `, median ${medianHours} hour(s) from receipt to triage`
    }; ${pack.feedback.filter((f) => f.status === "NEW").length} waiting.</p>

<h2 id="audit">Audit history</h2>
<p class="${pack.chain.ok ? "ok" : "bad"}" data-testid="chain-verification">${h(chainSentence(pack))}</p>
<p>${pack.events.length} events about this article, its revisions and reviews. Each event's hash covers the previous event's
hash; the verification recomputes every hash of the whole log.</p>
<table><thead><tr><th>#</th><th>When</th><th>What</th><th>Who</th><th>Hash</th></tr></thead><tbody>
${events}</tbody></table>`,
  );
}

function renderRevision(pack: EvidencePack): string {
  const r = pack.revision;
  const refs = r.references
    .map(
      (x) =>
        `<li>${h(x.authors)} ${h(x.title)}. ${h(x.containerTitle)} ${h(x.year ?? "(year unknown)")}${
          x.doi ? ` doi:${h(x.doi)}` : ""
        }${x.url ? ` ${h(x.url)}` : ""}</li>`,
    )
    .join("\n");
  return page(
    r.title,
    `<p><a href="index.html">Back to the evidence pack</a></p>
<h1>${h(r.title)}</h1><p>${h(r.summary)}</p>
<p>Revision ${r.number}, content SHA-256 <code>${h(r.contentHash)}</code>.</p>
${r.bodyHtml}
<h2>References</h2><ol>${refs}</ol>`,
  );
}

function renderDeclarations(pack: EvidencePack): string {
  const d = pack.disclosure;
  const funding = d.funding;
  const fundingText = !funding
    ? `<p class="bad" data-testid="funding-not-recorded">Not recorded: no one stated the article's funding and sponsorship${
        d.fundingAsPublished ? " before this revision was published" : ""
      }.</p>`
    : funding.none
      ? "<p>None: no external funding or sponsorship.</p>"
      : `<ul>${funding.sources
          .map(
            (f) =>
              `<li>${f.relation === "funder" ? "Funder" : "Sponsor"}: ${h(f.name)}${f.detail ? ` (${h(f.detail)})` : ""}</li>`,
          )
          .join("")}</ul>`;
  const people = d.declarations
    .map((p) => {
      const decl = p.declaration;
      const declared = !decl
        ? `<td colspan="3" class="bad">No declaration in force</td>`
        : `<td>${h(iso(decl.createdAt))}</td><td>${
            decl.kinds.length ? h(decl.kinds.map((k) => INTEREST_KIND_LABELS[k]).join("; ")) : "Nothing to declare"
          }${decl.organisations.length ? `<br>Organisations: ${h(decl.organisations.join(", "))}` : ""}</td><td>${h(
            decl.statement,
          )}</td>`;
      const onArticle = p.articleInterests.length
        ? p.articleInterests.map((i) => `${h(iso(i.createdAt))}: ${h(i.statement)}`).join("<br>")
        : "—";
      return `<tr><td>${h(p.name)}</td><td>${h(p.roles.join(", "))}</td>${declared}<td>${onArticle}</td></tr>`;
    })
    .join("\n");
  const overrides = d.conflictOverrides.length
    ? `<ul>${d.conflictOverrides
        .map(
          (o) =>
            `<li>${h(iso(o.createdAt))}: ${h(o.by.name)} allowed ${h(o.reviewer.name)} to approve despite a conflict. Reason: ${h(o.reason)}</li>`,
        )
        .join("")}</ul>`
    : "<p>None: no editor overrode a conflict of interest on this revision.</p>";
  const lay = d.layReviews.length
    ? `<table><thead><tr><th>Answered</th><th>${h(LAY_QUESTIONS.understandable)}</th><th>${h(
        LAY_QUESTIONS.readingEase,
      )}</th><th>${h(LAY_QUESTIONS.missing)}</th><th>${h(LAY_QUESTIONS.worrying)}</th><th>Lived experience</th><th>Comments</th></tr></thead>
<tbody>${d.layReviews
        .map(
          (l) =>
            `<tr><td>${h(iso(l.createdAt))}</td><td>${h(label(UNDERSTANDABLE_LABELS, l.understandable))}</td><td>${h(
              label(READING_EASE_LABELS, l.readingEase),
            )}</td><td>${h(l.missing) || "—"}</td><td>${h(l.worrying) || "—"}</td><td>${
              l.livedExperience ? "yes" : "no"
            }</td><td>${h(l.comments) || "—"}</td></tr>`,
        )
        .join("\n")}</tbody></table>`
    : `<p class="bad" data-testid="lay-reviews-none">None recorded: no lay reader reviewed this content.</p>`;
  return page(
    `Declarations: ${pack.article.title}`,
    `<p><a href="index.html">Back to the evidence pack</a></p>
<h1>Declarations of interest, funding and lay reviews</h1>
<h2 id="funding">Funding and sponsorship</h2>
<p>${d.fundingAsPublished ? "As stated on the page when this revision was published." : "As recorded on the article now (this revision was not published with a statement)."}</p>
${fundingText}
<h2 id="declarations">Declarations of interest in force at ${d.atApproval ? "approval" : "the time of this pack (the revision is not approved)"}</h2>
<p>The writers and approving reviewers, with the declaration each had in force on ${h(iso(d.declarationsAt))}.</p>
${
  d.declarations.length
    ? `<table data-testid="declarations-in-force"><thead><tr><th>Person</th><th>Named as</th><th>Declared</th><th>Interests</th><th>Statement</th><th>Conflict declared on this article</th></tr></thead>
<tbody>${people}</tbody></table>`
    : "<p>No writer or approving reviewer is recorded.</p>"
}
<h2 id="overrides">Conflict overrides</h2>
${overrides}
<h2 id="lay-reviews">Lay reviews of this content</h2>
<p>Recorded against content SHA-256 <code>${h(pack.revision.contentHash)}</code>. Lay readers' identities are not kept in the pack.</p>
${lay}`,
  );
}

function label(labels: Record<string, string>, value: string): string {
  return labels[value] ?? value;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((x, y) => x - y);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : Math.round((s[m - 1] + s[m]) / 2);
}

function safeParse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}
