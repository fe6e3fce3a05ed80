// The article body's node and mark types, shared by the editor in the browser and the co-editing server
// (which builds the same ProseMirror schema to turn a stored draft into a shared document). Behaviour
// options that do not change the schema (link protocols, shortcuts, undo) are added by the editor.
import StarterKit from "@tiptap/starter-kit";
import { Citation } from "./citation";
import { MediaImage } from "./image";

export const BODY_STARTER_KIT_OPTIONS = {
  heading: { levels: [2, 3, 4] as (2 | 3 | 4)[] },
  code: false,
  codeBlock: false,
  strike: false,
  horizontalRule: false,
  underline: false,
} as const;

/** Extensions that define the schema, as the server needs them. */
export function bodySchemaExtensions() {
  return [StarterKit.configure(BODY_STARTER_KIT_OPTIONS), Citation, MediaImage];
}
