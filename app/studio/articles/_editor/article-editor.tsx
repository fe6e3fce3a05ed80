"use client";
// The writer's editor: title/summary/condition fields, the Tiptap body with toolbar and shortcuts, word
// count, autosave with a visible state, offline backup, the conflict view, and the reference manager.
// Domain rules live on the server (lib/drafts, lib/references); this component only keeps the person's
// text safe and shows what the server said.
import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useHydrated } from "@/components/ui/use-hydrated";
import { EditorContent, useEditor, type Editor, type JSONContent } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { Extension } from "@tiptap/core";
import { isSafeHttpUrl } from "@/lib/content/document-schema";
import { countWords } from "@/lib/content/text";
import { renderDocument } from "@/lib/content/render";
import { toReferenceSnapshot } from "@/lib/content/reference-snapshot";
import {
  discardedKey,
  readBackup,
  sameContent,
  backupKey,
  type AutosaveState,
  type DraftContent,
  type ServerDraft,
} from "@/lib/drafts/autosave-controller";
import type { EditorReference, EditorState } from "@/lib/drafts/load-editor-state";
import { Citation, citationNumbers, REFRESH_CITATIONS, type CitationStorage } from "./citation";
import { Toolbar, openLinkForm } from "./toolbar";
import { ACCEPT_IMAGES, MediaImage, setMediaImageState, uploadImageFile, type MediaImageStorage } from "./image";
import { ImagesPanel } from "./images-panel";
import { SuggestionsPanel } from "./suggestions-panel";
import { ReferencePanel, type ReferenceHandoff } from "./reference-panel";
import { CitePicker } from "./cite-picker";
import { MarginAnchors } from "./margin-anchors";
import { MarginComments } from "./margin-comments";
import { useAutosave } from "./use-autosave";
import { useCheckpoint } from "./use-checkpoint";
import { BODY_STARTER_KIT_OPTIONS } from "./body-schema";
import { collaborationCaret, type Collaborator, type CollabSession } from "./collaboration";
import { sharedBodyExtensions } from "@/lib/collab/shared-body-extensions";
import { ContentCheckPanel, type CheckableDraft } from "@/components/checks/content-check-panel";
import { jumpToFinding } from "@/components/checks/jump-to-finding";
import type { MediaRecord } from "@/components/media/image-details-form";
import type { Finding } from "@/lib/checks/types";
import { imageProblems } from "@/lib/media/image-problems";
import { announceDraftSaved, registerPendingEdits } from "@/components/studio/draft-events";

// Memoised so that the editor's own re-renders (save state changes) do not re-serialise a long draft.
const CheckPanel = memo(ContentCheckPanel);

function formatTime(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ""
    : d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}

function statusText(s: AutosaveState): string {
  switch (s.kind) {
    case "saved":
      return s.at ? `Saved at ${formatTime(s.at)}` : "All changes saved";
    case "dirty":
      return "Unsaved changes";
    case "saving":
      return "Saving…";
    case "retrying":
      return s.message;
    case "offline":
      return "Offline — your changes are kept on this device and will be sent when you are back online";
    case "conflict":
      return "Not saved — this draft was changed elsewhere";
    case "error":
      return s.message;
  }
}

const statusClass = (s: AutosaveState) =>
  s.kind === "saved"
    ? "ok"
    : s.kind === "dirty" || s.kind === "saving"
      ? "info"
      : s.kind === "offline"
        ? "warn"
        : "bad";

export function ArticleEditor({
  initial,
  collab = null,
  collabNotice = null,
  settings = null,
}: {
  initial: EditorState;
  /** The article's settings (address, alternative names, audience, citation style): a folded panel beside the
   *  text on wide screens, above it (folded) on narrow ones, so the title and body start on the first screen. */
  settings?: ReactNode;
  /** A joined co-editing session: the body and fields are shared, and the server saves. */
  collab?: CollabSession | null;
  /** Why co-editing is not on (shown once), when it was tried and is not. */
  collabNotice?: string | null;
}) {
  const articleId = initial.article.id;
  // While the session is live the co-editing server saves; when it ends, autosave takes over for good.
  const [collabLive, setCollabLive] = useState(!!collab?.live);
  const collabLiveRef = useRef(collabLive);
  collabLiveRef.current = collabLive;
  const [peers, setPeers] = useState<Collaborator[]>([]);
  const [title, setTitle] = useState(initial.draft.title);
  const [summary, setSummary] = useState(initial.draft.summary);
  const [conditionName, setConditionName] = useState(initial.draft.conditionName);
  const [references, setReferences] = useState<EditorReference[]>(initial.references);
  const [saveState, setSaveState] = useState<AutosaveState>({ kind: "saved", at: initial.draft.updatedAt });
  const mounted = useHydrated();
  const [words, setWords] = useState<number | null>(null);
  const [numbers, setNumbers] = useState<Map<string, number>>(new Map());
  const [notice, setNotice] = useState<string | null>(collabNotice);
  const [discarded, setDiscarded] = useState<DraftContent | null>(null);
  const fields = useRef({ title, summary, conditionName });
  fields.current = { title, summary, conditionName };
  const editorRef = useRef<Editor | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const infoTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The content-check panel gets a snapshot of the draft, refreshed with the word count: never per keystroke.
  const [checkContent, setCheckContent] = useState<Omit<CheckableDraft, "references"> | null>(null);
  // Images placed in the body (in document order) and the upload in progress.
  const [mediaIds, setMediaIds] = useState<string[]>([]);
  const [openImage, setOpenImage] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState("");
  // The placed images' records, as the Images panel last polled or saved them.
  const [mediaRecords, setMediaRecords] = useState<ReadonlyMap<string, MediaRecord>>(new Map());
  const fileInputRef = useRef<HTMLInputElement>(null);
  // The Cite picker (toolbar "Cite", Ctrl/⌘+Alt+R), and a source it hands to the reference form to enter by hand.
  const [citeOpen, setCiteOpen] = useState(false);
  const [referenceHandoff, setReferenceHandoff] = useState<ReferenceHandoff | null>(null);
  const uploadRef = useRef<(files: File[], pos?: number) => void>(() => undefined);

  // Word count and citation numbers are derived from the whole document: computed a moment after typing
  // stops, never inside the keystroke.
  const refreshInfo = useCallback((delay: number) => {
    if (infoTimer.current) clearTimeout(infoTimer.current);
    infoTimer.current = setTimeout(() => {
      const e = editorRef.current;
      if (!e) return;
      setWords(countWords(e.state.doc.textBetween(0, e.state.doc.content.size, "\n", " ")));
      setNumbers(new Map(citationNumbers(e.state)));
      setCheckContent({ ...fields.current, body: e.getJSON() });
      const ids: string[] = [];
      e.state.doc.descendants((node) => {
        if (node.type.name === "image" && node.attrs.mediaId && !ids.includes(node.attrs.mediaId))
          ids.push(node.attrs.mediaId);
        return true;
      });
      setMediaIds((old) => (old.length === ids.length && old.every((x, i) => x === ids[i]) ? old : ids));
    }, delay);
  }, []);

  const editor = useEditor({
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editable: initial.canEdit,
    extensions: [
      StarterKit.configure({
        ...BODY_STARTER_KIT_OPTIONS,
        // The shared document keeps its own history (per person); the editor's would undo others' typing.
        ...(collab ? { undoRedo: false as const } : {}),
        link: {
          openOnClick: false,
          autolink: true,
          defaultProtocol: "https",
          protocols: [],
          isAllowedUri: (url) => isSafeHttpUrl(url),
          shouldAutoLink: (url) => isSafeHttpUrl(url.startsWith("http") ? url : `https://${url}`),
        },
      }),
      Citation,
      MediaImage,
      MarginAnchors,
      ...(collab ? [...sharedBodyExtensions(collab.doc), collaborationCaret(collab)] : []),
      // Mod-K: link form. Mod-Alt-R ("reference"): the Cite picker (Ctrl/⌘+Shift+C is taken by the browsers'
      // element inspector).
      Extension.create({
        name: "editorShortcuts",
        addKeyboardShortcuts: () => ({
          "Mod-k": () => {
            openLinkForm(rootRef.current);
            return true;
          },
          "Mod-Alt-r": () => {
            setCiteOpen(true);
            return true;
          },
        }),
      }),
    ],
    // With co-editing the shared document is the content (the server filled it from the stored draft).
    content: collab ? undefined : initial.draft.bodyJson,
    editorProps: {
      attributes: {
        id: "article-body",
        class: "article-body-editor",
        "aria-label": "Article body",
        "aria-multiline": "true",
        role: "textbox",
        "data-testid": "article-body",
      },
      // Image files dropped on or pasted into the text are uploaded and placed there; anything else is left
      // to the editor (HTML with outside <img> addresses is not turned into images).
      handleDrop: (view, event, _slice, moved) => {
        const files = imageFiles(event.dataTransfer);
        if (moved || !files.length) return false;
        event.preventDefault();
        const pos = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos;
        uploadRef.current(files, pos);
        return true;
      },
      handlePaste: (_view, event) => {
        const files = imageFiles(event.clipboardData);
        if (!files.length) return false;
        event.preventDefault();
        uploadRef.current(files);
        return true;
      },
    },
    onCreate: ({ editor: e }) => {
      editorRef.current = e;
      setCitationTitles(e, initial.references);
      refreshInfo(0);
    },
    onUpdate: () => {
      if (collabLiveRef.current) {
        if (collab && !collab.allStored) setSaveState({ kind: "saving" });
      } else controllerRef.current?.change();
      refreshInfo(300);
    },
  });

  const getContent = useCallback((): DraftContent => {
    const e = editorRef.current;
    return { ...fields.current, body: e ? e.getJSON() : initial.draft.bodyJson };
  }, [initial.draft.bodyJson]);

  // The autosave controller lives as long as the page (use-autosave.ts).
  const controllerRef = useAutosave({
    articleId,
    enabled: initial.canEdit,
    baseVersion: initial.draft.version,
    lastSavedAt: initial.draft.updatedAt,
    getContent,
    onState: setSaveState,
  });

  // Following a link (the Review tab, the studio's navigation) while the last keystrokes wait for autosave:
  // save them first, then go, so the page arrived at (e.g. "Submit for review") sees the text as typed.
  const router = useRouter();
  useEffect(() => {
    if (!initial.canEdit) return;
    const onClick = (event: MouseEvent) => {
      const controller = controllerRef.current;
      if (!controller?.dirty || collabLiveRef.current) return;
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self") || link.download) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) return; // leaving the site: the pagehide backup keeps the text
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      event.preventDefault();
      event.stopPropagation();
      void controller.flush().finally(() => router.push(`${url.pathname}${url.search}${url.hash}`));
    };
    // Capturing on the window runs before Next's <Link> handler (React listens on its root element).
    window.addEventListener("click", onClick, true);
    return () => window.removeEventListener("click", onClick, true);
  }, [controllerRef, initial.canEdit, router]);

  // The workspace header's "Submit" sends what is typed: it asks the editor to store its waiting changes first
  // (autosave's, or the co-editing server's), and re-reads what submitting needs after each save.
  const storeTyped = useCallback(async (): Promise<boolean> => {
    if (collabLiveRef.current && collab) return collab.whenStored();
    const controller = controllerRef.current;
    if (!controller) return true;
    await controller.flush();
    return !controller.dirty;
  }, [collab, controllerRef]);
  useEffect(() => {
    if (!initial.canEdit) return;
    return registerPendingEdits(storeTyped);
  }, [initial.canEdit, storeTyped]);
  const savedAt = saveState.kind === "saved" ? saveState.at : null;
  useEffect(() => {
    if (savedAt) announceDraftSaved(articleId);
  }, [articleId, savedAt]);

  // Co-editing: the fields follow the shared map, "Saved" follows what the server stored, the presence list
  // follows awareness; when the session ends, autosave continues from the last version the server stored.
  useEffect(() => {
    if (!collab) return;
    const sync = () => {
      const f = collab.fields;
      const next = {
        title: String(f.get("title") ?? ""),
        summary: String(f.get("summary") ?? ""),
        conditionName: String(f.get("conditionName") ?? ""),
      };
      fields.current = next;
      setTitle(next.title);
      setSummary(next.summary);
      setConditionName(next.conditionName);
    };
    sync();
    collab.fields.observe(sync);
    const offPeers = collab.onPeers(setPeers);
    const offStored = collab.onStored((at) => setSaveState({ kind: "saved", at }));
    const offEnd = collab.onEnd((reason) => {
      setCollabLive(false);
      setPeers([]);
      setNotice(
        `${reason} Live co-editing has stopped: your changes are saved by autosave as before. Reload the page to edit together again.`,
      );
      const controller = controllerRef.current;
      if (controller) {
        controller.baseVersion = collab.storedVersion;
        controller.change();
      }
    });
    return () => {
      collab.fields.unobserve(sync);
      offPeers();
      offStored();
      offEnd();
    };
  }, [collab, controllerRef]);

  // Once the editor exists: bring back edits that never reached the server (offline, closed tab).
  useEffect(() => {
    if (!editor || !initial.canEdit || collab) return;
    const controller = controllerRef.current;
    if (!controller) return;
    try {
      const raw = localStorage.getItem(discardedKey(articleId));
      // localStorage exists only in the browser, so it can only be read after mount.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      if (raw) setDiscarded((JSON.parse(raw) as { content: DraftContent }).content);
    } catch {
      // ignore unreadable storage
    }
    const backup = readBackup(localStorage, articleId);
    if (!backup) return;
    const server: DraftContent = {
      title: initial.draft.title,
      summary: initial.draft.summary,
      conditionName: initial.draft.conditionName,
      body: initial.draft.bodyJson,
    };
    if (sameContent(backup.content, server)) {
      localStorage.removeItem(backupKey(articleId));
      return;
    }
    if (backup.baseVersion === initial.draft.version) {
      applyContent(editor, backup.content);
      controller.change();
      setNotice("Restored changes from this device that had not reached the server yet; they are being saved now.");
    } else {
      controller.startConflict(backup.content, {
        ...server,
        version: initial.draft.version,
        updatedAt: initial.draft.updatedAt,
        lastEditorName: initial.draft.lastEditorName,
      });
    }
    // Runs once per editor instance.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);

  function applyContent(e: Editor, content: DraftContent) {
    setTitle(content.title);
    setSummary(content.summary);
    setConditionName(content.conditionName);
    fields.current = { title: content.title, summary: content.summary, conditionName: content.conditionName };
    e.commands.setContent(content.body as JSONContent, { emitUpdate: false });
    refreshInfo(0);
  }

  function setCitationTitles(e: Editor, refs: EditorReference[]) {
    const storage = (e.storage as unknown as { citation: CitationStorage }).citation;
    storage.titles = new Map(refs.map((r) => [r.key, r.title]));
    e.view.dispatch(e.state.tr.setMeta(REFRESH_CITATIONS, true).setMeta("addToHistory", false));
    refreshInfo(0);
  }

  const onFieldChange =
    (setter: (v: string) => void, name: "title" | "summary" | "conditionName") => (value: string) => {
      setter(value);
      fields.current = { ...fields.current, [name]: value };
      if (collabLiveRef.current && collab) collab.setField(name, value);
      else controllerRef.current?.change();
      refreshInfo(300);
    };

  const onReferencesChange = (refs: EditorReference[]) => {
    setReferences(refs);
    if (editor) setCitationTitles(editor, refs);
  };

  const cite = (key: string) => {
    if (!editor) return;
    editor
      .chain()
      .focus()
      .insertContent({ type: "citation", attrs: { refKey: key } })
      .run();
  };

  uploadRef.current = async (files: File[], pos?: number) => {
    if (!editor) return;
    setUploadError("");
    setUploading(true);
    try {
      for (const file of files) {
        const result = await uploadImageFile(file);
        if (!result.ok) {
          setUploadError(`${file.name ? `“${file.name}”: ` : ""}${result.message}`);
          continue;
        }
        const node = { type: "image", attrs: { mediaId: result.image.id } };
        const chain = editor.chain().focus();
        if (pos !== undefined) chain.insertContentAt(pos, node).run();
        else chain.insertContent(node).run();
        setOpenImage(result.image.id);
      }
    } finally {
      setUploading(false);
    }
  };

  const removeCitations = (key: string) => {
    if (!editor) return;
    const { state } = editor;
    const tr = state.tr;
    const ranges: Array<[number, number]> = [];
    state.doc.descendants((node, pos) => {
      if (node.type.name === "citation" && node.attrs.refKey === key) ranges.push([pos, pos + node.nodeSize]);
      return node.isBlock || node.type.name === "citation" ? true : false;
    });
    for (const [from, to] of ranges.reverse()) tr.delete(from, to);
    if (ranges.length) editor.view.dispatch(tr);
  };

  // Conflict resolution.
  const keepMine = async () => {
    await controllerRef.current?.keepMine();
  };
  const takeTheirs = () => {
    const c = controllerRef.current;
    if (!c || c.state.kind !== "conflict" || !editor) return;
    const { theirs } = c.state;
    const mine = getContent();
    c.takeTheirs(mine);
    applyContent(editor, theirs);
    setDiscarded(mine);
  };

  // "Keep a checkpoint" (use-checkpoint.ts): stores what is typed, then freezes a revision for the writers.
  const checkpoint = useCheckpoint(articleId, storeTyped);

  const conflict = saveState.kind === "conflict" ? saveState : null;
  const checkDraft = useMemo<CheckableDraft | null>(
    () =>
      checkContent
        ? {
            ...checkContent,
            references: references.map((r) => ({
              key: r.key,
              title: r.title,
              url: r.url,
              doi: r.doi,
              pmid: r.pmid,
              needsDetails: r.needsDetails,
            })),
            audience: initial.article.audience,
          }
        : null,
    [checkContent, references, initial.article.audience],
  );
  const onJump = useCallback((f: Parameters<typeof jumpToFinding>[1]) => {
    if (editorRef.current) jumpToFinding(editorRef.current, f);
  }, []);
  const snapshots = useMemo(() => references.map((r) => toReferenceSnapshot(r)), [references]);

  const onMediaRecord = useCallback((id: string, record: MediaRecord) => {
    setMediaRecords((old) => (old.get(id) === record ? old : new Map(old).set(id, record)));
  }, []);
  // The picture in the text follows its record: "Processing…" turns into the image once the sizes are made.
  useEffect(() => {
    if (!editor) return;
    const storage = (editor.storage as unknown as { image: MediaImageStorage }).image;
    for (const [id, record] of mediaRecords) setMediaImageState(storage, id, record.status);
  }, [editor, mediaRecords]);
  // What the placed images lack, in the publish gate's words, among the Checks panel's findings.
  const imageFindings = useMemo<Finding[]>(() => {
    const records = mediaIds.flatMap((id) => {
      const r = mediaRecords.get(id);
      return r ? [{ ...r, mediaId: id }] : [];
    });
    return imageProblems(records).map((message) => ({
      rule: "images",
      severity: "blocking",
      message,
      location: { field: "body" },
    }));
  }, [mediaIds, mediaRecords]);

  if (!initial.canEdit) return null;

  // The condition name is metadata (the A–Z index of conditions lists the article under it), so it sits with
  // the alternative names in the folded settings, and the title, summary and text start on a phone's first
  // screen. It is still a draft field: saved, co-edited and compared with the title and summary.
  const conditionField = (
    <div className="editor-fields condition-field">
      <label htmlFor="article-condition">Condition name</label>
      <input
        id="article-condition"
        type="text"
        value={conditionName}
        maxLength={200}
        aria-describedby="article-condition-hint"
        onChange={(e) => onFieldChange(setConditionName, "conditionName")(e.target.value)}
      />
      <p id="article-condition-hint" className="field-hint">
        The A–Z index of conditions lists the article under this name (under its title when empty).
      </p>
    </div>
  );

  return (
    <div className={`editor-layout${settings ? " has-settings" : ""}`} ref={rootRef}>
      {settings && (
        <details className="panel editor-settings" data-testid="settings-panel">
          <summary>
            <h2>Settings</h2>
            <span className="field-hint">
              Condition name, address, alternative names, audience, citation style, funding
            </span>
          </summary>
          {conditionField}
          {settings}
        </details>
      )}
      <div className="editor-main">
        <div className="editor-statusbar">
          <p
            role="status"
            aria-live="polite"
            className={`save-state ${statusClass(saveState)}`}
            data-testid="save-state"
            data-state={saveState.kind}
          >
            {mounted ? statusText(saveState) : "All changes saved"}
          </p>
          {collabLive && (
            <div className="collab-presence" data-testid="collab-presence">
              <span className="badge ok">Live co-editing</span>
              {peers.length > 0 && (
                <ul aria-label="Also editing now">
                  {peers.map((p) => (
                    <li key={p.clientId} title={p.name} style={{ backgroundColor: p.color }}>
                      <span aria-hidden="true">
                        {p.name
                          .split(/\s+/)
                          .map((w) => w[0])
                          .slice(0, 2)
                          .join("")
                          .toUpperCase()}
                      </span>
                      <span className="visually-hidden">{p.name}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <p className="word-count" data-testid="word-count" aria-live="off">
            {words === null ? "" : `${words.toLocaleString("en")} word${words === 1 ? "" : "s"}`}
          </p>
        </div>
        {notice && (
          <p className="notice info" role="status">
            {notice}{" "}
            <button type="button" className="link-button" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          </p>
        )}
        {conflict && (
          <ConflictView
            mine={conflict.mine}
            theirs={conflict.theirs}
            references={snapshots}
            onKeepMine={keepMine}
            onTakeTheirs={takeTheirs}
          />
        )}
        {discarded && !conflict && (
          <details className="panel discarded" data-testid="discarded-version">
            <summary>Your earlier version (not kept) — open to copy from it</summary>
            <DocumentPreview content={discarded} references={snapshots} />
            <button
              type="button"
              className="secondary"
              onClick={() => {
                localStorage.removeItem(discardedKey(articleId));
                setDiscarded(null);
              }}
            >
              I no longer need it
            </button>
          </details>
        )}

        <div className="editor-fields">
          <label htmlFor="article-title">Title</label>
          <input
            id="article-title"
            type="text"
            className="title-input"
            value={title}
            maxLength={200}
            onChange={(e) => onFieldChange(setTitle, "title")(e.target.value)}
          />
          <label htmlFor="article-summary">Summary</label>
          <textarea
            id="article-summary"
            value={summary}
            maxLength={1000}
            rows={3}
            onChange={(e) => onFieldChange(setSummary, "summary")(e.target.value)}
            aria-describedby="article-summary-hint"
          />
          <p id="article-summary-hint" className="field-hint">
            One or two sentences shown under the title and in search results.
          </p>
          {!settings && conditionField}
        </div>

        {editor ? (
          <Toolbar
            editor={editor}
            onCite={() => setCiteOpen(true)}
            onImage={() => fileInputRef.current?.click()}
            disabled={!!conflict}
          />
        ) : (
          <p className="field-hint">Loading the editor…</p>
        )}
        {citeOpen && editor && (
          <CitePicker
            articleId={articleId}
            references={references}
            numbers={numbers}
            onCite={(key) => {
              setCiteOpen(false);
              cite(key);
            }}
            onClose={() => {
              setCiteOpen(false);
              editor.commands.focus();
            }}
            onReferencesChange={onReferencesChange}
            onEnterByHand={(identifier, reason) => {
              setCiteOpen(false);
              setReferenceHandoff((old) => ({ identifier, reason, nonce: (old?.nonce ?? 0) + 1 }));
            }}
          />
        )}
        <input
          ref={fileInputRef}
          type="file"
          accept={ACCEPT_IMAGES}
          hidden
          aria-label="Image file to upload"
          data-testid="image-file-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = "";
            if (files.length) uploadRef.current(files);
          }}
        />
        <MarginComments articleId={articleId} editor={editor}>
          <EditorContent editor={editor} />
        </MarginComments>
        <details className="shortcuts">
          <summary>Keyboard shortcuts</summary>
          <ul>
            <li>Bold: Ctrl/⌘+B · Italic: Ctrl/⌘+I · Link: Ctrl/⌘+K</li>
            <li>Headings: Ctrl/⌘+Alt+2, 3, 4 · Paragraph: Ctrl/⌘+Alt+0</li>
            <li>Bulleted list: Ctrl/⌘+Shift+8 · Numbered list: Ctrl/⌘+Shift+7 · Quotation: Ctrl/⌘+Shift+B</li>
            <li>Insert citation: Ctrl/⌘+Alt+R (opens the list of sources; Enter cites at the caret)</li>
            <li>Toolbar: Tab into it, then the arrow keys</li>
          </ul>
        </details>

        {/* A checkpoint, not a submission: Submit is the workspace header's primary action. */}
        <details className="panel revision-box" data-testid="checkpoint-box">
          <summary>
            <h2 id="revision-heading">Keep a checkpoint of this text</h2>
          </summary>
          <p className="field-hint" id="revision-hint">
            A numbered copy of the text and references, only for you and your co-writers: compare with it or restore it
            under History. It is not sent to a reviewer; to do that, use the Submit button at the top.
          </p>
          <label htmlFor="revision-summary">What changed?</label>
          <input
            id="revision-summary"
            type="text"
            value={checkpoint.summary}
            maxLength={500}
            aria-describedby="revision-hint"
            onChange={(e) => checkpoint.setSummary(e.target.value)}
          />
          <div className="row">
            <button type="button" className="secondary" onClick={() => void checkpoint.save()}>
              Save checkpoint
            </button>
            <Link href={`/studio/articles/${articleId}/history`}>History and restore</Link>
          </div>
          {checkpoint.message && (
            <p
              className={`notice ${checkpoint.message.kind === "ok" ? "ok" : "error"}`}
              role={checkpoint.message.kind === "ok" ? "status" : "alert"}
              data-testid="revision-message"
            >
              {checkpoint.message.text}
            </p>
          )}
        </details>
      </div>
      <aside className="editor-side" aria-label="Images, references and checks">
        <SuggestionsPanel articleId={articleId} editor={editor} store={storeTyped} disabled={!!conflict} />
        <ImagesPanel
          mediaIds={mediaIds}
          openId={openImage}
          onOpen={setOpenImage}
          uploading={uploading}
          uploadError={uploadError}
          onRecord={onMediaRecord}
        />
        <ReferencePanel
          articleId={articleId}
          references={references}
          numbers={numbers}
          canEdit={!conflict}
          onChange={onReferencesChange}
          onCite={cite}
          onDeleted={removeCitations}
          handoff={referenceHandoff}
        />
        {/* Content checks (components/checks, owned by the checks area): findings for the live draft. */}
        {checkDraft && <CheckPanel content={checkDraft} onJump={onJump} extraFindings={imageFindings} />}
      </aside>
    </div>
  );
}

function DocumentPreview({
  content,
  references,
}: {
  content: DraftContent;
  references: ReturnType<typeof toReferenceSnapshot>[];
}) {
  let html = "";
  try {
    html = renderDocument(content.body, references).html;
  } catch {
    html = "<p>(This version's text could not be displayed.)</p>";
  }
  return (
    <div className="version-preview">
      <p className="version-title">{content.title || "(no title)"}</p>
      {content.summary && <p className="version-summary">{content.summary}</p>}
      {/* renderDocument escapes every text and allows only our node types. */}
      <div className="article-prose" dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}

function ConflictView(props: {
  mine: DraftContent;
  theirs: ServerDraft;
  references: ReturnType<typeof toReferenceSnapshot>[];
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="conflict panel" aria-labelledby="conflict-heading" data-testid="conflict-view">
      <h2 id="conflict-heading" tabIndex={-1} ref={headingRef}>
        This draft was changed elsewhere
      </h2>
      <p>
        {props.theirs.lastEditorName ?? "Someone"} saved a newer version at {formatTime(props.theirs.updatedAt)} while
        you were editing. Nothing has been overwritten. Compare both versions and choose which one to keep; the other
        stays available on this page to copy from.
      </p>
      <div className="conflict-columns">
        <div data-testid="conflict-mine">
          <h3>Your version (not saved)</h3>
          <DocumentPreview content={props.mine} references={props.references} />
        </div>
        <div data-testid="conflict-theirs">
          <h3>Saved version{props.theirs.lastEditorName ? ` by ${props.theirs.lastEditorName}` : ""}</h3>
          <DocumentPreview content={props.theirs} references={props.references} />
        </div>
      </div>
      <div className="row">
        <button type="button" onClick={props.onKeepMine}>
          Keep my version
        </button>
        <button type="button" className="secondary" onClick={props.onTakeTheirs}>
          Use the saved version
        </button>
      </div>
    </section>
  );
}

function imageFiles(data: DataTransfer | null): File[] {
  return [...(data?.files ?? [])].filter((f) => f.type.startsWith("image/") || f.type === "");
}
