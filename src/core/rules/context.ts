// PLACEHOLDER — replaced by the real context builder.
import type { ValidateOptions } from "../validate.js";
import type { Workbook } from "../workbook.js";
import type { RuleContext } from "./types.js";
export function buildContext(workbook: Workbook, options: ValidateOptions): Omit<RuleContext, "emit"> {
  return {
    workbook,
    period: null,
    reportDate: options.reportDate ?? options.today ?? new Date().toISOString().slice(0, 10),
    reportType: null,
    settings: { maxMentees: 5, strict: false, orientation: "portrait", reportFolder: "" },
  };
}
