// What the article workspace's header and the editor tell each other in the browser, without sharing state:
// the editor registers a way to send its last keystrokes now (so "Submit" from the header submits the text
// as typed), and announces each save (so the header re-reads what submitting still needs).
type Flush = () => Promise<boolean>;

const flushers = new Set<Flush>();

/** The editor's "send what is waiting now"; resolves true once everything typed is stored. Returns an unregister. */
export function registerPendingEdits(flush: Flush): () => void {
  flushers.add(flush);
  return () => {
    flushers.delete(flush);
  };
}

/** Sends every editor's waiting changes; true when all of them are stored (or there was nothing to send). */
export async function flushPendingEdits(): Promise<boolean> {
  const results = await Promise.all([...flushers].map((f) => f().catch(() => false)));
  return results.every(Boolean);
}

const SAVED = "imprimatur:draft-saved";

export function announceDraftSaved(articleId: string): void {
  window.dispatchEvent(new CustomEvent(SAVED, { detail: { articleId } }));
}

export function onDraftSaved(articleId: string, listener: () => void): () => void {
  const handler = (event: Event) => {
    if ((event as CustomEvent<{ articleId: string }>).detail?.articleId === articleId) listener();
  };
  window.addEventListener(SAVED, handler);
  return () => window.removeEventListener(SAVED, handler);
}
