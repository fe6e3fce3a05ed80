// The normal form the reworded-passage stage compares: content words only (stop words dropped), each reduced
// to a stem and then to its synonym class. Rewording mostly swaps, adds or drops function words and swaps
// content words for near-synonyms or other inflections ("reduces" / "lowering"); after this mapping those
// edits disappear, and the remaining runs of identical keys are long enough to fingerprint.
import { SYNONYM_CLASSES } from "./synonyms";

// English function words and very general verbs/adverbs that carry no topic. Words a writer adds or drops
// freely when rephrasing ("very", "also", "which") are in here too, so that adding them breaks nothing.
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all almost also although always am an and another any anyone anything " +
    "are around as at be became because become becomes been before being below between both but by can cannot " +
    "could did do does doing done down during each either else even ever every few for from further had has " +
    "have having he her here hers herself him himself his how however i if in into is it its itself just least " +
    "less let like may me might more most much must my myself neither no nor not now of off on once one only " +
    "or other others our ours ourselves out over own per quite rather really same she should so some " +
    "something such than that the their theirs them themselves then there these they this those though " +
    "through thus to too toward towards under until up upon us very via was we were what whatever when " +
    "where whether which while who whom whose why will with within without would yet you your yours " +
    "yourself yourselves its it's dont doesnt isnt arent cant wont shouldnt couldnt wouldnt etc eg ie"
  ).split(" "),
);

const VOWEL = /[aeiouy]/;

/**
 * A light suffix stemmer (plural, -ing, -ed, -ly, -ment, -ness, -ation, final e): enough to make the
 * inflections a paraphrase swaps ("reduce", "reduces", "reduced", "reducing") meet, cheap enough for indexing
 * 100,000 documents. Words with digits and short words are kept as they are.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  const c = w.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return w;
  if (w.endsWith("ies") && w.length > 4) w = w.slice(0, -3) + "y";
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is") && w.length > 3)
    w = w.slice(0, -1);
  if (w.endsWith("ing") && w.length > 5 && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith("ed") && w.length > 4 && VOWEL.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  if (w.endsWith("ly") && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith("ation") && w.length > 7) w = w.slice(0, -5);
  else if (w.endsWith("ment") && w.length > 7) w = w.slice(0, -4);
  else if (w.endsWith("ness") && w.length > 6) w = w.slice(0, -4);
  if (w.endsWith("e") && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith("y") && w.length > 3) w = w.slice(0, -1) + "i";
  return w;
}

function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && !"lsz".includes(w[n - 1]) && !VOWEL.test(w[n - 1])) return w.slice(0, -1);
  return w;
}

/** stem → class key ("~" + the class's first word). The first class a word appears in wins. */
const CLASS_OF = new Map<string, string>();
for (const cls of SYNONYM_CLASSES) {
  const key = "~" + cls[0];
  for (const member of cls) {
    if (STOP_WORDS.has(member)) continue;
    const s = stem(member);
    if (!CLASS_OF.has(s)) CLASS_OF.set(s, key);
  }
}

/** The key a content word is compared by: its synonym class, else its stem. */
export function contentKey(word: string): string {
  const s = stem(word);
  return CLASS_OF.get(s) ?? s;
}

export interface ContentWords {
  /** Comparison keys of the content words, in order. */
  keys: string[];
  /** Index of each content word in the text's full (normalised) word list. */
  at: number[];
}

// word → key (null for a stop word). Shared by all calls: stemming is most of this module's cost, and a
// corpus repeats the same few tens of thousands of words. Cleared when it grows past a bound.
const KEY_CACHE = new Map<string, string | null>();
const KEY_CACHE_MAX = 500_000;

/** Content words of a normalised word list (tokenize().words), with where each one stands. */
export function contentWords(words: readonly string[]): ContentWords {
  const keys: string[] = [];
  const at: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    let key = KEY_CACHE.get(w);
    if (key === undefined) {
      key = STOP_WORDS.has(w) || w.length < 2 ? null : contentKey(w);
      if (KEY_CACHE.size >= KEY_CACHE_MAX) KEY_CACHE.clear();
      KEY_CACHE.set(w, key);
    }
    if (key === null) continue;
    keys.push(key);
    at.push(i);
  }
  return { keys, at };
}
