/**
 * buildReport: validated workbook → document model (or, in strict mode with errors, the
 * errors that block it). Pure: both the .docx and the Google Docs renderers draw its result.
 * The skeleton is the chosen form's (forms/, Настройки → «Форма отчёта»); this module only
 * adds what every form shares: the draft mark and appendix, the file name, the typography and
 * the page layout.
 */
import { fold } from "../fold.js";
import type { Issue } from "../issues.js";
import { countWithNoun } from "../russian.js";
import { MAX_APPENDIX_ERRORS } from "./draft-note.js";
import { readableOf } from "../readable.js";
import type { ValidationResult } from "../validate.js";
import { type ColumnSpec, heading, paragraph, table } from "./blocks.js";
import { renderForm } from "./forms/engine.js";
import { type FormDefinition, formOf } from "./forms/index.js";
import { type ReportContext, REPORT_VOCABULARY } from "./forms/report-vocabulary.js";
import { type Block, type DocModel, type ReportBuild } from "./model.js";
import { reportFileName } from "./naming.js";
import { printableWorkbook } from "./printable.js";
import { generalText } from "./read.js";
import { typography } from "./typography.js";
import { layoutSections } from "./sections.js";

export { firstFreeName, reportFileName, safeFileName } from "./naming.js";

export interface BuildReportOptions {
  /** Overrides `Настройки → Не формировать отчёт при ошибках` (CLI `--strict`). */
  readonly strict?: boolean;
  /** Overrides `Настройки → Форма отчёта` (tests and previews). */
  readonly form?: FormDefinition;
}

export const DRAFT_MARK = "ЧЕРНОВИК";

function reportKind(result: ValidationResult): "interim" | "final" {
  if (result.context.reportType) return result.context.reportType;
  return fold(generalText(result.workbook, "report_type")).startsWith("итог") ? "final" : "interim";
}

const ERROR_COLUMNS: readonly ColumnSpec[] = [
  { header: "№ п/п", width: 6, align: "center" },
  { header: "Вкладка", width: 20 },
  { header: "Ячейка", width: 10, align: "center" },
  { header: "Сообщение", width: 64 },
];

const ERROR_NOUNS = ["ошибки", "ошибок", "ошибок"] as const;

/** The draft appendix: the errors with their sheet, cell and message (the first MAX_APPENDIX_ERRORS). */
function errorsAppendix(errors: readonly Issue[]): Block[] {
  const shown = errors.slice(0, MAX_APPENDIX_ERRORS);
  const rest = errors.length - shown.length;
  return [
    { type: "pageBreak" },
    heading(1, "Приложение. Ошибки, найденные при проверке таблицы"),
    paragraph(
      "Отчёт сформирован как черновик: в таблице есть ошибки. Исправьте " +
        "их и сформируйте отчёт заново, чтобы получить чистовой вариант.",
      "justify",
    ),
    table(
      ERROR_COLUMNS,
      shown.map((e, i) => [String(i + 1), e.sheet, e.cell ?? "", e.message]),
    ),
    ...(rest > 0
      ? [
          paragraph(
            `Показаны первые ${shown.length} из ${countWithNoun(errors.length, ERROR_NOUNS)}. ` +
              `Все ошибки показывает проверка таблицы: панель МИП в Google Таблицах или команда mip validate.`,
            "justify",
          ),
        ]
      : []),
  ];
}

/** «ЧЕРНОВИК» above the form's title lines. */
function markDraft(blocks: readonly Block[]): Block[] {
  return blocks.map((b) => (b.type === "title" ? { ...b, lines: [DRAFT_MARK, ...b.lines] } : b));
}

/** What the report's vocabulary reads: the validated workbook with values with errors and unprintable cells emptied. */
export function reportContextOf(result: ValidationResult): ReportContext {
  const { period, reportDate } = result.context;
  return {
    wb: printableWorkbook(readableOf(result)),
    period,
    reportDate,
    metrics: result.metrics,
    kind: reportKind(result),
  };
}

/** The document model, always (draft when there are errors); the strict decision is buildReport's. */
export function buildReportModel(
  result: ValidationResult,
  draftErrors: readonly Issue[] = [],
  form?: FormDefinition,
): DocModel {
  const ctx = reportContextOf(result);
  const { wb } = ctx;
  const { period, settings } = result.context;
  const draft = draftErrors.length > 0;
  const chosen = form ?? formOf(wb);
  const content = renderForm(chosen, REPORT_VOCABULARY, ctx);
  const blocks = typography([...(draft ? markDraft(content) : content), ...(draft ? errorsAppendix(draftErrors) : [])]);
  const orientation = settings.orientation === "landscape" ? "landscape" : "portrait";
  return {
    title: reportFileName(generalText(wb, "org_short_name"), period?.label ?? generalText(wb, "period")),
    orientation,
    draft,
    form: chosen.id,
    blocks: layoutSections(blocks, orientation),
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
  return { kind: "document", model: buildReportModel(result, errors, options.form), errors: errors.length };
}
