/**
 * `mip summary PATH... [--out FILE.xlsx] [--json] [--docx FILE.docx]`: the committee
 * dashboard over many exported workbooks (files or folders), the same columns and states as
 * the Свод tab in Sheets. A file that cannot be read gets its state and never stops the
 * others; exit 0 when done, 2 when there is no input. Nothing is ever written over a file.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join, relative, resolve } from "node:path";
import {
  type CommitteeTotals,
  type SchoolRecord,
  buildSummaryDoc,
  committeeTotals,
  failedRecord,
  readErrorState,
  readRecord,
  schoolRow,
  stateHasFigures,
  stateText,
} from "../../core/committee/index.js";
import { countWithNoun } from "../../core/russian.js";
import type { IsoDate } from "../../core/terms/types.js";
import { validateWorkbook } from "../../core/validate.js";
import { renderDocx } from "../docx.js";
import { writeNewFile } from "../files.js";
import { UnusableInputError, readXlsx } from "../xlsx-read.js";
import { progressOn } from "./summary-progress.js";
import { summaryWorkbook } from "./summary-xlsx.js";
import { formatPercent } from "../../core/percent.js";
import { UsageError, parseCommandArgs } from "../args.js";

export const SUMMARY_USAGE = `Использование: mip summary ПУТЬ... [--out СВОД.xlsx] [--json] [--docx СПРАВКА.docx]

Сводит таблицы МИП (файлы .xlsx или папки с ними) в одну таблицу — как вкладка «Свод»
в Google Таблицах: заполненность, ошибки, выполнение плана, наставничество, состояние.
  --out ФАЙЛ    записать свод в .xlsx
  --docx ФАЙЛ   записать справку по всем организациям в .docx
  --json        вывести свод в JSON (для скриптов)
Существующие файлы не перезаписываются: новый получит имя «… (2)».
Коды выхода: 0 — свод готов (даже если часть файлов не прочитана: это видно в «Состояние»),
2 — нет ни одного входного файла.
`;

const FILES = ["файл", "файла", "файлов"] as const;

interface SummaryArgs {
  readonly paths: readonly string[];
  readonly out: string | null;
  readonly docx: string | null;
  readonly json: boolean;
}

export function parseSummaryArgs(args: readonly string[]): SummaryArgs | { error: string } | { help: true } {
  let parsed;
  try {
    parsed = parseCommandArgs(args, {
        out: { type: "string", short: "o" },
        docx: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      });
  } catch (error) {
    if (error instanceof UsageError) return { error: error.message };
    throw error;
  }
  if (parsed.values.help) return { help: true };
  if (parsed.positionals.length === 0) return { error: "Укажите файлы .xlsx или папки с ними: mip summary ПАПКА" };
  for (const flag of ["out", "docx"] as const) {
    if (parsed.values[flag] !== undefined && parsed.values[flag].trim() === "") return { error: `После --${flag} укажите имя файла.` };
  }
  return { paths: parsed.positionals, out: parsed.values.out ?? null, docx: parsed.values.docx ?? null, json: parsed.values.json ?? false };
}

/** Office's lock files («~$school.xlsx») and hidden files are not workbooks. */
const isCandidate = (name: string): boolean => !name.startsWith("~$") && !name.startsWith(".");

/** Files to read, in a stable order: given files as they are, folders' .xlsx files recursively, sorted. */
export async function collectInputs(paths: readonly string[], exclude: ReadonlySet<string>): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name, "ru"));
    for (const entry of entries) {
      if (!isCandidate(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && extname(entry.name).toLowerCase() === ".xlsx") files.push(path);
    }
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) missing.push(path);
    else if (info.isDirectory()) await walk(path);
    else files.push(path);
  }
  const seen = new Set<string>();
  return {
    files: files.filter((f) => {
      const key = resolve(f);
      if (seen.has(key) || exclude.has(key)) return false;
      seen.add(key);
      return true;
    }),
    missing,
  };
}

function localNow(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(date.getDate())}.${two(date.getMonth() + 1)}.${date.getFullYear()} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

export interface SummaryOptions {
  /** Today for the validator (tests, demo); defaults to the system date. */
  readonly today?: IsoDate;
  readonly now?: Date;
  readonly onProgress?: (done: number, file: string) => void;
}

/** Reads and validates one file; every failure becomes a state on its record. */
export async function summariseFile(file: string, options: SummaryOptions = {}): Promise<SchoolRecord> {
  const info = await stat(file).catch(() => null);
  const source = {
    organisation: "",
    link: file,
    id: file,
    modified: info?.mtime.toISOString() ?? "",
    updated: localNow(options.now ?? new Date()),
  };
  try {
    if (!info?.isFile()) throw new UnusableInputError("не файл");
    if (extname(file).toLowerCase() !== ".xlsx") throw new UnusableInputError("это не файл .xlsx");
    const grid = await readXlsx(await readFile(file), `Файл «${basename(file)}»`);
    const result = validateWorkbook(grid, options.today ? { today: options.today } : {});
    const record = readRecord(source, grid, result);
    return record.organisation ? record : { ...record, organisation: basename(file, extname(file)) };
  } catch (error) {
    const detail = error instanceof UnusableInputError ? error.message : "файл повреждён или это не таблица Excel";
    return failedRecord({ ...source, organisation: basename(file, extname(file)) }, readErrorState(detail));
  }
}

export async function summariseFiles(files: readonly string[], options: SummaryOptions = {}): Promise<SchoolRecord[]> {
  const records: SchoolRecord[] = [];
  for (const [i, file] of files.entries()) {
    options.onProgress?.(i, file);
    records.push(await summariseFile(file, options));
  }
  options.onProgress?.(files.length, "");
  return records;
}

/** `mip summary --json`: the contract shape. */
export function summaryJson(records: readonly SchoolRecord[], totals: CommitteeTotals, cwd = process.cwd()) {
  return {
    schools: records.map((r) => ({
      file: relative(cwd, r.id) || r.id,
      organisation: r.organisation,
      state: stateText(r.state),
      reportType: r.digest?.reportType ?? null,
      summary: r.digest && stateHasFigures(r.state) ? r.digest.summary : null,
      metrics: r.digest && stateHasFigures(r.state) ? r.digest.metrics : null,
    })),
    totals,
  };
}

const withExtension = (path: string, ext: string) => (extname(path).toLowerCase() === ext ? path : `${path}${ext}`);

export interface WrittenSummary {
  readonly records: SchoolRecord[];
  readonly totals: CommitteeTotals;
  readonly xlsx: string | null;
  readonly docx: string | null;
}

/** Dashboard .xlsx and/or справка .docx of a set of workbooks (also what `mip demo` calls). */
export async function writeSummaryFiles(
  files: readonly string[],
  outputs: { xlsx?: string | null; docx?: string | null },
  options: SummaryOptions = {},
): Promise<WrittenSummary> {
  const records = await summariseFiles(files, options);
  const totals = committeeTotals(records);
  let xlsx: string | null = null;
  let docx: string | null = null;
  if (outputs.xlsx) xlsx = await writeNewFile(withExtension(outputs.xlsx, ".xlsx"), await summaryWorkbook(records.map(schoolRow), totals));
  if (outputs.docx) {
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const model = buildSummaryDoc(records, { date: today, signer: "Специалист комитета образования" });
    docx = await writeNewFile(withExtension(outputs.docx, ".docx"), await renderDocx(model));
  }
  return { records, totals, xlsx, docx };
}

function printTable(records: readonly SchoolRecord[], totals: CommitteeTotals): void {
  for (const r of records) {
    const d = r.digest;
    const figures = d && stateHasFigures(r.state)
      ? `ошибок ${d.summary.errors}, предупреждений ${d.summary.warnings}, заполнено ${formatPercent(d.summary.completeness)}`
      : "";
    process.stdout.write(`${r.organisation} — ${stateText(r.state)}${figures ? `: ${figures}` : ""}\n`);
  }
  const plan = formatPercent(totals.planExecution);
  process.stdout.write(
    `\nИтого: ${countWithNoun(totals.schools, FILES)}, прочитано ${totals.read}; с ошибками ${totals.withErrors}, ` +
      `без ошибок ${totals.read - totals.withErrors}; выполнение плана ${plan}.\n`,
  );
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseSummaryArgs(args);
  if ("help" in parsed) {
    process.stdout.write(SUMMARY_USAGE);
    return 0;
  }
  if ("error" in parsed) {
    process.stderr.write(`${parsed.error}\n${SUMMARY_USAGE}`);
    return 2;
  }
  try {
    const exclude = new Set([parsed.out, parsed.docx].filter((p): p is string => !!p).map((p) => resolve(p)));
    const { files, missing } = await collectInputs(parsed.paths, exclude);
    for (const path of missing) process.stderr.write(`«${path}» не найден — пропускаю.\n`);
    if (files.length === 0) {
      process.stderr.write("Нет ни одного файла .xlsx для свода. Укажите файлы или папку с таблицами МИП.\n");
      return 2;
    }
    const progress = progressOn(process.stderr, files.length);
    const written = await writeSummaryFiles(files, { xlsx: parsed.out, docx: parsed.docx }, {
      onProgress: (done, file) => progress.step(done, basename(file)),
    });
    progress.finish();
    if (parsed.json) process.stdout.write(`${JSON.stringify(summaryJson(written.records, written.totals), null, 2)}\n`);
    else printTable(written.records, written.totals);
    if (written.xlsx) process.stderr.write(`Свод записан: ${written.xlsx}\n`);
    if (written.docx) process.stderr.write(`Справка записана: ${written.docx}\n`);
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(
      code === "EACCES" || code === "EROFS" || code === "ENOENT"
        ? "Не удалось записать результат: проверьте папку и права на запись.\n"
        : "Свод не удалось сформировать: непредвиденная ошибка.\n",
    );
    return 2;
  }
}
