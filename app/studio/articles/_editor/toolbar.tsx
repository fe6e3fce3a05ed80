"use client";
// The formatting toolbar: an ARIA toolbar (one tab stop, arrow keys move between buttons), each button
// labelled with its shortcut and aria-pressed for the active state. Only re-renders when an active state
// changes (useEditorState selector), not on every keystroke.
import { useRef, useState, type KeyboardEvent } from "react";
import { useEditorState, type Editor } from "@tiptap/react";
import { isSafeHttpUrl } from "@/lib/content/document-schema";

const MOD = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl";

export function Toolbar({
  editor,
  onCite,
  onImage,
  disabled,
}: {
  editor: Editor;
  onCite: () => void;
  onImage?: () => void;
  disabled?: boolean;
}) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      h4: e.isActive("heading", { level: 4 }),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      link: e.isActive("link"),
      href: (e.getAttributes("link").href as string | undefined) ?? "",
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const ref = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkValue, setLinkValue] = useState("");
  const [linkError, setLinkError] = useState("");

  const buttons: Array<{
    id: string;
    label: string;
    text: string;
    shortcut?: string;
    pressed?: boolean;
    run: () => void;
    enabled?: boolean;
  }> = [
    {
      id: "bold",
      label: "Bold",
      text: "B",
      shortcut: `${MOD}+B`,
      pressed: state.bold,
      run: () => editor.chain().focus().toggleBold().run(),
    },
    {
      id: "italic",
      label: "Italic",
      text: "I",
      shortcut: `${MOD}+I`,
      pressed: state.italic,
      run: () => editor.chain().focus().toggleItalic().run(),
    },
    {
      id: "h2",
      label: "Heading level 2",
      text: "H2",
      shortcut: `${MOD}+Alt+2`,
      pressed: state.h2,
      run: () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      id: "h3",
      label: "Heading level 3",
      text: "H3",
      shortcut: `${MOD}+Alt+3`,
      pressed: state.h3,
      run: () => editor.chain().focus().toggleHeading({ level: 3 }).run(),
    },
    {
      id: "h4",
      label: "Heading level 4",
      text: "H4",
      shortcut: `${MOD}+Alt+4`,
      pressed: state.h4,
      run: () => editor.chain().focus().toggleHeading({ level: 4 }).run(),
    },
    {
      id: "bullet",
      label: "Bulleted list",
      text: "• List",
      shortcut: `${MOD}+Shift+8`,
      pressed: state.bullet,
      run: () => editor.chain().focus().toggleBulletList().run(),
    },
    {
      id: "ordered",
      label: "Numbered list",
      text: "1. List",
      shortcut: `${MOD}+Shift+7`,
      pressed: state.ordered,
      run: () => editor.chain().focus().toggleOrderedList().run(),
    },
    {
      id: "quote",
      label: "Quotation",
      text: "❝ Quote",
      shortcut: `${MOD}+Shift+B`,
      pressed: state.quote,
      run: () => editor.chain().focus().toggleBlockquote().run(),
    },
    {
      id: "link",
      label: "Link",
      text: "Link",
      shortcut: `${MOD}+K`,
      pressed: state.link,
      run: () => {
        setLinkValue(state.href);
        setLinkError("");
        setLinkOpen(true);
      },
    },
    { id: "cite", label: "Insert citation", text: "Cite", shortcut: `${MOD}+Alt+R`, run: onCite },
    ...(onImage ? [{ id: "image", label: "Insert image (upload a file)", text: "Image", run: onImage }] : []),
    {
      id: "undo",
      label: "Undo",
      text: "↶",
      shortcut: `${MOD}+Z`,
      enabled: state.canUndo,
      run: () => editor.chain().focus().undo().run(),
    },
    {
      id: "redo",
      label: "Redo",
      text: "↷",
      shortcut: `${MOD}+Shift+Z`,
      enabled: state.canRedo,
      run: () => editor.chain().focus().redo().run(),
    },
  ];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };
    let next = focusIndex;
    if (event.key in keys) next = (focusIndex + keys[event.key] + buttons.length) % buttons.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = buttons.length - 1;
    else return;
    event.preventDefault();
    setFocusIndex(next);
    ref.current?.querySelectorAll<HTMLButtonElement>("button[data-tb]")[next]?.focus();
  };

  const applyLink = () => {
    const href = linkValue.trim();
    if (!href) {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
      setLinkOpen(false);
      return;
    }
    if (!isSafeHttpUrl(href)) {
      setLinkError("Use a full http:// or https:// address.");
      return;
    }
    editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
    setLinkOpen(false);
  };

  return (
    <div className="editor-toolbar-wrap">
      <div
        role="toolbar"
        aria-label="Formatting"
        aria-controls="article-body"
        className="editor-toolbar"
        ref={ref}
        onKeyDown={onKeyDown}
      >
        {buttons.map((b, i) => (
          <button
            key={b.id}
            type="button"
            data-tb={b.id}
            className={`tb-button${b.pressed ? " is-active" : ""}`}
            tabIndex={i === focusIndex ? 0 : -1}
            aria-label={`${b.label}${b.shortcut ? ` (${b.shortcut})` : ""}`}
            title={`${b.label}${b.shortcut ? ` (${b.shortcut})` : ""}`}
            aria-pressed={b.pressed === undefined ? undefined : b.pressed}
            // aria-disabled, not disabled: unavailable buttons stay reachable with the arrow keys (ARIA toolbar
            // practice), they just do nothing.
            aria-disabled={disabled || b.enabled === false ? true : undefined}
            onMouseDown={(e) => e.preventDefault() /* keep the text selection */}
            onFocus={() => setFocusIndex(i)}
            onClick={() => {
              if (!(disabled || b.enabled === false)) b.run();
            }}
          >
            {b.text}
          </button>
        ))}
      </div>
      {linkOpen && (
        <div className="link-form" role="group" aria-label="Edit link">
          <label htmlFor="link-href">Link address</label>
          <input
            id="link-href"
            type="url"
            autoFocus
            value={linkValue}
            placeholder="https://"
            aria-invalid={linkError ? true : undefined}
            aria-describedby={linkError ? "link-href-error" : undefined}
            onChange={(e) => setLinkValue(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                applyLink();
              } else if (e.key === "Escape") {
                setLinkOpen(false);
                editor.commands.focus();
              }
            }}
          />
          {linkError && (
            <p id="link-href-error" className="field-error">
              {linkError}
            </p>
          )}
          <div className="row">
            <button type="button" onClick={applyLink}>
              Apply link
            </button>
            {state.link && (
              <button
                type="button"
                className="secondary"
                onClick={() => (editor.chain().focus().extendMarkRange("link").unsetLink().run(), setLinkOpen(false))}
              >
                Remove link
              </button>
            )}
            <button type="button" className="secondary" onClick={() => (setLinkOpen(false), editor.commands.focus())}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** Opens the link form from the Mod-K shortcut. */
export function openLinkForm(root: HTMLElement | null) {
  root?.querySelector<HTMLButtonElement>('button[data-tb="link"]')?.click();
}
