/**
 * The rule context: what every rule needs besides the rows — the reporting period, the
 * report date, the report type and the settings. Built once per validation; never throws.
 */
import { readCount } from "../numbers.js";
import { REPORT_TYPE_FINAL, REPORT_TYPE_INTERIM, YES } from "../schema.js";
import { parsePeriod } from "../terms/index.js";
import type { IsoDate, Period } from "../terms/types.js";
import type { Workbook } from "../workbook.js";
import { readCell } from "./dated.js";
import { enumValue, fieldCell } from "./read.js";
import type { RuleContext, Settings, ValidateOptions } from "./types.js";

const DEFAULT_MAX_MENTEES = 5;

function systemToday(): IsoDate {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function periodOf(workbook: Workbook): Period | null {
  return parsePeriod(fieldCell({ workbook }, "general", "period"));
}

/** «Дата отчёта» when it is one readable day; anything else falls back (TERM_INVALID reports it). */
function reportDateOf(workbook: Workbook, period: Period | null): IsoDate | null {
  const dated = readCell(fieldCell({ workbook }, "general", "report_date"), period, "single");
  return dated.status === "ok" ? dated.term.start : null;
}

function readSettings(workbook: Workbook): Settings {
  const ctx = { workbook };
  let maxMentees = DEFAULT_MAX_MENTEES;
  // An unreadable limit keeps the default; the mentoring family reports it.
  const read = readCount(fieldCell(ctx, "settings", "max_mentees"));
  if (read && read.ok && read.value >= 1) maxMentees = read.value;
  const reportFolder = fieldCell(ctx, "settings", "report_folder");
  return {
    maxMentees,
    strict: enumValue(fieldCell(ctx, "settings", "strict"), "yesNo") === YES,
    orientation:
      enumValue(fieldCell(ctx, "settings", "orientation"), "orientation") === "Альбомная" ? "landscape" : "portrait",
    reportFolder: typeof reportFolder === "string" ? reportFolder.trim() : "",
  };
}

export function buildContext(workbook: Workbook, options: ValidateOptions): Omit<RuleContext, "emit"> {
  const period = periodOf(workbook);
  const known = options.reportDate ?? reportDateOf(workbook, period);
  const reportDate = known ?? options.today ?? systemToday();
  const type = enumValue(fieldCell({ workbook }, "general", "report_type"), "reportType");
  return {
    workbook,
    period,
    reportDate,
    yearsGuessed: period === null && known === null,
    reportType: type === REPORT_TYPE_FINAL ? "final" : type === REPORT_TYPE_INTERIM ? "interim" : null,
    settings: readSettings(workbook),
  };
}
