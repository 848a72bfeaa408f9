/**
 * PLAN_*: the plan-versus-fact table. Rows are indexed by their hierarchical number in a
 * Map, so parents, duplicates and children are found in linear time.
 *
 * A grouping row — one that has sub-items (8.1 under 8) and no status or fact of its own —
 * is a heading: it is not asked for a status, a fact or a responsible person.
 */
import { quote } from "../issues.js";
import { readQuantity } from "../numbers.js";
import { ENUMS, PLAN_DEVIATION_STATUSES, TASKS } from "../schema.js";
import { addDays } from "../terms/dates.js";
import { formatRuDate } from "../terms/index.js";
import type { ParsedTable, TableRow } from "../workbook.js";
import { type DateRange, FAR_FUTURE, FAR_PAST, datedOf, rangeOf } from "./dated.js";
import { type PlanIndex, indexPlan, isGroupingRow, outlineKey, parentKey, taskRefs } from "./plan-index.js";
import {
  actionSaysNone,
  cellAt,
  emitAt,
  enumValue,
  headerOf,
  isBlank,
  reasonNote,
  reasonSaysNone,
  text,
  textOf,
} from "./read.js";
import { mergedSpans, stageSpans, touchesAny } from "./stages.js";
import type { RuleContext, RuleFamily } from "./types.js";
import { ruNumber as fmt } from "../russian.js";

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

const STATUS_LIST = ENUMS.planStatus.map((s) => `«${s}»`).join(", ");

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
        this.emit(
          row,
          "responsible",
          "PLAN_RESPONSIBLE_MISSING",
          `В строке ${row.row} не указан ответственный. Заполните столбец «Ответственный».`,
        );
      }
    }
  }

  private emit(
    row: PlanRow,
    key: Parameters<typeof emitAt<"plan">>[3],
    rule: Parameters<typeof emitAt>[4],
    message: string,
  ): void {
    emitAt(this.ctx, this.table, row, key, rule, message);
  }

  private checkNumber(row: PlanRow, seen: Map<string, PlanRow>): void {
    const key = this.index.keyOf.get(row) ?? null;
    if (key === null) return;
    const written = text(row, "no");
    const first = seen.get(key);
    if (first) {
      this.emit(
        row,
        "no",
        "PLAN_NUMBER_DUPLICATE",
        `Номер ${quote(written)} в строке ${row.row} уже есть в ` +
          `строке ${first.row}. Исправьте нумерацию: у каждого пункта свой номер.`,
      );
      return;
    }
    seen.set(key, row);
    const parent = parentKey(key);
    if (parent !== null && !this.index.byNumber.has(parent)) {
      this.emit(
        row,
        "no",
        "PLAN_NUMBER_PARENT_MISSING",
        `Пункт ${quote(written)} в строке ${row.row} есть, а пункта ` +
          `«${parent}» нет. Добавьте строку «${parent}» или исправьте номер.`,
      );
    }
  }

  private checkContent(row: PlanRow, status: string | null, grouping: boolean): void {
    if (isBlank(row, "activity") && status !== "Вне плана" && !grouping) {
      this.emit(
        row,
        "activity",
        "PLAN_ACTIVITY_MISSING",
        `В строке ${row.row} не указано запланированное мероприятие. Заполните столбец ` +
          `«Мероприятие (план)»; если мероприятие проведено без плана, выберите статус «Вне плана».`,
      );
    }
    if (grouping) return;
    if (isBlank(row, "status")) {
      this.emit(
        row,
        "status",
        "PLAN_STATUS_MISSING",
        `В строке ${row.row} не указан статус. Выберите его в столбце «Статус»: ${STATUS_LIST}.`,
      );
    } else if (status !== null && !NO_FACT_NEEDED.has(status) && isBlank(row, "fact")) {
      this.emit(
        row,
        "fact",
        "PLAN_FACT_MISSING",
        `В строке ${row.row} статус «${status}», но не заполнено фактическое содержание. Опишите в столбце ` +
          `«Фактическое содержание», что сделано${status === "Не выполнено" ? " или почему не сделано" : ""}.`,
      );
    }
  }

  private checkDeviation(row: PlanRow, status: string | null): void {
    if (status === null) return;
    const reason = text(row, "reason");
    const action = text(row, "action");
    if (PLAN_DEVIATION_STATUSES.has(status)) {
      if (reason === "") {
        this.emit(
          row,
          "reason",
          "PLAN_DEVIATION_REASON_MISSING",
          `В строке ${row.row} статус «${status}», но не указаны ` +
            `причины отклонения. Заполните столбец «Причины отклонения».`,
        );
      } else if (reasonSaysNone(reason)) {
        this.emit(
          row,
          "reason",
          "PLAN_DEVIATION_REASON_MISSING",
          `В строке ${row.row} статус «${status}», а в причинах отклонения написано ${quote(reason)}. ` +
            `Укажите настоящую причину отклонения в столбце «Причины отклонения».`,
        );
      }
      if (action === "" || actionSaysNone(action)) {
        this.emit(
          row,
          "action",
          "PLAN_DEVIATION_ACTION_MISSING",
          action === ""
            ? `В строке ${row.row} статус «${status}», но не указаны управленческие действия. ` +
                `Заполните столбец «Управленческие действия»: что сделано, чтобы исправить отклонение.`
            : `В строке ${row.row} статус «${status}», а управленческие действия не указаны (${quote(action)}). ` +
                `Заполните столбец «Управленческие действия»: что сделано, чтобы исправить отклонение.`,
        );
      }
    } else if (status === "Выполнено" && reason !== "" && !reasonSaysNone(reason)) {
      this.emit(
        row,
        "reason",
        "PLAN_REASON_WITHOUT_DEVIATION",
        `В строке ${row.row} статус «Выполнено», но в столбце «Причины отклонения» ` +
          `описано отклонение: ${quote(reason)}. Если мероприятие выполнено не ` +
          `полностью, укажите статус «Выполнено частично»; иначе очистите причину.`,
      );
    }
  }

  private quantity(row: PlanRow, key: "plan_qty" | "fact_qty"): number | null {
    const cell = cellAt(row, key);
    const read = readQuantity(cell);
    if (read === null) return null;
    if (read.ok) return read.value;
    const why = reasonNote(read.reason);
    this.emit(
      row,
      key,
      "PLAN_QTY_INVALID",
      `В строке ${row.row} в столбце «${headerOf("plan", key)}» значение ${quote(textOf(cell))} ` +
        `не подходит${why}. Укажите неотрицательное число, например 7.`,
    );
    return null;
  }

  private checkQuantities(row: PlanRow, status: string | null): void {
    const planned = this.quantity(row, "plan_qty");
    const done = this.quantity(row, "fact_qty");
    if (planned === null || done === null || status === null) return;
    const ratio = (): string => `проведено ${fmt(done)} из ${fmt(planned)} запланированных`;
    if (status === "Выполнено" && done < planned) {
      this.emit(
        row,
        "status",
        "PLAN_STATUS_QTY_MISMATCH",
        `В строке ${row.row} ${ratio()}, а статус «Выполнено». Укажите статус ` +
          `«Выполнено частично» с причиной отклонения или исправьте количество.`,
      );
    } else if (status === "Выполнено частично" && done === 0) {
      this.emit(
        row,
        "status",
        "PLAN_STATUS_QTY_MISMATCH",
        `В строке ${row.row} статус «Выполнено частично», но по факту проведено ` +
          `0. Если ничего не проведено, укажите «Не выполнено» или «Перенесено».`,
      );
    } else if (PLAN_DEVIATION_STATUSES.has(status) && planned > 0 && done >= planned) {
      this.emit(
        row,
        "status",
        "PLAN_STATUS_QTY_MISMATCH",
        `В строке ${row.row} ${ratio()}, а статус «${status}». Проверьте статус или количество.`,
      );
    }
  }

  private checkTerm(row: PlanRow, status: string | null, grouping: boolean): void {
    const dated = datedOf(this.ctx, "plan", row, "term");
    const range = rangeOf(dated);
    if (!range || range.start > range.end) return;
    const written = textOf(row.cells.term);
    if (!grouping && range.end !== FAR_FUTURE && range.end < this.ctx.reportDate) {
      if (status === "В работе") {
        this.emit(
          row,
          "status",
          "PLAN_OVERDUE",
          `В строке ${row.row} срок ${quote(written)} закончился ${formatRuDate(range.end)}, ` +
            `а статус всё ещё «В работе» (дата отчёта ${formatRuDate(this.ctx.reportDate)}). ` +
            `Укажите итог: «Выполнено», «Выполнено частично», «Не выполнено» или «Перенесено».`,
        );
      } else if (status === null && isBlank(row, "status") && isBlank(row, "fact")) {
        this.emit(
          row,
          "fact",
          "PLAN_OVERDUE",
          `В строке ${row.row} срок ${quote(written)} закончился ${formatRuDate(range.end)}, ` +
            `а фактическое содержание не заполнено. Опишите, что сделано, и укажите статус.`,
        );
      }
    }
    // Comparing terms with stages or parents needs real years, not today's (GEN_* says what to fill).
    if (this.ctx.yearsGuessed) return;
    this.checkParent(row, range, written);
    if (this.stages.length > 0 && !touchesAny(this.stages, range.start, range.end)) {
      this.emit(
        row,
        "term",
        "PLAN_OUTSIDE_STAGE",
        `В строке ${row.row} срок ${quote(written)} (${spanText(range)}) не попадает ` +
          `ни в один этап проекта. Проверьте срок или сроки этапов на вкладке «Этапы».`,
      );
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
    const who = `Подпункт ${quote(text(row, "no"))} (строка ${row.row}) со сроком ${quote(written)}`;
    const parentWho = `пункт ${quote(text(parentRow, "no"))} (строка ${parentRow.row}, срок ${quote(text(parentRow, "term"))})`;
    this.emit(
      row,
      "term",
      "PLAN_CHILD_OUTSIDE_PARENT",
      `${who} ${early ? "начинается раньше" : "заканчивается намного позже"}, чем ` +
        `свой ${parentWho}. Проверьте сроки: подпункт должен укладываться в срок пункта.`,
    );
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
    this.emit(
      row,
      "task_no",
      "PLAN_TASK_UNKNOWN",
      `В строке ${row.row} указана задача ${quote(unknown)}, а на вкладке ` +
        `«${TASKS.title}» такой нет (есть: ${known}). Исправьте номер задачи.`,
    );
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
