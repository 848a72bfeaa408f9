/**
 * The blocks laid out in sections of pages. A landscape report is landscape throughout. In a
 * portrait report a part (from a heading of level 1 or 2 to the next) that holds a table too
 * wide for portrait — some word would break — goes landscape, every other part stays
 * portrait, and then the turns are placed as a typesetter would place them:
 * - a short portrait stretch between two landscape ones (one table that fits portrait between
 *   two that do not) joins them, so consecutive wide tables share one landscape section;
 * - a turn starts a new page, so the page before it and the section's last page should be
 *   full: each landscape section may start earlier (the portrait blocks before it move into
 *   it, what fits portrait fits landscape) and end later (the blocks after it join it), at
 *   boundaries the form has anyway — before a heading or a caption, never reordering — by up
 *   to REACH pages each way. Of these choices the one is taken whose pages, set by the estimate
 *   (page-fill.ts paginate), leave fewest pages but the last less than FULL_ENOUGH full, then
 *   the fewest pages, then the fewest blocks moved.
 * Every table is fitted to the width of its own section. Page breaks the document asks for are
 * settled last (page-breaks.ts).
 */
import { type Block, type Orientation, isCaption } from "./model.js";
import { settlePageBreaks } from "./page-breaks.js";
import { blocksHeightPt, pageFill, paginate } from "./page-fill.js";
import { fitTables, needsWiderPage, textHeightPt } from "./widths.js";

/**
 * A page the estimate fills less than this counts as a hole: half a page and the estimate's
 * margin of error (the rendered pages are measured in test/report/page-fill.test.ts).
 */
const FULL_ENOUGH = 0.6;

/**
 * How much a landscape section may take from the portrait text around it, in pages: enough to
 * reach back over the page before the turn when a long table ends on it.
 */
const REACH = 2.5;

function splitParts(blocks: readonly Block[]): Block[][] {
  const parts: Block[][] = [];
  for (const block of blocks) {
    if (parts.length === 0 || (block.type === "heading" && block.level <= 2)) parts.push([]);
    parts[parts.length - 1]!.push(block);
  }
  return parts;
}

/** Where a section may begin inside a part: before a heading or a caption that does not follow a heading. */
function splitUnits(part: readonly Block[]): Block[][] {
  const units: Block[][] = [];
  part.forEach((block, i) => {
    const starts = block.type === "heading" || (block.type === "paragraph" && isCaption(block));
    const previous = part[i - 1];
    if (units.length === 0 || (starts && previous?.type !== "heading")) units.push([]);
    units[units.length - 1]!.push(block);
  });
  return units;
}

/** Part orientations before the turns are placed: landscape where a table needs it, short portrait stretches between joined. */
function wantedOrientations(parts: readonly Block[][]): Orientation[] {
  const wanted: Orientation[] = parts.map((p) =>
    p.some((b) => b.type === "table" && needsWiderPage(b, "portrait")) ? "landscape" : "portrait",
  );
  const landscapePage = textHeightPt("landscape");
  for (let i = 1; i < parts.length; i++) {
    if (wanted[i] !== "portrait" || wanted[i - 1] !== "landscape") continue;
    let j = i;
    while (j < parts.length && wanted[j] === "portrait") j++;
    if (j < parts.length && blocksHeightPt(parts.slice(i, j).flat(), "landscape") <= landscapePage)
      for (let k = i; k < j; k++) wanted[k] = "landscape";
    i = j;
  }
  return wanted;
}

/** The blocks with a section block at each change of orientation and every table fitted to its section. */
function assemble(units: readonly Block[][], turns: readonly Orientation[], fit = true): Block[] {
  const out: Block[] = [];
  let current: Orientation = "portrait";
  units.forEach((unit, i) => {
    const turn = turns[i]!;
    if (turn !== current) {
      // A section starts a new page already: a page break just before it would leave a blank page.
      if (out.length > 0 && out[out.length - 1]!.type === "pageBreak") out.pop();
      // Headings just before the turn («3. Сведения …» over «3.1. …») go with what they head.
      const carried: Block[] = [];
      while (out.length > 0 && out[out.length - 1]!.type === "heading") carried.unshift(out.pop()!);
      out.push({ type: "section", orientation: turn }, ...carried);
      current = turn;
    }
    // Unfitted for the estimate (paginate fits each table itself and remembers the result).
    out.push(...(fit ? fitTables(unit, turn) : unit));
  });
  return out;
}

/** Pages but the last that the estimate fills less than FULL_ENOUGH, then the page count. */
function score(blocks: readonly Block[]): [number, number] {
  const pages = paginate(settlePageBreaks(blocks, "portrait"), "portrait");
  return [pages.slice(0, -1).filter((p) => pageFill(p) < FULL_ENOUGH).length, pages.length];
}

/** Lexicographic order of scores. */
function before(a: readonly number[], b: readonly number[]): boolean {
  const i = a.findIndex((v, k) => v !== b[k]);
  return i >= 0 && a[i]! < b[i]!;
}

const holdsBreak = (unit: readonly Block[]) => unit.some((b) => b.type === "pageBreak");

/** Unit orientations with the turns placed (see the module comment). */
function placeTurns(units: readonly Block[][], wanted: readonly Orientation[]): Orientation[] {
  const turns = [...wanted];
  for (let start = 0; start < units.length; start++) {
    if (turns[start] !== "landscape" || (start > 0 && turns[start - 1] === "landscape")) continue;
    let end = start;
    while (end + 1 < units.length && turns[end + 1] === "landscape") end++;
    // How far the section may reach back and forth: portrait units, no page break, up to REACH
    // pages; never the first unit (the title page stays portrait).
    const reach = (from: number, step: -1 | 1, orientation: Orientation): number => {
      let count = 0;
      let height = 0;
      for (let i = from + step; i > 0 && i < units.length && turns[i] === "portrait"; i += step) {
        if (holdsBreak(units[i]!)) break;
        height += blocksHeightPt(units[i]!, orientation);
        if (height > REACH * textHeightPt(orientation)) break;
        count++;
      }
      return count;
    };
    const back = reach(start, -1, "portrait");
    const forth = reach(end, 1, "landscape");
    let best: { key: number[]; back: number; forth: number } | null = null;
    for (let b = 0; b <= back; b++)
      for (let f = 0; f <= forth; f++) {
        const trial = [...turns];
        for (let i = start - b; i <= end + f; i++) trial[i] = "landscape";
        const key = [...score(assemble(units, trial, false)), b + f];
        if (!best || before(key, best.key)) best = { key, back: b, forth: f };
      }
    for (let i = start - best!.back; i <= end + best!.forth; i++) turns[i] = "landscape";
    start = end + best!.forth;
  }
  return turns;
}

export function layoutSections(blocks: readonly Block[], orientation: Orientation): Block[] {
  if (orientation === "landscape") return settlePageBreaks(fitTables(blocks, "landscape"), "landscape");
  const parts = splitParts(blocks);
  const wanted = wantedOrientations(parts);
  const units = parts.flatMap((part) => splitUnits(part));
  const unitWanted = parts.flatMap((part, i) => splitUnits(part).map(() => wanted[i]!));
  return settlePageBreaks(assemble(units, placeTurns(units, unitWanted)), "portrait");
}
