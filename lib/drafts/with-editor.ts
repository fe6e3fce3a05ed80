import { parseEditorIds } from "../revisions/freeze-revision";

/** editorIds JSON with the actor appended (once). */
export function withEditor(editorIdsJson: string, actorId: string): string {
  const ids = parseEditorIds(editorIdsJson);
  return JSON.stringify(ids.includes(actorId) ? ids : [...ids, actorId]);
}
