"use client";
// Opens the editor with live co-editing when the co-editing server can be reached, else with autosave (and
// says why). Joining takes a moment: a progress line shows meanwhile.
import { useEffect, useState, type ReactNode } from "react";
import type { EditorState } from "@/lib/drafts/load-editor-state";
import { ArticleEditor } from "./article-editor";
import { CollabSession } from "./collaboration";

export function CollaborativeEditor({ initial, settings }: { initial: EditorState; settings?: ReactNode }) {
  const [joined, setJoined] = useState<{ session: CollabSession | null; reason: string } | null>(null);
  useEffect(() => {
    if (!initial.canEdit) return;
    let cancelled = false;
    let session: CollabSession | null = null;
    void CollabSession.join(initial.article.id, initial.draft.version).then((r) => {
      session = r.session;
      if (cancelled) session?.end("");
      else setJoined(r);
    });
    return () => {
      cancelled = true;
      session?.end("");
    };
  }, [initial.article.id, initial.draft.version, initial.canEdit]);

  if (!initial.canEdit) return <ArticleEditor initial={initial} />;
  if (!joined)
    return (
      <p className="field-hint" role="status" aria-busy="true" data-testid="collab-joining">
        Opening the editor…
      </p>
    );
  return (
    <ArticleEditor
      initial={initial}
      settings={settings}
      collab={joined.session}
      collabNotice={joined.session || !joined.reason ? null : `${joined.reason} Your changes are saved by autosave.`}
    />
  );
}
