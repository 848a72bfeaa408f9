/**
 * buildReport: validated workbook → document model (or, in strict mode with errors, the
 * errors that block it). Pure: both the .docx and the Google Docs renderers draw its result.
 */
import { fold } from "../fold.js";
import type { Issue } from "../issues.js";
import { initials, orgNameGenitive, periodInWords, periodPrepositional, splitPositionAndName, unbreakable } from "../russian.js";
import type { ValidationResult } from "../validate.js";
import { type ColumnSpec, heading, paragraph, table } from "./blocks.js";
import { type Block, type DocModel, type ReportBuild, SIGNATURE_BLANK } from "./model.js";
import { reportFileName } from "./naming.js";
import { fitTables } from "./widths.js";
import { generalText } from "./read.js";
import {
  type SectionInput,
  contentSection,
  effectivenessSection,
  forecastSection,
  generalSection,
  proposalsSection,
  resultsSection,
  staffSection,
} from "./sections.js";

export { firstFreeName, reportFileName, safeFileName } from "./naming.js";

export interface BuildReportOptions {
  /** Overrides `Настройки → Не формировать отчёт при ошибках` (CLI `--strict`). */
  readonly strict?: boolean;
}

export const DRAFT_MARK = "ЧЕРНОВИК";

function reportKind(result: ValidationResult): "interim" | "final" {
  if (result.context.reportType) return result.context.reportType;
  return fold(generalText(result.workbook, "report_type")).startsWith("итог") ? "final" : "interim";
}

/**
 * «УТВЕРЖДАЮ», the approver's position on its own line(s), the signature blank followed by
 * the name (non-breaking spaces: the initials stay with the surname), then the date line.
 */
function approvalBlock(approver: string, reportDate: string): Block[] {
  if (approver === "") return [];
  const year = reportDate.slice(0, 4);
  const { position, name } = splitPositionAndName(approver);
  const signature = name === "" ? SIGNATURE_BLANK : `${SIGNATURE_BLANK}\u00a0${unbreakable(name)}`;
  return [{ type: "approval", lines: ["УТВЕРЖДАЮ", ...(position ? [position] : []), signature, `«___» ____________ ${year} г.`] }];
}

const ERROR_COLUMNS: readonly ColumnSpec[] = [
  { header: "№ п/п", width: 6, align: "center" },
  { header: "Вкладка", width: 20 },
  { header: "Ячейка", width: 10, align: "center" },
  { header: "Сообщение", width: 64 },
];

/** The draft appendix: every error with its sheet, cell and message. */
function errorsAppendix(errors: readonly Issue[]): Block[] {
  return [
    { type: "pageBreak" },
    heading(1, "Приложение. Ошибки, найденные при проверке таблицы"),
    paragraph(
      "Отчёт сформирован как черновик: в таблице есть ошибки. Исправьте их и сформируйте отчёт заново, чтобы получить чистовой вариант.",
      "justify",
    ),
    table(
      ERROR_COLUMNS,
      errors.map((e, i) => [String(i + 1), e.sheet, e.cell ?? "", e.message]),
    ),
  ];
}

/** The document model, always (draft when there are errors); the strict decision is buildReport's. */
export function buildReportModel(result: ValidationResult, draftErrors: readonly Issue[] = []): DocModel {
  const wb = result.workbook;
  const { period, reportDate, settings } = result.context;
  const writtenPeriod = generalText(wb, "period");
  const input: SectionInput = {
    wb,
    period,
    reportDate,
    metrics: result.metrics,
    periodWords: periodInWords(period, writtenPeriod),
    periodIn: periodPrepositional(period, writtenPeriod),
  };
  const draft = draftErrors.length > 0;
  const orgFull = generalText(wb, "org_full_name") || "—";
  const orgShort = generalText(wb, "org_short_name");
  const titleLines = [
    ...(draft ? [DRAFT_MARK] : []),
    reportKind(result) === "final" ? "ИТОГОВЫЙ ОТЧЕТ" : "ПРОМЕЖУТОЧНЫЙ ОТЧЕТ",
    `о деятельности муниципальной инновационной площадки на базе ${orgNameGenitive(orgFull)} за ${input.periodWords || "—"}`,
  ];
  const blocks: Block[] = [
    ...approvalBlock(generalText(wb, "approver"), reportDate),
    { type: "title", lines: titleLines },
    ...generalSection(input),
    ...contentSection(input),
    ...resultsSection(input),
    ...staffSection(input),
    ...effectivenessSection(input),
    ...forecastSection(input),
    ...proposalsSection(input),
    { type: "signature", left: `Руководитель ${orgShort || "ОО"} (МИП)`, name: initials(generalText(wb, "leader")) },
    ...(draft ? errorsAppendix(draftErrors) : []),
  ];
  const orientation = settings.orientation === "landscape" ? "landscape" : "portrait";
  return {
    title: reportFileName(orgShort, period?.label ?? writtenPeriod),
    orientation,
    draft,
    blocks: fitTables(blocks, orientation),
  };
}

/**
 * The report for a validated workbook. With errors: strict (option, else `Настройки`) →
 * `{kind: "blocked", errors}` and no document; otherwise a draft with the errors appended.
 */
export function buildReport(result: ValidationResult, options: BuildReportOptions = {}): ReportBuild {
  const errors = result.issues.filter((i) => i.severity === "error");
  const strict = options.strict ?? result.context.settings.strict;
  if (strict && errors.length > 0) return { kind: "blocked", errors };
  return { kind: "document", model: buildReportModel(result, errors), errors: errors.length };
}
