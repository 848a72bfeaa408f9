/**
 * PLAN_*: the plan-versus-fact table. Rows are indexed by their hierarchical number in a
 * Map, so parents, duplicates and children are found in linear time.
 *
 * A grouping row — one that has sub-items (8.1 under 8) and no status or fact of its own —
 * is a heading: it is not asked for a status, a fact or a responsible person.
 */
import { type Said, say } from "../issues.js";
import { readQuantity } from "../numbers.js";
import { PLAN_DEVIATION_STATUSES, TASKS } from "../schema.js";
import { addDays } from "../terms/dates.js";
import { formatRuDate } from "../terms/index.js";
import type { ParsedTable, TableRow } from "../workbook.js";
import { type DateRange, FAR_FUTURE, FAR_PAST, datedOf, rangeOf } from "./dated.js";
import { type PlanIndex, indexPlan, isGroupingRow, outlineKey, parentKey, taskRefs } from "./plan-index.js";
import { actionSaysNone, cellAt, emitAt, enumValue, headerOf, isBlank, reasonSaysNone, text, textOf } from "./read.js";
import { mergedSpans, stageSpans, touchesAny } from "./stages.js";
import type { RuleContext, RuleFamily } from "./types.js";

type PlanRow = TableRow<"plan">;

/** The deviation statuses (schema.ts). */
/** Statuses that do not need an actual content yet. */
const NO_FACT_NEEDED = new Set(["В работе", "Перенесено"]);
/**
 * Follow-up work of a sub-item (self-study, a report on it) customarily runs on after its
 * parent's own term, as in municipal roadmaps; up to a quarter of that is not flagged.
 * Starting before the parent is always flagged.
 */
export const CHILD_LATE_GRACE_DAYS = 92;

function spanText(range: DateRange): string {
  if (range.start === FAR_PAST) return `до ${formatRuDate(range.end)}`;
  if (range.end === FAR_FUTURE) return `с ${formatRuDate(range.start)}`;
  return range.start === range.end
    ? formatRuDate(range.start)
    : `${formatRuDate(range.start)} – ${formatRuDate(range.end)}`;
}

class PlanChecker {
  private readonly table: ParsedTable<"plan">;
  private readonly index: PlanIndex;
  private readonly tasks: Set<string>;
  /** Task numbers as the «Задачи» tab shows them, for messages. */
  private readonly taskLabels: string[] = [];
  /** «Задача №» as written → the first unknown reference in it (null: all known). */
  private readonly unknownTask = new Map<string, string | null>();
  private readonly graceEnds = new Map<string, string>();
  private readonly stages: DateRange[];

  constructor(private readonly ctx: RuleContext) {
    this.table = ctx.workbook.tables.plan;
    this.index = indexPlan(this.table.rows);
    this.tasks = new Set<string>();
    // A task is named by its № or by its position: «Задачи» copied from a document are often
    // numbered «2.1, 2.2…» (section 2 of the form) while the plan says «1, 2…».
    ctx.workbook.tables.tasks.rows.forEach((row, i) => {
      const key = outlineKey(text(row, "no"));
      if (key !== null) this.tasks.add(key);
      this.tasks.add(String(i + 1));
      this.taskLabels.push(key ?? String(i + 1));
    });
    this.stages = mergedSpans(stageSpans(ctx));
  }

  run(): void {
    const seen = new Map<string, PlanRow>();
    for (const row of this.table.rows) {
      const grouping = isGroupingRow(this.index, row);
      const status = enumValue(row.cells.status, "planStatus");
      this.checkNumber(row, seen);
      this.checkContent(row, status, grouping);
      this.checkDeviation(row, status);
      this.checkQuantities(row, status);
      this.checkTerm(row, status, grouping);
      this.checkTask(row);
      if (!grouping && isBlank(row, "responsible")) {
        this.emit(row, "responsible", say("PLAN_RESPONSIBLE_MISSING", { row: row.row }));
      }
    }
  }

  private emit(row: PlanRow, key: Parameters<typeof emitAt<"plan">>[3], said: Said): void {
    emitAt(this.ctx, this.table, row, key, said);
  }

  private checkNumber(row: PlanRow, seen: Map<string, PlanRow>): void {
    const key = this.index.keyOf.get(row) ?? null;
    if (key === null) return;
    const written = text(row, "no");
    const first = seen.get(key);
    if (first) {
      this.emit(row, "no", say("PLAN_NUMBER_DUPLICATE", { number: written, row: row.row, firstRow: first.row }));
      return;
    }
    seen.set(key, row);
    const parent = parentKey(key);
    if (parent !== null && !this.index.byNumber.has(parent)) {
      this.emit(row, "no", say("PLAN_NUMBER_PARENT_MISSING", { number: written, row: row.row, parent }));
    }
  }

  private checkContent(row: PlanRow, status: string | null, grouping: boolean): void {
    if (isBlank(row, "activity") && status !== "Вне плана" && !grouping) {
      this.emit(row, "activity", say("PLAN_ACTIVITY_MISSING", { row: row.row }));
    }
    if (grouping) return;
    if (isBlank(row, "status")) {
      this.emit(row, "status", say("PLAN_STATUS_MISSING", { row: row.row }));
    } else if (status !== null && !NO_FACT_NEEDED.has(status) && isBlank(row, "fact")) {
      this.emit(row, "fact", say("PLAN_FACT_MISSING", { row: row.row, status }));
    }
  }

  private checkDeviation(row: PlanRow, status: string | null): void {
    if (status === null) return;
    const reason = text(row, "reason");
    const action = text(row, "action");
    const at = { row: row.row, status };
    if (PLAN_DEVIATION_STATUSES.has(status)) {
      if (reason === "") {
        this.emit(row, "reason", say("PLAN_DEVIATION_REASON_MISSING", "empty", at));
      } else if (reasonSaysNone(reason)) {
        this.emit(row, "reason", say("PLAN_DEVIATION_REASON_MISSING", "saysNone", { ...at, reason }));
      }
      if (action === "") {
        this.emit(row, "action", say("PLAN_DEVIATION_ACTION_MISSING", "empty", at));
      } else if (actionSaysNone(action)) {
        this.emit(row, "action", say("PLAN_DEVIATION_ACTION_MISSING", "saysNone", { ...at, action }));
      }
    } else if (status === "Выполнено" && reason !== "" && !reasonSaysNone(reason)) {
      this.emit(row, "reason", say("PLAN_REASON_WITHOUT_DEVIATION", { row: row.row, reason }));
    }
  }

  private quantity(row: PlanRow, key: "plan_qty" | "fact_qty"): number | null {
    const cell = cellAt(row, key);
    const read = readQuantity(cell);
    if (read === null) return null;
    if (read.ok) return read.value;
    const said = say("PLAN_QTY_INVALID", {
      row: row.row,
      header: headerOf("plan", key),
      value: textOf(cell),
      reason: read.reason ?? null,
    });
    this.emit(row, key, said);
    return null;
  }

  private checkQuantities(row: PlanRow, status: string | null): void {
    const planned = this.quantity(row, "plan_qty");
    const done = this.quantity(row, "fact_qty");
    if (planned === null || done === null || status === null) return;
    const at = { row: row.row, done, planned };
    if (status === "Выполнено" && done < planned) {
      this.emit(row, "status", say("PLAN_STATUS_QTY_MISMATCH", "doneShort", at));
    } else if (status === "Выполнено частично" && done === 0) {
      this.emit(row, "status", say("PLAN_STATUS_QTY_MISMATCH", "partlyNone", at));
    } else if (PLAN_DEVIATION_STATUSES.has(status) && planned > 0 && done >= planned) {
      this.emit(row, "status", say("PLAN_STATUS_QTY_MISMATCH", "deviationFull", { ...at, status }));
    }
  }

  private checkTerm(row: PlanRow, status: string | null, grouping: boolean): void {
    const dated = datedOf(this.ctx, "plan", row, "term");
    const range = rangeOf(dated);
    if (!range || range.start > range.end) return;
    const written = textOf(row.cells.term);
    if (!grouping && range.end !== FAR_FUTURE && range.end < this.ctx.reportDate) {
      const at = { row: row.row, term: written, end: range.end };
      if (status === "В работе") {
        this.emit(row, "status", say("PLAN_OVERDUE", "inWork", { ...at, reportDate: this.ctx.reportDate }));
      } else if (status === null && isBlank(row, "status") && isBlank(row, "fact")) {
        this.emit(row, "fact", say("PLAN_OVERDUE", "noFact", at));
      }
    }
    // Comparing terms with stages or parents needs real years, not today's (GEN_* says what to fill).
    if (this.ctx.yearsGuessed) return;
    this.checkParent(row, range, written);
    if (this.stages.length > 0 && !touchesAny(this.stages, range.start, range.end)) {
      this.emit(row, "term", say("PLAN_OUTSIDE_STAGE", { row: row.row, term: written, dates: spanText(range) }));
    }
  }

  private checkParent(row: PlanRow, range: DateRange, written: string): void {
    const key = this.index.keyOf.get(row) ?? null;
    const parent = key === null ? null : parentKey(key);
    const parentRow = parent === null ? undefined : this.index.byNumber.get(parent);
    if (!parentRow || parentRow === row) return;
    const parentRange = rangeOf(datedOf(this.ctx, "plan", parentRow, "term"));
    if (!parentRange || parentRange.start > parentRange.end) return;
    const early = range.start !== FAR_PAST && parentRange.start !== FAR_PAST && range.start < parentRange.start;
    const late =
      !early &&
      range.end !== FAR_FUTURE &&
      parentRange.end !== FAR_FUTURE &&
      range.end > this.graceEnd(parentRange.end);
    if (!early && !late) return;
    const terms = {
      number: text(row, "no"),
      row: row.row,
      term: written,
      parentNumber: text(parentRow, "no"),
      parentRow: parentRow.row,
      parentTerm: text(parentRow, "term"),
    };
    this.emit(row, "term", say("PLAN_CHILD_OUTSIDE_PARENT", early ? "early" : "late", terms));
  }

  /** The parent's end plus the grace for follow-up work (memoised: siblings share a parent). */
  private graceEnd(parentEnd: string): string {
    let end = this.graceEnds.get(parentEnd);
    if (end === undefined) {
      end = addDays(parentEnd, CHILD_LATE_GRACE_DAYS);
      this.graceEnds.set(parentEnd, end);
    }
    return end;
  }

  private checkTask(row: PlanRow): void {
    const written = text(row, "task_no");
    if (written === "" || this.tasks.size === 0) return;
    let unknown = this.unknownTask.get(written);
    if (unknown === undefined) {
      unknown =
        taskRefs(written).find((ref) => {
          const key = outlineKey(ref);
          return key === null || !this.tasks.has(key);
        }) ?? null;
      this.unknownTask.set(written, unknown);
    }
    if (unknown === null) return;
    const known = this.taskLabels.slice(0, 12).join(", ") + (this.taskLabels.length > 12 ? "…" : "");
    this.emit(row, "task_no", say("PLAN_TASK_UNKNOWN", { row: row.row, task: unknown, tab: TASKS.title, known }));
  }
}

export const planFamily: RuleFamily = {
  name: "plan",
  reads: ["plan", "tasks", "stages", "general"],
  ids: [
    "PLAN_ACTIVITY_MISSING",
    "PLAN_STATUS_MISSING",
    "PLAN_FACT_MISSING",
    "PLAN_DEVIATION_REASON_MISSING",
    "PLAN_DEVIATION_ACTION_MISSING",
    "PLAN_REASON_WITHOUT_DEVIATION",
    "PLAN_QTY_INVALID",
    "PLAN_STATUS_QTY_MISMATCH",
    "PLAN_OVERDUE",
    "PLAN_NUMBER_DUPLICATE",
    "PLAN_NUMBER_PARENT_MISSING",
    "PLAN_CHILD_OUTSIDE_PARENT",
    "PLAN_TASK_UNKNOWN",
    "PLAN_OUTSIDE_STAGE",
    "PLAN_RESPONSIBLE_MISSING",
  ],
  check(ctx) {
    if (ctx.workbook.tables.plan.rows.length === 0) return;
    new PlanChecker(ctx).run();
  },
};
