// Once the plagiarism index is complete again (the rebuild job finished), every revision whose latest report
// was made against the incomplete index is checked again, so the gate and the report page show a full check
// without anyone having to ask for it. Each check is its own transaction, like a check after a submission.
import type { Db } from "../db/client";
import { checkRevisionPlagiarism } from "./check-revision";

export async function recheckIncompleteReports(db: Db): Promise<number> {
  const flagged = await db.plagiarismReport.findMany({
    where: { parametersJson: { contains: '"indexComplete":false' } },
    select: { revisionId: true },
    distinct: ["revisionId"],
  });
  let rechecked = 0;
  for (const { revisionId } of flagged) {
    const latest = await db.plagiarismReport.findFirst({
      where: { revisionId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { parametersJson: true },
    });
    if (!latest?.parametersJson.includes('"indexComplete":false')) continue; // checked again meanwhile
    await db.$transaction((tx) => checkRevisionPlagiarism(tx, revisionId), { timeout: 120_000 });
    rechecked++;
  }
  return rechecked;
}
