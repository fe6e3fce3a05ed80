// The allowlist for article bodies (Tiptap/ProseMirror JSON). Everything the editor, the importer and the
// API accept goes through `parseDocument`: a node or mark type not listed here, a link that is not http(s),
// or a body over MAX_BODY_BYTES is refused with a clear message before anything is stored. The parsed
// result keeps only the attributes listed here, so unknown keys in a forged request are dropped, never stored.
import { z } from "zod";
import { AppError } from "../errors";

export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Deeper nesting than this is no real article (lists in quotes in lists…) and would only risk stack use. */
export const MAX_DEPTH = 40;

export const HEADING_LEVELS = [2, 3, 4] as const;
export type HeadingLevel = (typeof HEADING_LEVELS)[number];

/** A reference key as citation nodes carry it: short, URL/ID-safe. */
export const REF_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** http(s) only: no javascript:, data:, vbscript:, relative or protocol-relative URLs. */
export function isSafeHttpUrl(value: string): boolean {
  if (value.length > 2048) return false;
  // Control characters and spaces can hide a scheme from naive checks ("java\nscript:"); refuse them outright.
  if (/[\u0000-\u0020\u007f]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
}

// ── marks ──
const boldMark = z.object({ type: z.literal("bold") });
const italicMark = z.object({ type: z.literal("italic") });
const linkMark = z.object({
  type: z.literal("link"),
  attrs: z.object({
    href: z.string({ error: "A link needs an address (href)." }).refine(isSafeHttpUrl, {
      message: "Links must be http:// or https:// addresses; javascript:, data: and other schemes are not allowed.",
    }),
    title: z.string().max(500).nullish(),
  }),
});
const mark = z.discriminatedUnion("type", [boldMark, italicMark, linkMark], {
  error: (iss) => `Formatting ${describeType(iss.input)} is not allowed (allowed: bold, italic, link).`,
});
const marks = z.array(mark).max(10).optional();

// ── inline nodes ──
const textNode = z.object({
  type: z.literal("text"),
  text: z.string().min(1, "Text nodes cannot be empty."),
  marks,
});
const hardBreakNode = z.object({ type: z.literal("hardBreak"), marks });
const citationNode = z.object({
  type: z.literal("citation"),
  attrs: z.object({
    refKey: z
      .string({ error: "A citation must name the reference it points at (refKey)." })
      .regex(REF_KEY_PATTERN, "A citation's refKey must be a reference key (letters, digits, - and _)."),
  }),
  marks,
});
const inlineNode = z.discriminatedUnion("type", [textNode, hardBreakNode, citationNode], {
  error: (iss) => `Inline content ${describeType(iss.input)} is not allowed (allowed: text, hardBreak, citation).`,
});
const inlineContent = z.array(inlineNode).optional();

// ── block nodes ──
const paragraphNode = z.object({ type: z.literal("paragraph"), content: inlineContent });
const headingNode = z.object({
  type: z.literal("heading"),
  attrs: z.object({
    level: z.union([z.literal(2), z.literal(3), z.literal(4)], {
      error: "Headings must be level 2, 3 or 4 (the title is the page's only level-1 heading).",
    }),
  }),
  content: inlineContent,
});
const blockquoteNode = z.object({
  type: z.literal("blockquote"),
  get content() {
    return z.array(blockNode).min(1, "A quotation needs at least one paragraph.");
  },
});
const listItemNode = z.object({
  type: z.literal("listItem"),
  get content() {
    return z.array(blockNode).min(1, "A list item needs at least one paragraph.");
  },
});
const listItems = z.array(listItemNode).min(1, "A list needs at least one item.");
const bulletListNode = z.object({
  type: z.literal("bulletList"),
  get content() {
    return listItems;
  },
});
const orderedListNode = z.object({
  type: z.literal("orderedList"),
  attrs: z.object({ start: z.number().int().min(0).max(100_000).optional() }).optional(),
  get content() {
    return listItems;
  },
});

/** A media item id as image nodes carry it (the image's record, bytes and variants live in the media library). */
export const MEDIA_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
// An image is a block that names a media item; alt text, caption and licence belong to the item, and are
// copied into the revision when it is frozen (lib/media/image-snapshot.ts). No src: nothing in a body can
// point the page at an outside address.
const imageNode = z.object({
  type: z.literal("image"),
  attrs: z.object({
    mediaId: z
      .string({ error: "An image must name its media item (mediaId)." })
      .regex(MEDIA_ID_PATTERN, "An image's mediaId must be a media item id from the library."),
  }),
});

const blockNode: z.ZodType<BlockNode> = z.discriminatedUnion(
  "type",
  [paragraphNode, headingNode, blockquoteNode, bulletListNode, orderedListNode, imageNode],
  {
    error: (iss) =>
      `Block ${describeType(iss.input)} is not allowed (allowed: paragraph, heading, bulletList, orderedList, blockquote, image).`,
  },
) as unknown as z.ZodType<BlockNode>;

export const documentSchema = z.object({
  type: z.literal("doc", { error: 'The body must be a Tiptap document ({"type":"doc", …}).' }),
  content: z.array(blockNode).max(20_000),
});

// ── types ──
export type Mark =
  { type: "bold" } | { type: "italic" } | { type: "link"; attrs: { href: string; title?: string | null } };
export type TextNode = { type: "text"; text: string; marks?: Mark[] };
export type HardBreakNode = { type: "hardBreak"; marks?: Mark[] };
export type CitationNode = { type: "citation"; attrs: { refKey: string }; marks?: Mark[] };
export type InlineNode = TextNode | HardBreakNode | CitationNode;
export type ParagraphNode = { type: "paragraph"; content?: InlineNode[] };
export type HeadingNode = { type: "heading"; attrs: { level: HeadingLevel }; content?: InlineNode[] };
export type BlockquoteNode = { type: "blockquote"; content: BlockNode[] };
export type ListItemNode = { type: "listItem"; content: BlockNode[] };
export type BulletListNode = { type: "bulletList"; content: ListItemNode[] };
export type OrderedListNode = { type: "orderedList"; attrs?: { start?: number }; content: ListItemNode[] };
export type ImageNode = { type: "image"; attrs: { mediaId: string } };
export type BlockNode = ParagraphNode | HeadingNode | BlockquoteNode | BulletListNode | OrderedListNode | ImageNode;
export type DocumentJson = { type: "doc"; content: BlockNode[] };

export const EMPTY_DOCUMENT: DocumentJson = { type: "doc", content: [{ type: "paragraph" }] };

function describeType(input: unknown): string {
  const t = input && typeof input === "object" ? (input as { type?: unknown }).type : undefined;
  return typeof t === "string" ? `"${t.slice(0, 60)}"` : "without a type";
}

/** Iterative depth check so a deeply nested forged body cannot exhaust the stack inside the recursive parser. */
function exceedsDepth(root: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length) {
    const [value, depth] = stack.pop()!;
    if (depth > max * 2) return true; // each node level is an object plus its content array
    if (Array.isArray(value)) for (const v of value) stack.push([v, depth + 1]);
    else if (value && typeof value === "object") {
      const content = (value as { content?: unknown }).content;
      if (content !== undefined) stack.push([content, depth + 1]);
    }
  }
  return false;
}

function formatPath(path: PropertyKey[]): string {
  return "body" + path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
}

/**
 * Validates a body (JSON string or already-parsed value) against the allowlist and returns the cleaned
 * document. Throws PAYLOAD_TOO_LARGE over 2 MB and VALIDATION (fieldErrors.body) for anything not allowed.
 */
export function parseDocument(input: unknown): DocumentJson {
  let raw = input;
  if (typeof input === "string") {
    if (Buffer.byteLength(input, "utf8") > MAX_BODY_BYTES) throw tooLarge();
    try {
      raw = JSON.parse(input);
    } catch {
      throw new AppError("VALIDATION", "The body is not valid JSON.", {
        fieldErrors: { body: ["The body is not valid JSON."] },
      });
    }
  } else {
    // Depth first: JSON.stringify itself overflows the stack on absurdly deep input.
    if (exceedsDepth(raw, MAX_DEPTH)) throw tooDeep();
    let size: number;
    try {
      size = Buffer.byteLength(JSON.stringify(input) ?? "", "utf8");
    } catch {
      throw new AppError("VALIDATION", "The body is not valid JSON.", {
        fieldErrors: { body: ["The body is not valid JSON."] },
      });
    }
    if (size > MAX_BODY_BYTES) throw tooLarge();
  }
  if (exceedsDepth(raw, MAX_DEPTH)) throw tooDeep();
  const result = documentSchema.safeParse(raw);
  if (result.success) return result.data as DocumentJson;
  const messages = result.error.issues.slice(0, 5).map((issue) => `${issue.message} (at ${formatPath(issue.path)})`);
  throw new AppError("VALIDATION", `The article body was refused: ${messages[0]}`, { fieldErrors: { body: messages } });
}

function tooLarge(): AppError {
  const message = `The article body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; split it or remove pasted material.`;
  return new AppError("PAYLOAD_TOO_LARGE", message, { fieldErrors: { body: [message] } });
}

function tooDeep(): AppError {
  const message = `The body is nested more than ${MAX_DEPTH} levels deep.`;
  return new AppError("VALIDATION", message, { fieldErrors: { body: [message] } });
}
