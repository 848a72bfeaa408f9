/**
 * `mip validate FILE [--json] [--report-date DD.MM.YYYY]` — checks one workbook.
 * Exit codes (docs/CLI.md): 0 no errors, 1 errors found, 2 unusable input.
 */
import { isoToRu } from "../../core/grid.js";
import type { Issue, Severity } from "../../core/issues.js";
import { countWithNoun } from "../../core/russian.js";
import { SEVERITY_NOUNS } from "../../core/severity.js";
import { TABS } from "../../core/schema.js";
import { type ValidationResult, validateWorkbook } from "../../core/validate.js";
import { UsageError, parseCommandArgs, parseRuDateArg } from "../args.js";
import { loadMipWorkbook } from "../load.js";
import { type Painter, painter } from "../style.js";
import { terminalSafe } from "../terminal.js";
import { writeJsonStreamed } from "../json-out.js";
import { formatPercent } from "../../core/percent.js";
import { usageOf } from "../help.js";
import { shellCommand } from "../shell-quote.js";

export const VALIDATE_USAGE = usageOf("validate");

/** A screenful per tab is readable; the full list stays available through --json. */
export const MAX_LINES_PER_TAB = 100;

/** Line labels: the severity nouns the counts, the sidebar and the cell notes use, padded to one width. */
const LABEL: Record<Severity, string> = {
  error: SEVERITY_NOUNS.error[0],
  warning: SEVERITY_NOUNS.warning[0],
  info: SEVERITY_NOUNS.info[0],
};
const LABEL_WIDTH = Math.max(...Object.values(LABEL).map((label) => label.length));

/** «3 ошибки, 1 предупреждение» — only the non-zero kinds; «нет замечаний» when all are zero. */
export function countsInWords(counts: { errors: number; warnings: number; infos: number }): string {
  const parts = [
    counts.errors ? countWithNoun(counts.errors, SEVERITY_NOUNS.error) : "",
    counts.warnings ? countWithNoun(counts.warnings, SEVERITY_NOUNS.warning) : "",
    counts.infos ? countWithNoun(counts.infos, SEVERITY_NOUNS.info) : "",
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "замечаний нет";
}

function percent(share: number | null): string {
  return formatPercent(share);
}

function metricsLines(result: ValidationResult): string[] {
  const m = result.metrics;
  const lines: string[] = [];
  lines.push(
    `План-факт: ${countWithNoun(m.planRows, ["пункт", "пункта", "пунктов"])}, выполнено ${m.planDone}` +
      (m.planExecution === null ? "" : ` (${percent(m.planExecution)} от пунктов с наступившим сроком)`) +
      `, ${countWithNoun(m.deviations, ["отклонение", "отклонения", "отклонений"])}.`,
  );
  if (m.pairsTotal > 0 || m.mentors > 0)
    lines.push(
      `Наставничество: ${countWithNoun(m.pairsActive, ["активная пара", "активные пары", "активных пар"])}, ` +
        `${countWithNoun(m.mentors, ["наставник", "наставника", "наставников"])}, ` +
        `${countWithNoun(m.mentees, ["наставляемый", "наставляемых", "наставляемых"])}.`,
    );
  lines.push(`Участников: ${m.participantsTotal}.`);
  return lines;
}

function issueLine(issue: Issue, p: Painter): string {
  const paint = issue.severity === "error" ? p.red : issue.severity === "warning" ? p.yellow : p.blue;
  const where = issue.cell ?? (issue.row !== null ? `стр. ${issue.row}` : "");
  return `  ${paint(LABEL[issue.severity].padEnd(LABEL_WIDTH))} ${p.dim(where.padEnd(6))} ${terminalSafe(issue.message)}`;
}

/** The human-readable report, grouped by tab in template order. */
export function formatValidation(result: ValidationResult, file: string, p: Painter): string {
  const out: string[] = [];
  const version = result.templateVersion ? `, шаблон версии ${result.templateVersion}` : "";
  out.push(p.bold(terminalSafe(`Проверка таблицы «${file}»${version}`)));
  out.push(
    `Дата отчёта: ${isoToRu(result.context.reportDate)}. Заполненность: ${percent(result.summary.completeness)}.`,
  );
  const total = result.summary.errors + result.summary.warnings + result.summary.infos;
  const headline = `Найдено: ${countsInWords(result.summary)}.`;
  out.push(result.summary.errors ? p.red(headline) : total ? p.yellow(headline) : p.green(headline));
  const bySheet = new Map<string, Issue[]>();
  for (const issue of result.issues) {
    const list = bySheet.get(issue.sheet) ?? [];
    list.push(issue);
    bySheet.set(issue.sheet, list);
  }
  const order = [
    ...TABS.map((t) => t.title as string),
    ...[...bySheet.keys()].filter((s) => !TABS.some((t) => t.title === s)),
  ];
  for (const sheet of order) {
    const list = bySheet.get(sheet);
    if (!list) continue;
    const counts = {
      errors: list.filter((i) => i.severity === "error").length,
      warnings: list.filter((i) => i.severity === "warning").length,
      infos: list.filter((i) => i.severity === "info").length,
    };
    out.push("", p.bold(terminalSafe(`«${sheet}» — ${countsInWords(counts)}`)));
    for (const issue of list.slice(0, MAX_LINES_PER_TAB)) out.push(issueLine(issue, p));
    const hidden = list.length - MAX_LINES_PER_TAB;
    if (hidden > 0)
      out.push(
        p.dim(
          `  … и ещё ${countWithNoun(hidden, ["находка", "находки", "находок"])} ` +
            `на этой вкладке (полный список: mip validate --json).`,
        ),
      );
  }
  out.push("", ...metricsLines(result));
  if (result.summary.errors === 0)
    out.push(total === 0 ? "Ошибок нет — можно формировать отчёт." : "Ошибок нет; предупреждения стоит просмотреть.");
  else
    out.push(
      terminalSafe(
        `Исправьте ${result.summary.errors === 1 ? "ошибку" : "ошибки"} ` +
          `и проверьте таблицу снова: ${shellCommand("mip", "validate", file)}`,
      ),
    );
  return `${out.join("\n")}\n`;
}

/** The `--json` object; field names are a contract (docs/CLI.md). */
/** One finding as `--json` prints it: the contract's fields, in their order (docs/CLI.md). */
export function issueJson(i: Issue): Record<string, unknown> {
  return {
    rule: i.rule,
    severity: i.severity,
    sheet: i.sheet,
    row: i.row,
    column: i.column,
    cell: i.cell,
    message: i.message,
  };
}

export function validationJson(result: ValidationResult, file: string): Record<string, unknown> {
  return {
    file,
    templateVersion: result.templateVersion,
    summary: {
      errors: result.summary.errors,
      warnings: result.summary.warnings,
      infos: result.summary.infos,
      completeness: result.summary.completeness,
    },
    metrics: result.metrics,
    issues: result.issues.map(issueJson),
  };
}

/** The flags the parser accepts; test/cli/help.test.ts checks them against the help table. */
export const VALIDATE_OPTIONS = {
  json: { type: "boolean" },
  "report-date": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, VALIDATE_OPTIONS);
  if (values.help) {
    process.stdout.write(`${VALIDATE_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("Укажите один файл таблицы: mip validate ФАЙЛ.xlsx");
  const file = positionals[0]!;
  const reportDate =
    values["report-date"] === undefined ? undefined : parseRuDateArg(values["report-date"], "--report-date");
  const grid = await loadMipWorkbook(file);
  const result = validateWorkbook(grid, reportDate ? { reportDate } : {});
  // JSON escapes control characters itself; the text for the terminal escapes them (terminal.ts).
  if (values.json) writeJsonStreamed((text) => process.stdout.write(text), validationJson(result, file), "issues");
  else process.stdout.write(formatValidation(result, file, painter(process.stdout)));
  return result.summary.errors > 0 ? 1 : 0;
}
