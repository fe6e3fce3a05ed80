// Spellings one edit away from a word (a letter deleted, inserted, replaced, or two neighbours swapped):
// the candidates a misspelt query word is checked against in the index's vocabulary.

const ALPHABET = "abcdefghijklmnopqrstuvwxyz";

/** Words shorter than this are not corrected: one edit turns too many short words into other words. */
export const MIN_CORRECTABLE_LENGTH = 4;

export function editDistanceOneVariants(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) out.add(head + tail.slice(1)); // deletion
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2)); // transposition
    for (const c of ALPHABET) {
      if (tail) out.add(head + c + tail.slice(1)); // substitution
      out.add(head + c + tail); // insertion
    }
  }
  out.delete(word);
  return [...out];
}
