// Where a reviewer's comment belongs in the writer's current text. Comments anchor to a top-level block of the
// frozen revision the reviewer read; the writer has edited since (blocks added, moved, reworded). A comment goes
// to the current block with the same text (the one nearest its old place when several match), else to the block
// whose words are most alike (a reworded paragraph keeps its comment), else nowhere: its text no longer exists.
// Images match by their media item. Plain TypeScript: the editor runs it on its own document.
import type { BlockNode } from "../content/document-schema";
import { blockText } from "../content/text";

/** How alike (0–1, Dice over words) a reworded block must stay to keep its comment. */
export const SAME_BLOCK_SIMILARITY = 0.5;

/** What identifies a block for anchoring: its text, or its media item for an image. */
export function blockSignature(block: BlockNode): string {
  return block.type === "image" ? `\u0000image:${block.attrs.mediaId}` : blockText(block);
}

export type CommentAnchor = { id: string; blockIndex: number | null; signature: string };
/** A current block index, "general" (the comment was on the whole revision) or "gone" (its text was deleted). */
export type AnchorPlace = number | "general" | "gone";

function words(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
}

function dice(a: Map<string, number>, b: Map<string, number>, sizeA: number, sizeB: number): number {
  if (!sizeA || !sizeB) return 0;
  let shared = 0;
  for (const [w, n] of a) shared += Math.min(n, b.get(w) ?? 0);
  return (2 * shared) / (sizeA + sizeB);
}

const size = (bag: Map<string, number>) => [...bag.values()].reduce((s, n) => s + n, 0);

export function anchorComments(anchors: CommentAnchor[], blocks: string[]): Map<string, AnchorPlace> {
  const places = new Map<string, AnchorPlace>();
  let bags: Array<{ bag: Map<string, number>; size: number }> | null = null;
  for (const a of anchors) {
    if (a.blockIndex === null) {
      places.set(a.id, "general");
      continue;
    }
    const nearest = (candidates: number[]) =>
      candidates.reduce((best, i) => (Math.abs(i - a.blockIndex!) < Math.abs(best - a.blockIndex!) ? i : best));
    const same = blocks.flatMap((b, i) => (b === a.signature && b.trim() !== "" ? [i] : []));
    if (same.length) {
      places.set(a.id, nearest(same));
      continue;
    }
    if (a.signature.startsWith("\u0000")) {
      places.set(a.id, "gone");
      continue;
    }
    bags ??= blocks.map((b) => {
      const bag = b.startsWith("\u0000") ? new Map<string, number>() : words(b);
      return { bag, size: size(bag) };
    });
    const mine = words(a.signature);
    const mySize = size(mine);
    let best = 0;
    let at: number[] = [];
    bags.forEach(({ bag, size: n }, i) => {
      const score = dice(mine, bag, mySize, n);
      if (score > best + 1e-9) [best, at] = [score, [i]];
      else if (Math.abs(score - best) <= 1e-9 && score > 0) at.push(i);
    });
    places.set(a.id, best >= SAME_BLOCK_SIMILARITY && at.length ? nearest(at) : "gone");
  }
  return places;
}
