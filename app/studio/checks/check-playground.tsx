"use client";

import { useMemo, useRef, useState } from "react";
import { ContentCheckPanel } from "@/components/checks/content-check-panel";
import type { Finding } from "@/lib/checks/types";

/** Plain lines → a Tiptap-shaped document, remembering which line each top-level block came from. */
function toDocument(text: string) {
  const content: object[] = [];
  const lineOfBlock: number[] = [];
  const lines = text.split("\n");
  let list: { type: string; content: object[] } | null = null;
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (/^-\s+/.test(line)) {
      if (!list) {
        list = { type: "bulletList", content: [] };
        content.push(list);
        lineOfBlock.push(i);
      }
      list.content.push({
        type: "listItem",
        content: [{ type: "paragraph", content: [{ type: "text", text: line.replace(/^-\s+/, "") }] }],
      });
      return;
    }
    list = null;
    if (!line.trim()) return;
    const heading = /^##+\s+(.*)$/.exec(line);
    content.push(
      heading
        ? { type: "heading", attrs: { level: 2 }, content: heading[1] ? [{ type: "text", text: heading[1] }] : [] }
        : { type: "paragraph", content: [{ type: "text", text: line }] },
    );
    lineOfBlock.push(i);
  });
  return { doc: { type: "doc", content }, lineOfBlock };
}

export function CheckPlayground({ canAddWords = false }: { canAddWords?: boolean }) {
  const [title, setTitle] = useState("");
  const [summary, setSummary] = useState("");
  const [body, setBody] = useState("");
  const area = useRef<HTMLTextAreaElement>(null);
  const { doc, lineOfBlock } = useMemo(() => toDocument(body), [body]);
  const content = useMemo(
    () => ({ title, summary, conditionName: "", body: doc, references: [] }),
    [title, summary, doc],
  );

  // "Go to this place": select the line the finding's block came from.
  const jump = (f: Finding) => {
    const el = area.current;
    const block = f.location.blockIndex;
    if (!el || block === undefined) return;
    const line = lineOfBlock[block];
    const lines = body.split("\n");
    const start = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
    el.focus();
    el.setSelectionRange(start, start + (lines[line]?.length ?? 0));
  };

  return (
    <div className="check-playground">
      <div className="panel">
        <label htmlFor="check-title">Title</label>
        <input id="check-title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
        <label htmlFor="check-summary">Summary</label>
        <textarea id="check-summary" rows={2} value={summary} onChange={(e) => setSummary(e.target.value)} />
        <label htmlFor="check-body">Text</label>
        <textarea id="check-body" ref={area} rows={16} value={body} onChange={(e) => setBody(e.target.value)} />
      </div>
      <div className="panel">
        <ContentCheckPanel content={content} onJump={jump} debounceMs={600} canAddWords={canAddWords} />
      </div>
    </div>
  );
}
