// Import an article from HTML or Markdown: multipart form with `source` (pasted text) or `file` (upload),
// optional `title`, `conditionName`, `format`. A route handler rather than a server action because publisher
// pages can exceed the server actions' 1 MB body limit. Answers JSON for the studio's script, or a 303
// redirect for a plain form post (works without JavaScript).
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { MAX_IMPORT_BYTES } from "@/lib/import/html-to-document";
import { importArticle } from "@/lib/import/import-article";
import { getActor } from "@/app/_server/session";
import { assertSameOrigin, jsonError } from "@/app/_server/route";
import { readFormBody } from "@/lib/http/read-body";
import { assertCan } from "@/lib/auth/policy";

export async function POST(request: Request) {
  const wantsHtml = (request.headers.get("accept") ?? "").includes("text/html");
  try {
    assertSameOrigin(request);
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    assertCan(actor, "article.create", "create articles");
    // The file may be MAX_IMPORT_BYTES; the other fields and multipart framing get a little room on top.
    const form = await readFormBody(request, MAX_IMPORT_BYTES + 64 * 1024).catch((err: unknown) => {
      if (isAppError(err) && err.code === "PAYLOAD_TOO_LARGE")
        throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`, {
          fieldErrors: { file: ["The file is too large to import."] },
        });
      if (isAppError(err)) throw new AppError(err.code, "Send the article as a form (paste or file).");
      throw err;
    });
    const file = form.get("file");
    const pasted = String(form.get("source") ?? "");
    let source = pasted;
    let format = String(form.get("format") || "auto");
    if (file && typeof file !== "string" && file.size > 0) {
      if (file.size > MAX_IMPORT_BYTES)
        throw new AppError("PAYLOAD_TOO_LARGE", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`, {
          fieldErrors: { file: ["The file is too large to import."] },
        });
      source = await file.text();
      if (format === "auto")
        format = /\.(md|markdown|txt)$/i.test(file.name) ? "markdown" : /\.html?$/i.test(file.name) ? "html" : "auto";
    }
    const result = await importArticle(db, actor, {
      source,
      format: format as "auto",
      title: String(form.get("title") ?? ""),
      conditionName: String(form.get("conditionName") ?? ""),
    });
    const editUrl = `/studio/articles/${result.article.id}/edit`;
    if (wantsHtml)
      return NextResponse.redirect(
        new URL(
          `${editUrl}?imported=${result.referenceCount}&needDetails=${result.summary.needDetails}&linked=${result.summary.citationsLinked}`,
          request.url,
        ),
        303,
      );
    return NextResponse.json(
      {
        id: result.article.id,
        editUrl,
        warnings: result.warnings,
        referenceCount: result.referenceCount,
        images: result.images,
        summary: result.summary,
      },
      { status: 201 },
    );
  } catch (err) {
    if (wantsHtml) {
      const message = isAppError(err) ? err.message : "The import failed. Please try again.";
      return NextResponse.redirect(
        new URL(`/studio/articles/import?error=${encodeURIComponent(message)}`, request.url),
        303,
      );
    }
    return jsonError(err, "route article.import");
  }
}
