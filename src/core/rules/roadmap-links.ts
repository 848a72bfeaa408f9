/**
 * ROADMAP_LINK_INVALID: a «Пункт дорожной карты» cell (template version 3) that does not read as
 * item numbers. Such a row would silently count for no item of the committee's roadmap, so it
 * is a finding instead; the numbers it does hold still count.
 */
import { textOf } from "../cells.js";
import type { Cell } from "../grid.js";
import { say } from "../issues.js";
import { readItemRefs } from "../roadmap/links.js";
import type { ParsedTable, TableRow } from "../workbook.js";
import { emitAt } from "./read.js";
import type { RuleContext, RuleFamily } from "./types.js";

function checkTab(ctx: RuleContext, table: ParsedTable<"plan"> | ParsedTable<"internal_events">): void {
  for (const row of table.rows as readonly TableRow<"plan" | "internal_events">[]) {
    const cell = (row.cells as { roadmap_item?: Cell }).roadmap_item ?? null;
    const { unreadable } = readItemRefs(cell);
    if (unreadable.length === 0) continue;
    const said = say("ROADMAP_LINK_INVALID", { row: row.row, value: textOf(cell), unreadable });
    emitAt(ctx, table as ParsedTable<"plan">, row as TableRow<"plan">, "roadmap_item", said);
  }
}

/** One family per tab, so a live re-check after an edit reads only the edited tab for this rule. */
export const roadmapLinksFamilies: readonly RuleFamily[] = [
  {
    name: "roadmap-links:plan",
    reads: ["plan"],
    ids: ["ROADMAP_LINK_INVALID"],
    check: (ctx) => checkTab(ctx, ctx.workbook.tables.plan),
  },
  {
    name: "roadmap-links:events",
    reads: ["internal_events"],
    ids: ["ROADMAP_LINK_INVALID"],
    check: (ctx) => checkTab(ctx, ctx.workbook.tables.internal_events),
  },
];
