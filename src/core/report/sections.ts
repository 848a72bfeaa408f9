/**
 * The blocks laid out in sections of pages. A landscape report is landscape throughout. In a
 * portrait report a part (from a heading of level 1 or 2 to the next) that holds a table too
 * wide for portrait — some word would break — goes landscape, every other part stays
 * portrait, and then the turns are placed as a typesetter would place them:
 * - a short portrait stretch between two landscape ones (one table that fits portrait between
 *   two that do not) joins them, so consecutive wide tables share one landscape section;
 * - a turn starts a new page, so the page before it is filled: when the portrait page before a
 *   landscape section would be less than half full, its last parts move into the landscape
 *   section (what fits portrait fits landscape), and when the landscape section's last page
 *   would be less than half full, the parts after it that fit on that page join it.
 * Every table is fitted to the width of its own section.
 */
import type { Block, Orientation } from "./model.js";
import { blocksHeightPt } from "./page-fill.js";
import { fitTables, needsWiderPage, textHeightPt } from "./widths.js";

/** A page counts as half empty below this share of its height. */
const HALF = 0.5;

function splitParts(blocks: readonly Block[]): Block[][] {
  const parts: Block[][] = [];
  for (const block of blocks) {
    if (parts.length === 0 || (block.type === "heading" && block.level <= 2)) parts.push([]);
    parts[parts.length - 1]!.push(block);
  }
  return parts;
}

/** The share of its last page that content of this height fills (1 for an exact page or nothing). */
function lastPageFill(height: number, orientation: Orientation): number {
  const page = textHeightPt(orientation);
  const rest = height % page;
  return height === 0 || rest === 0 ? 1 : rest / page;
}

/** The height from the last forced page start (document start, section turn or page break) up to part `end`. */
function heightSinceTurn(parts: readonly Block[][], wanted: readonly Orientation[], end: number): number {
  let height = 0;
  for (let i = end; i >= 0 && wanted[i] === wanted[end]; i--) {
    const part = parts[i]!;
    const brk = part.map((b) => b.type).lastIndexOf("pageBreak");
    if (brk >= 0) return height + blocksHeightPt(part.slice(brk + 1), wanted[end]!);
    height += blocksHeightPt(part, wanted[end]!);
  }
  return height;
}

/** Part orientations with the turns placed (see the module comment). */
function placeTurns(parts: readonly Block[][]): Orientation[] {
  const wanted: Orientation[] = parts.map((p) =>
    p.some((b) => b.type === "table" && needsWiderPage(b, "portrait")) ? "landscape" : "portrait",
  );
  const landscapePage = textHeightPt("landscape");
  // A short portrait stretch between two landscape parts joins them.
  for (let i = 1; i < parts.length; i++) {
    if (wanted[i] !== "portrait" || wanted[i - 1] !== "landscape") continue;
    let j = i;
    while (j < parts.length && wanted[j] === "portrait") j++;
    if (j < parts.length && blocksHeightPt(parts.slice(i, j).flat(), "landscape") <= landscapePage)
      for (let k = i; k < j; k++) wanted[k] = "landscape";
    i = j;
  }
  for (let i = 1; i < parts.length; i++) {
    if (wanted[i] !== "landscape" || wanted[i - 1] !== "portrait") continue;
    // The portrait page before the turn: move its last parts over while it would be half empty.
    // No more than a page moves: the aim is the page before the turn, not the whole stretch.
    let before = i - 1;
    let moved = 0;
    while (
      before > 0 &&
      wanted[before - 1] === "portrait" &&
      !parts[before]!.some((b) => b.type === "pageBreak") &&
      lastPageFill(heightSinceTurn(parts, wanted, before), "portrait") < HALF &&
      moved + blocksHeightPt(parts[before]!, "portrait") <= textHeightPt("portrait")
    ) {
      moved += blocksHeightPt(parts[before]!, "portrait");
      wanted[before] = "landscape";
      before--;
    }
    // The section's last page: the portrait parts after it that fit there join it.
    let end = i;
    while (end + 1 < parts.length && wanted[end + 1] === "landscape") end++;
    const used = heightSinceTurn(parts, wanted, end);
    if (lastPageFill(used, "landscape") >= HALF) continue;
    let room = landscapePage - (used % landscapePage);
    for (let k = end + 1; k < parts.length && wanted[k] === "portrait"; k++) {
      if (parts[k]!.some((b) => b.type === "pageBreak")) break;
      const height = blocksHeightPt(parts[k]!, "landscape");
      if (height > room) break;
      wanted[k] = "landscape";
      room -= height;
    }
  }
  return wanted;
}

export function layoutSections(blocks: readonly Block[], orientation: Orientation): Block[] {
  if (orientation === "landscape") return fitTables(blocks, "landscape");
  const parts = splitParts(blocks);
  const wanted = placeTurns(parts);
  const out: Block[] = [];
  let current: Orientation = "portrait";
  parts.forEach((part, i) => {
    const turn = wanted[i]!;
    if (turn !== current) {
      // A section starts a new page already: a page break just before it would leave a blank page.
      if (out.length > 0 && out[out.length - 1]!.type === "pageBreak") out.pop();
      // Headings just before the turn («3. Сведения …» over «3.1. …») go with what they head.
      const carried: Block[] = [];
      while (out.length > 0 && out[out.length - 1]!.type === "heading") carried.unshift(out.pop()!);
      out.push({ type: "section", orientation: turn }, ...carried);
      current = turn;
    }
    out.push(...fitTables(part, turn));
  });
  return out;
}
