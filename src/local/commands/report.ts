/**
 * `mip report FILE [--out FILE.docx] [--strict]` — writes the report as .docx.
 * Exit codes (docs/CLI.md): 0 written (a draft too), 1 strict and errors (nothing written),
 * 2 unusable input or cannot write. Never overwrites: a taken name gets «(2)», «(3)» …
 */
import { dirname, resolve } from "node:path";
import { draftErrorsNote } from "../../core/report/draft-note.js";
import type { Issue } from "../../core/issues.js";
import { countWithNoun } from "../../core/russian.js";
import { ERRORS } from "../../core/severity.js";
import { writeFailure } from "../files.js";
import { fileLabel, loadMipWorkbook } from "../load.js";
import { writeReportFile } from "../report-file.js";
import { UnusableInputError } from "../errors.js";
import { terminalSafe } from "../terminal.js";
import { type NotArguments, parseCommandLine } from "../args.js";
import { usageOf } from "../help.js";

export const REPORT_USAGE = usageOf("report");

function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

function complain(text: string): void {
  process.stderr.write(`${text}\n`);
}

function issueLine(issue: Issue): string {
  const where = issue.cell ? `${issue.sheet}, ${issue.cell}` : issue.sheet;
  return terminalSafe(`  ${where}: ${issue.message}`);
}

interface ReportArgs {
  readonly file: string;
  readonly out: string | null;
  readonly strict: boolean;
}

/** The flags the parser accepts; test/cli/help.test.ts checks them against the help table. */
export const REPORT_OPTIONS = {
  out: { type: "string", short: "o" },
  strict: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** Parses the arguments; a usage problem is a Russian sentence. */
export function parseReportArgs(args: readonly string[]): ReportArgs | NotArguments {
  const parsed = parseCommandLine(args, REPORT_OPTIONS);
  if ("error" in parsed || "help" in parsed) return parsed;
  if (parsed.positionals.length === 0) return { error: "Укажите файл таблицы: mip report ФАЙЛ.xlsx" };
  if (parsed.positionals.length > 1) return { error: "Укажите один файл таблицы: mip report ФАЙЛ.xlsx" };
  if (parsed.values.out !== undefined && parsed.values.out.trim() === "")
    return { error: "После --out укажите имя файла отчёта." };
  return { file: parsed.positionals[0]!, out: parsed.values.out ?? null, strict: parsed.values.strict ?? false };
}

/** «Это черновик: в таблице 1 ошибка. Она перечислена …» (the sidebar says the same). */
export function draftNotice(errors: number): string {
  return `Это черновик: ${draftErrorsNote(errors)}`;
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseReportArgs(args);
  if ("help" in parsed) {
    say(REPORT_USAGE);
    return 0;
  }
  if ("error" in parsed) {
    complain(parsed.error);
    complain(REPORT_USAGE);
    return 2;
  }
  let grid;
  try {
    grid = await loadMipWorkbook(parsed.file);
  } catch (error) {
    complain(error instanceof UnusableInputError ? error.message : `${fileLabel(parsed.file)} не удалось прочитать.`);
    return 2;
  }

  let result;
  try {
    result = await writeReportFile(grid, parsed.out === null ? null : resolve(parsed.out), {
      ...(parsed.strict ? { strict: true } : {}),
      defaultDir: dirname(resolve(parsed.file)),
    });
  } catch (error) {
    complain(`Не удалось записать отчёт (${writeFailure(error)}). Укажите другое место: --out ПАПКА/отчёт.docx`);
    return 2;
  }

  if (result.kind === "blocked") {
    complain(
      `Отчёт не сформирован: в таблице ${countWithNoun(result.errors.length, ERRORS)}, ` +
        `а включён строгий режим (--strict или «Не формировать отчёт при ошибках» = Да).`,
    );
    for (const issue of result.errors) complain(issueLine(issue));
    return 1;
  }
  if (result.requestedPath) say(`Файл «${result.requestedPath}» уже существует — он не тронут.`);
  say(`Отчёт записан: ${result.path}`);
  if (result.draft) say(draftNotice(result.errors));
  return 0;
}
