/**
 * Page breaks a document asks for (before an appendix, before the execution matrix) are kept
 * only where the page they end is well filled: a break after a page that the estimate
 * (page-fill.ts) finds less than KEEP_BREAK full is dropped, and what follows starts on that
 * page. Its heading stays with what follows it as every heading does. The threshold is above
 * half a page by the estimate's margin of error, so the rendered page is at least half full.
 */
import type { Block, Orientation } from "./model.js";
import { pageFill, paginate } from "./page-fill.js";

/** A page break is kept only after a page estimated at least this full. */
export const KEEP_BREAK = 0.65;

export function settlePageBreaks(blocks: readonly Block[], orientation: Orientation): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.type === "pageBreak") {
      // Not .at(-1): Apps Script's runtime lacks ES2022's Array.prototype.at (test/gas/platform.test.ts).
      const pages = paginate(out, orientation);
      const before = pages[pages.length - 1]!;
      if (before.used === 0 || pageFill(before) < KEEP_BREAK) continue;
    }
    out.push(block);
  }
  return out;
}
