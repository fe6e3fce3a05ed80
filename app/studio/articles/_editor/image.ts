// The editor's image node: Tiptap's Image extension narrowed to what the document schema allows, a block
// that names a media item by id (lib/content/document-schema.ts). The picture shown while editing comes from
// the studio preview route; alt text, caption and licence live on the media item and are edited in the
// images panel. Images pasted as HTML from elsewhere (<img src="https://…">) are not taken over: only files
// are uploaded (drag and drop, paste, the toolbar button), and nothing is fetched from outside addresses.
import Image from "@tiptap/extension-image";
import { errorText } from "@/components/studio/json-api";

export const previewUrl = (mediaId: string) => `/api/studio/media/${encodeURIComponent(mediaId)}/preview`;

/** Per editor: the state of each placed image's sizes ("PENDING", "READY"…), set by the editor from the records
 *  its Images panel polls; the picture in the text follows it. */
export interface MediaImageStorage {
  states: Map<string, string>;
  listeners: Set<() => void>;
}

export function setMediaImageState(storage: MediaImageStorage, mediaId: string, state: string) {
  if (storage.states.get(mediaId) === state) return;
  storage.states.set(mediaId, state);
  for (const listener of storage.listeners) listener();
}

const ALT = "Placed image (its alt text is in the Images panel)";

export const MediaImage = Image.extend({
  name: "image",
  draggable: true,

  addStorage(): MediaImageStorage {
    return { states: new Map(), listeners: new Set() };
  },

  // The picture is the preview route's answer: "Processing…" while the sizes are made, then the image. The
  // address carries the state, so the browser asks again when it changes (a replaced file, sizes now ready).
  addNodeView() {
    const storage = this.storage as MediaImageStorage;
    return ({ node }) => {
      const dom = document.createElement("img");
      dom.className = "editor-image";
      dom.alt = ALT;
      let mediaId = node.attrs.mediaId as string | null;
      let shown = "";
      const show = () => {
        if (!mediaId) return;
        const state = storage.states.get(mediaId) ?? "";
        const src = state ? `${previewUrl(mediaId)}?state=${encodeURIComponent(state)}` : previewUrl(mediaId);
        if (src !== shown) dom.src = shown = src;
        dom.setAttribute("data-media-id", mediaId);
      };
      show();
      storage.listeners.add(show);
      return {
        dom,
        update: (updated) => {
          if (updated.type !== node.type) return false;
          mediaId = updated.attrs.mediaId as string | null;
          show();
          return true;
        },
        ignoreMutation: (mutation) => mutation.type !== "selection",
        destroy: () => storage.listeners.delete(show),
      };
    };
  },

  addAttributes() {
    return {
      mediaId: {
        default: null,
        parseHTML: (el: HTMLElement) => el.getAttribute("data-media-id"),
        renderHTML: (attrs: { mediaId?: string | null }) =>
          attrs.mediaId ? { "data-media-id": attrs.mediaId, src: previewUrl(attrs.mediaId) } : {},
      },
    };
  },

  parseHTML() {
    return [{ tag: "img[data-media-id]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["img", { ...HTMLAttributes, alt: ALT, class: "editor-image" }];
  },
}).configure({ inline: false, allowBase64: false });

export const ACCEPT_IMAGES = "image/jpeg,image/png,image/webp,image/avif,image/gif";

export interface UploadedImage {
  id: string;
  status: string;
  width: number;
  height: number;
}

/** Sends a file's bytes to the upload route; returns the media item or the server's message. */
export async function uploadImageFile(
  file: File,
  replaceMediaId?: string,
): Promise<{ ok: true; image: UploadedImage } | { ok: false; message: string }> {
  try {
    const res = await fetch(
      `/api/studio/media${replaceMediaId ? `?replace=${encodeURIComponent(replaceMediaId)}` : ""}`,
      {
        method: "POST",
        body: file,
        headers: { "X-File-Name": encodeURIComponent(file.name || ""), "Content-Type": "application/octet-stream" },
        credentials: "same-origin",
        cache: "no-store",
      },
    );
    const body = (await res.json().catch(() => ({}))) as UploadedImage & { error?: { message?: string } };
    if (!res.ok) return { ok: false, message: errorText(body.error, [], `The upload failed (${res.status}).`) };
    return { ok: true, image: body };
  } catch {
    return { ok: false, message: "The server could not be reached; the image was not uploaded." };
  }
}
