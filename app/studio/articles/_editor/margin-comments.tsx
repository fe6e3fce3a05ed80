"use client";
// The reviewers' open comments in the writer's editor (lib/review/list-margin-threads.ts): each beside the block it
// was written on (a margin column on wide screens, under the block on phones), with Reply and Resolve (checked
// and audited on the server); a resolved comment leaves the margin and stays in the review history. Comments
// whose text was deleted, and comments on the whole revision, are listed above the text.
//
// The threads are rendered here, after the editable text (so Tab goes from the text to each comment in order,
// and the text box holds no buttons); margin-anchors.ts marks where each group sits in the text, and a layout
// pass places the cards there: beside the block, pushed down so none overlaps the one above; on a phone in a
// gap the widget opens under the block.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { Editor } from "@tiptap/react";
import type { MarginThread } from "@/lib/review/list-margin-threads";
import { anchorComments, blockSignature, type AnchorPlace } from "@/lib/review/anchor-comments";
import type { BlockNode } from "@/lib/content/document-schema";
import { api, errorText } from "@/components/studio/json-api";
import { MARGIN_GROUP_ATTR, setMarginGroups, type MarginGroup } from "./margin-anchors";

/** Wide enough for a margin column beside the text (the editor's two-column layout, editor.css). */
const WIDE = "(min-width: 64rem)";
const GAP_PX = 8;
/** How often the open editor looks for comments added since (one small indexed query). */
const REFRESH_MS = 15_000;

async function fetchThreads(articleId: string): Promise<MarginThread[] | null> {
  try {
    const r = await api<{ threads: MarginThread[] }>(`/api/studio/articles/${articleId}/comments`, "GET");
    return r.ok ? r.body.threads : null;
  } catch {
    return null;
  }
}

function currentSignatures(editor: Editor): string[] {
  return (editor.getJSON().content ?? []).map((block) => blockSignature(block as BlockNode));
}

/** Places each card group: beside its block (wide) or in the gap under it (phone). */
function layoutMargin(surface: HTMLElement, column: HTMLElement) {
  const wide = window.matchMedia(WIDE).matches;
  const origin = surface.getBoundingClientRect().top;
  let bottom = 0;
  for (const card of column.querySelectorAll<HTMLElement>(`[${MARGIN_GROUP_ATTR}]`)) {
    const gap = surface.querySelector<HTMLElement>(
      `.margin-gap[${MARGIN_GROUP_ATTR}="${card.getAttribute(MARGIN_GROUP_ATTR)}"]`,
    );
    if (!gap) {
      card.style.visibility = "hidden";
      continue;
    }
    card.style.visibility = "";
    let top: number;
    if (wide) {
      gap.style.height = "0px";
      const block = gap.previousElementSibling ?? gap;
      top = Math.max(block.getBoundingClientRect().top - origin, bottom + GAP_PX);
    } else {
      gap.style.height = `${card.offsetHeight + 2 * GAP_PX}px`;
      top = gap.getBoundingClientRect().top - origin + GAP_PX;
    }
    card.style.top = `${Math.round(top)}px`;
    bottom = top + card.offsetHeight;
  }
  surface.style.minHeight = wide && bottom ? `${Math.ceil(bottom + 2 * GAP_PX)}px` : "";
}

export function MarginComments({
  articleId,
  editor,
  children,
}: {
  articleId: string;
  editor: Editor | null;
  /** The editable text. */
  children: ReactNode;
}) {
  const [threads, setThreads] = useState<MarginThread[]>([]);
  const [places, setPlaces] = useState<Map<string, AnchorPlace>>(new Map());
  const [replying, setReplying] = useState<Record<string, string | undefined>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [notice, setNotice] = useState("");
  const surfaceRef = useRef<HTMLDivElement>(null);
  const columnRef = useRef<HTMLDivElement>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  const reload = useCallback(async () => {
    const list = await fetchThreads(articleId);
    if (list) setThreads(list);
  }, [articleId]);
  useEffect(() => {
    let cancelled = false;
    void fetchThreads(articleId).then((list) => {
      if (list && !cancelled) setThreads(list);
    });
    return () => {
      cancelled = true;
    };
  }, [articleId]);

  // A reviewer may comment while the writer has the editor open: look again every REFRESH_MS while the tab is
  // shown, and at once when it is shown again. Not while an answer is being written or sent (the thread could
  // leave the margin under the person's typing), and the cards change only when the threads did.
  const quiet = useRef(true);
  const shown = useRef<MarginThread[]>([]);
  useEffect(() => {
    quiet.current = busy === null && Object.values(replying).every((v) => v === undefined);
    shown.current = threads;
  }, [busy, replying, threads]);
  useEffect(() => {
    let cancelled = false;
    const refresh = async () => {
      if (document.visibilityState !== "visible" || !quiet.current) return;
      const list = await fetchThreads(articleId);
      if (!list || cancelled || !quiet.current) return;
      if (JSON.stringify(list) === JSON.stringify(shown.current)) return;
      const known = new Set(shown.current.flatMap((t) => [t.id, ...t.replies.map((r) => r.id)]));
      const added = list.filter((t) => !known.has(t.id));
      const answers = list.flatMap((t) => t.replies.filter((r) => !known.has(r.id)));
      if (added.length === 1) setNotice(`New comment from ${added[0].authorName}.`);
      else if (added.length > 1) setNotice(`${added.length} new reviewer comments.`);
      else if (answers.length === 1) setNotice(`New answer from ${answers[0].authorName}.`);
      else if (answers.length > 1) setNotice(`${answers.length} new answers.`);
      setThreads(list);
    };
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    const onVisible = () => void refresh();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      cancelled = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [articleId]);

  // Where each thread belongs in the text as it is now: again a moment after the text changes.
  useEffect(() => {
    if (!editor || !threads.length) return;
    const anchors = threads.map((t) => ({ id: t.id, blockIndex: t.blockIndex, signature: t.signature }));
    const place = () => setPlaces(anchorComments(anchors, currentSignatures(editor)));
    let timer: ReturnType<typeof setTimeout> | null = setTimeout(place, 0);
    // Every change of the text counts, the shared document's (co-editing) included.
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (!transaction.docChanged) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(place, 400);
    };
    editor.on("transaction", onTransaction);
    return () => {
      if (timer) clearTimeout(timer);
      editor.off("transaction", onTransaction);
    };
  }, [editor, threads]);

  const { groups, orphans, general } = useMemo(() => {
    const byBlock = new Map<number, MarginThread[]>();
    const orphans: MarginThread[] = [];
    const general: MarginThread[] = [];
    for (const t of threads) {
      const p = places.get(t.id);
      if (p === undefined) continue;
      if (p === "gone") orphans.push(t);
      else if (p === "general") general.push(t);
      else byBlock.set(p, [...(byBlock.get(p) ?? []), t]);
    }
    const groups = [...byBlock.entries()]
      .sort(([a], [b]) => a - b)
      .map(([blockIndex, list]) => ({ blockIndex, key: list.map((t) => t.id).join("-"), threads: list }));
    return { groups, orphans, general };
  }, [threads, places]);

  // Lay the cards out after each render, and whenever the text, the cards or the window change size.
  const layout = useCallback(() => {
    if (surfaceRef.current && columnRef.current) layoutMargin(surfaceRef.current, columnRef.current);
    else if (surfaceRef.current) surfaceRef.current.style.minHeight = "";
  }, []);
  useLayoutEffect(layout);

  // Mark the groups' places in the text (view-only), whenever the grouping changes.
  const groupsKey = groups.map((g) => `${g.blockIndex}:${g.key}`).join(",");
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const marks: MarginGroup[] = groupsKey
      ? groupsKey.split(",").map((s) => {
          const [index, key] = s.split(":");
          return { blockIndex: Number(index), key };
        })
      : [];
    editor.view.dispatch(setMarginGroups(editor.state.tr, marks));
    // The gaps are in the text now: place the cards at them.
    layout();
  }, [editor, groupsKey, layout]);

  useEffect(() => {
    if (!editor || typeof ResizeObserver === "undefined") return;
    let frame = 0;
    const soon = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(layout);
    };
    const observer = new ResizeObserver(soon);
    observer.observe(editor.view.dom);
    if (columnRef.current) observer.observe(columnRef.current);
    for (const card of columnRef.current?.children ?? []) observer.observe(card);
    window.addEventListener("resize", soon);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener("resize", soon);
    };
  }, [editor, layout, groupsKey]);

  async function send(t: MarginThread, body: { action: "reply"; body: string } | { action: "resolve" }) {
    setBusy(t.id);
    setErrors((e) => ({ ...e, [t.id]: undefined }));
    try {
      const r = await api(`/api/studio/articles/${articleId}/comments/${t.id}`, "POST", body);
      if (!r.ok) {
        const fallback = body.action === "reply" ? "The answer was not sent." : "The comment was not resolved.";
        setErrors((e) => ({ ...e, [t.id]: errorText(r.body.error, ["body"], fallback) }));
        return;
      }
      if (body.action === "reply") {
        setReplying((x) => ({ ...x, [t.id]: undefined }));
        setNotice(`Answer sent to ${t.authorName}.`);
      } else {
        setNotice(`Resolved ${t.authorName}’s comment: it leaves the margin and stays in the review history.`);
        noticeRef.current?.focus();
      }
      await reload();
    } catch {
      setErrors((e) => ({ ...e, [t.id]: "The server could not be reached. Your answer is still here; try again." }));
    } finally {
      setBusy(null);
    }
  }

  const card = (t: MarginThread, showQuote: boolean) => {
    const draft = replying[t.id];
    const id = `margin-${t.id}`;
    return (
      <article key={t.id} className="margin-thread" aria-labelledby={`${id}-by`} data-testid="margin-thread">
        <p className="comment-meta" id={`${id}-by`}>
          <strong>{t.authorName}</strong> · revision {t.revisionNumber}
        </p>
        {showQuote && t.quote && <blockquote className="comment-quote">{t.quote}</blockquote>}
        <p className="comment-body">{t.body}</p>
        {t.replies.map((r) => (
          <div key={r.id} className="reply">
            <p className="comment-meta">
              <strong>{r.authorName}</strong>
            </p>
            <p className="comment-body">{r.body}</p>
          </div>
        ))}
        {draft !== undefined ? (
          <form
            className="margin-reply"
            onSubmit={(e) => {
              e.preventDefault();
              void send(t, { action: "reply", body: draft });
            }}
          >
            <label htmlFor={`${id}-reply`}>Your answer to {t.authorName}</label>
            <textarea
              id={`${id}-reply`}
              rows={3}
              value={draft}
              maxLength={5000}
              autoFocus
              aria-invalid={errors[t.id] ? true : undefined}
              aria-describedby={errors[t.id] ? `${id}-error` : undefined}
              onChange={(e) => setReplying((x) => ({ ...x, [t.id]: e.target.value }))}
              onKeyDown={(e) => {
                if (e.key === "Escape") setReplying((x) => ({ ...x, [t.id]: undefined }));
              }}
            />
            <div className="row">
              <button type="submit" className="small" disabled={busy === t.id}>
                {busy === t.id ? "Sending…" : "Send answer"}
              </button>
              <button
                type="button"
                className="secondary small"
                onClick={() => setReplying((x) => ({ ...x, [t.id]: undefined }))}
              >
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <div className="row">
            {t.may.reply && (
              <button
                type="button"
                className="secondary small"
                aria-label={`Reply to ${t.authorName}`}
                onClick={() => setReplying((x) => ({ ...x, [t.id]: "" }))}
              >
                Reply
              </button>
            )}
            {t.may.resolve && (
              <button
                type="button"
                className="small"
                disabled={busy === t.id}
                aria-label={`Resolve ${t.authorName}’s comment`}
                onClick={() => void send(t, { action: "resolve" })}
              >
                Resolve
              </button>
            )}
          </div>
        )}
        {errors[t.id] && (
          <p className="field-error" id={`${id}-error`} role="alert">
            {errors[t.id]}
          </p>
        )}
      </article>
    );
  };

  const open = threads.length;
  const beside = groups.reduce((n, g) => n + g.threads.length, 0);
  const where = [
    beside && `${beside} beside the text`,
    orphans.length && `${orphans.length} on text that no longer exists`,
    general.length && `${general.length} on the whole article`,
  ].filter(Boolean);
  return (
    <>
      <p ref={noticeRef} tabIndex={-1} className="margin-notice field-hint" role="status" data-testid="margin-notice">
        {notice ||
          (open && where.length
            ? `${open} open reviewer comment${open === 1 ? "" : "s"} (${where.join(", ")}): answer or resolve each one.`
            : "")}
      </p>
      {orphans.length > 0 && (
        <section className="panel margin-list" aria-labelledby="margin-gone-heading" data-testid="margin-gone">
          <h2 id="margin-gone-heading">Comments on text that no longer exists ({orphans.length})</h2>
          <p className="field-hint">The text each was written on has been deleted or rewritten since.</p>
          {orphans.map((t) => card(t, true))}
        </section>
      )}
      {general.length > 0 && (
        // Folded: the text stays on the first screen; the summary says how many there are.
        <details className="panel margin-list" data-testid="margin-general">
          <summary>
            <h2>Comments on the whole article ({general.length})</h2>
          </summary>
          {general.map((t) => card(t, false))}
        </details>
      )}
      <div className={`editor-surface${groups.length ? " has-margin" : ""}`} ref={surfaceRef}>
        {children}
        {groups.length > 0 && (
          <div className="margin-column" ref={columnRef} role="region" aria-label="Reviewer comments beside the text">
            {groups.map((g) => (
              <div key={g.key} className="margin-group" {...{ [MARGIN_GROUP_ATTR]: g.key }}>
                {g.threads.map((t) => card(t, false))}
              </div>
            ))}
          </div>
        )}
      </div>
    </>
  );
}
