// The standards report (lib/standards): for the chosen standard, each criterion with how many live articles have
// the evidence and why the others do not, then each article with the criteria it is missing. A plain GET form
// chooses the standard, so the page works without JavaScript.
import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { requirePermission } from "@/app/_server/session";
import { TableScroll } from "@/components/studio/table-scroll";
import { buildStandardsReport } from "@/lib/standards/build-standards-report";
import { findStandard, STANDARD_MAPPINGS } from "@/lib/standards/standard-mappings";

export const metadata: Metadata = { title: "Standards report" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StandardsPage({ searchParams }: Props) {
  const actor = await requirePermission("evidence.read", "/studio/standards");
  const raw = (await searchParams).standard;
  const standard = findStandard(typeof raw === "string" ? raw : undefined);
  const report = await buildStandardsReport(db, actor, standard);
  const byId = new Map(standard.criteria.map((c) => [c.id, c]));

  return (
    <>
      <h1>Standards report</h1>
      <form method="get" className="standards-choose" aria-label="Choose a standard">
        <label htmlFor="standard">Standard</label>{" "}
        <select id="standard" name="standard" defaultValue={standard.id}>
          {STANDARD_MAPPINGS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>{" "}
        <button type="submit">Show</button>
      </form>
      <p>
        {report.articles.length} live article{report.articles.length === 1 ? "" : "s"} checked against{" "}
        <a href={standard.source}>{standard.name}</a>. {standard.note} The criteria and the checks they map to are kept
        in <code>lib/standards/mappings/{standard.id}</code>.
      </p>
      <p className={report.chain.ok ? "notice ok" : "notice error"} data-testid="standards-chain">
        {report.chain.ok
          ? `Audit log: the chain verifies (${report.chain.checked} events).`
          : `Audit log: the chain does not verify at event #${report.chain.firstBroken?.id}.`}
      </p>

      <section className="panel" aria-labelledby="site-wide-heading">
        <h2 id="site-wide-heading">Site-wide</h2>
        <TableScroll label="Criteria, site-wide">
          <table data-testid="standards-site-wide">
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                <th scope="col">With evidence</th>
                <th scope="col">Without</th>
                <th scope="col">Why not (most common)</th>
              </tr>
            </thead>
            <tbody>
              {report.siteWide.map((c) => (
                <tr key={c.criterion.id} data-criterion={c.criterion.id}>
                  <th scope="row">
                    {c.criterion.title}
                    <br />
                    <span className="field-hint">{c.criterion.summary}</span>
                  </th>
                  {c.outside ? (
                    <td colSpan={3}>Evidenced outside Imprimatur (organisation records).</td>
                  ) : (
                    <>
                      <td>{c.withEvidence}</td>
                      <td>{c.without}</td>
                      <td>
                        {c.topReasons.length ? (
                          <ul>
                            {c.topReasons.map((r) => (
                              <li key={r.reason}>
                                {r.reason} ({r.count})
                              </li>
                            ))}
                          </ul>
                        ) : (
                          "—"
                        )}
                      </td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>

      <section className="panel" aria-labelledby="per-article-heading">
        <h2 id="per-article-heading">Per article</h2>
        {report.articles.length === 0 ? (
          <p className="empty">No live articles yet.</p>
        ) : (
          <ul className="standards-articles" data-testid="standards-articles">
            {report.articles.map((a) => (
              <li key={a.articleId} data-slug={a.slug}>
                <h3>
                  <Link href={`/studio/articles/${a.articleId}/publish`}>{a.title}</Link>
                </h3>
                <p>
                  {a.missing === 0
                    ? "Every mapped criterion has its evidence."
                    : `${a.missing} criterion${a.missing === 1 ? "" : "s"} without evidence:`}{" "}
                  <a href={`/api/studio/articles/${a.articleId}/evidence-pack`} download>
                    Evidence pack
                  </a>
                </p>
                <ul>
                  {a.criteria
                    .filter((c) => !c.outside && !c.ok)
                    .map((c) => (
                      <li key={c.criterionId} data-testid="missing-criterion">
                        <strong>{byId.get(c.criterionId)?.title}</strong>:{" "}
                        {c.reasons.map((r) => `${r.label} — ${r.reason}`).join(" ")}
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
