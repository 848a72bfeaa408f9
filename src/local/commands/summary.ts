/**
 * `mip summary PATH... [--out FILE.xlsx] [--json] [--docx FILE.docx]`: the committee
 * dashboard over many exported workbooks (files or folders), the same columns and states as
 * the Свод tab in Sheets. A file that cannot be read gets its state and never stops the
 * others; exit 0 when done, 2 when there is no input. Nothing is ever written over a file.
 */
import { access, constants, lstat, readdir, realpath, stat } from "node:fs/promises";
import { NotRegularFileError, readRegularFile } from "../read-regular.js";
import { basename, dirname, extname, join, relative, resolve, sep } from "node:path";
import {
  type CommitteeTotals,
  type SchoolRecord,
  buildSummaryDoc,
  committeeTotals,
  failedRecord,
  SUMMARY_HEADERS,
  SUMMARY_TITLE,
  readErrorState,
  readRecord,
  schoolRow,
  markCopies,
  pairConflicts,
  stateHasFigures,
  stateText,
} from "../../core/committee/index.js";
import { countWithNoun, splitPositionAndName } from "../../core/russian.js";
import type { Signer } from "../../core/committee/settings.js";
import type { IsoDate } from "../../core/terms/types.js";
import { validateWorkbook } from "../../core/validate.js";
import { renderDocx } from "../docx.js";
import type { WorkbookGrid } from "../../core/grid.js";
import { looksLikeMipWorkbook } from "../../core/workbook.js";
import { WriteError, freePath, writeFailure, writeNewFile } from "../files.js";
import { jsonSafe, terminalSafe } from "../terminal.js";
import { MAX_INPUT_BYTES } from "../load.js";
import { UnusableInputError, readXlsx } from "../xlsx-read.js";
import { progressOn } from "./summary-progress.js";
import { summaryWorkbook } from "./summary-xlsx.js";
import { formatPercent } from "../../core/percent.js";
import { type NotArguments, parseCommandLine } from "../args.js";
import { usageOf } from "../help.js";

export const SUMMARY_USAGE = usageOf("summary");

const FILES = ["файл", "файла", "файлов"] as const;

interface SummaryArgs {
  readonly paths: readonly string[];
  readonly out: string | null;
  readonly docx: string | null;
  readonly json: boolean;
  readonly signer: Signer | null;
}

/** The flags the parser accepts; test/cli/help.test.ts checks them against the help table. */
export const SUMMARY_OPTIONS = {
  out: { type: "string", short: "o" },
  docx: { type: "string" },
  json: { type: "boolean" },
  signer: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export function parseSummaryArgs(args: readonly string[]): SummaryArgs | NotArguments {
  const parsed = parseCommandLine(args, SUMMARY_OPTIONS);
  if ("error" in parsed || "help" in parsed) return parsed;
  if (parsed.positionals.length === 0) return { error: "Укажите файлы .xlsx или папки с ними: mip summary ПАПКА" };
  for (const flag of ["out", "docx"] as const) {
    if (parsed.values[flag] !== undefined && parsed.values[flag].trim() === "")
      return { error: `После --${flag} укажите имя файла.` };
  }
  const signerText = parsed.values.signer?.trim() ?? "";
  const signer = signerText === "" ? null : splitPositionAndName(signerText);
  return {
    paths: parsed.positionals,
    out: parsed.values.out ?? null,
    docx: parsed.values.docx ?? null,
    json: parsed.values.json ?? false,
    signer,
  };
}

/** Office's lock files («~$school.xlsx»), hidden files and our own temporary files are not workbooks. */
const isCandidate = (name: string): boolean => !name.startsWith("~$") && !name.startsWith(".");

/**
 * One input of the summary: a workbook to read, or a file or folder that cannot be read
 * (`problem` says why, in Russian) and still gets its row. `path` is a Buffer when the name is
 * not valid UTF-8 (a folder named in Windows-1251 on a USB stick): the system needs the bytes.
 */
export interface InputEntry {
  readonly path: string | Buffer;
  /** How the row and messages name it (undecodable bytes shown as «�»). */
  readonly shown: string;
  readonly problem?: string;
}

const UTF8 = new TextDecoder("utf-8");

/** A name from readdir's bytes: the string when it round-trips, else the bytes. */
function nameOf(raw: Buffer): { name: string | Buffer; shown: string } {
  const shown = UTF8.decode(raw);
  return Buffer.from(shown, "utf8").equals(raw) ? { name: shown, shown } : { name: raw, shown };
}

const joinPath = (dir: string | Buffer, name: string | Buffer): string | Buffer =>
  typeof dir === "string" && typeof name === "string"
    ? join(dir, name)
    : Buffer.concat([Buffer.from(dir), Buffer.from(sep), Buffer.from(name)]);

const isXlsxName = (shown: string): boolean => extname(shown).toLowerCase() === ".xlsx";

function listingProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "EACCES" || code === "EPERM") return "папка не читается: нет прав на чтение";
  if (code === "ELOOP") return "ссылка ведёт сама на себя";
  return "папка не читается";
}

/**
 * Files to read, in a stable order: given files as they are, folders' .xlsx files recursively,
 * sorted. Symbolic links are followed once: a link to a folder already read (a loop) and a
 * link to nowhere are entries with a problem; so is a folder that cannot be listed. Paths in
 * `exclude` (the outputs of this run) are left out.
 */
export async function collectInputs(
  paths: readonly string[],
  exclude: ReadonlySet<string>,
): Promise<{ files: InputEntry[]; missing: string[] }> {
  const entries: InputEntry[] = [];
  const missing: string[] = [];
  const visited = new Set<string>();
  const walk = async (dir: string | Buffer, shownDir: string): Promise<void> => {
    const real = await realpath(dir).catch(() => null);
    if (real !== null) {
      if (visited.has(real)) {
        entries.push({ path: dir, shown: shownDir, problem: "папка по ссылке уже прочитана (ссылки образуют петлю)" });
        return;
      }
      visited.add(real);
    }
    let names: Buffer[];
    try {
      names = await readdir(dir, { encoding: "buffer" });
    } catch (error) {
      entries.push({ path: dir, shown: shownDir, problem: listingProblem(error) });
      return;
    }
    const children = names.map(nameOf).sort((a, b) => a.shown.localeCompare(b.shown, "ru"));
    for (const child of children) {
      if (!isCandidate(child.shown)) continue;
      const path = joinPath(dir, child.name);
      const shown = join(shownDir, child.shown);
      const link = await lstat(path).catch(() => null);
      if (!link) {
        entries.push({ path, shown, problem: "файл не читается" });
        continue;
      }
      let linkProblem = "";
      const info = link.isSymbolicLink()
        ? await stat(path).catch((error: NodeJS.ErrnoException) => {
            linkProblem =
              error.code === "ELOOP"
                ? "ссылка ведёт сама на себя"
                : error.code === "ENOENT"
                  ? "ссылка ведёт на файл, которого нет"
                  : "нет прав на чтение того, куда ведёт ссылка";
            return null;
          })
        : link;
      if (!info) {
        if (isXlsxName(child.shown) || linkProblem !== "ссылка ведёт на файл, которого нет")
          entries.push({ path, shown, problem: linkProblem });
        continue;
      }
      if (info.isDirectory()) await walk(path, shown);
      else if (isXlsxName(child.shown))
        entries.push(info.isFile() ? { path, shown } : { path, shown, problem: "не обычный файл" });
    }
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) missing.push(path);
    else if (info.isDirectory()) await walk(path, path);
    else entries.push({ path, shown: path });
  }
  const seen = new Set<string>();
  const files: InputEntry[] = [];
  for (const entry of entries) {
    const key = typeof entry.path === "string" ? resolve(entry.path) : `bytes:${entry.path.toString("hex")}`;
    const real = entry.problem
      ? key
      : await realpath(entry.path)
          .then(String)
          .catch(() => key);
    if (seen.has(real) || exclude.has(key) || exclude.has(real)) continue;
    seen.add(real);
    files.push(entry);
  }
  return { files, missing };
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
  /** A file left out because it is not a school's workbook (a summary written earlier). */
  readonly onSkipped?: (file: string, why: string) => void;
}

/** A committee dashboard written by `mip summary` (or the add-on): not a school's workbook. */
export function isSummaryWorkbook(grid: WorkbookGrid): boolean {
  return (
    !looksLikeMipWorkbook(grid) &&
    grid.tabs.some((t) => t.title === SUMMARY_TITLE && String(t.rows[0]?.[0] ?? "") === SUMMARY_HEADERS[0])
  );
}

/** Marks the record of a file that is one of our own summaries: left out of the schools. */
const OWN_SUMMARY = Symbol("own summary");

/** Reads and validates one file; every failure becomes a state on its record. */
export async function summariseFile(input: string | InputEntry, options: SummaryOptions = {}): Promise<SchoolRecord> {
  const entry: InputEntry = typeof input === "string" ? { path: input, shown: input } : input;
  const file = entry.shown;
  const name = basename(file, extname(file));
  const info = entry.problem ? null : await stat(entry.path).catch(() => null);
  const source = {
    organisation: "",
    link: file,
    id: file,
    modified: info?.mtime.toISOString() ?? "",
    updated: localNow(options.now ?? new Date()),
  };
  if (entry.problem) return failedRecord({ ...source, organisation: name || file }, readErrorState(entry.problem));
  try {
    if (!info?.isFile()) throw new UnusableInputError(info ? "не файл" : "файл не читается");
    if (extname(file).toLowerCase() !== ".xlsx") throw new UnusableInputError("это не файл .xlsx");
    if (info.size > MAX_INPUT_BYTES)
      throw new UnusableInputError(`файл больше ${MAX_INPUT_BYTES / 1024 / 1024} МБ — это не таблица МИП`);
    let bytes: Buffer;
    try {
      bytes = await readRegularFile(entry.path);
    } catch (error) {
      if (error instanceof NotRegularFileError) throw new UnusableInputError("не файл");
      const code = (error as NodeJS.ErrnoException).code;
      throw new UnusableInputError(
        code === "EACCES" || code === "EPERM" ? "нет прав на чтение файла" : "файл не читается",
      );
    }
    const grid = await readXlsx(bytes, `Файл «${basename(file)}»`);
    if (isSummaryWorkbook(grid))
      return Object.assign(failedRecord(source, readErrorState("это свод, а не таблица школы")), {
        [OWN_SUMMARY]: true,
      });
    const result = validateWorkbook(grid, options.today ? { today: options.today } : {});
    const record = readRecord(source, grid, result);
    return record.organisation ? record : { ...record, organisation: name };
  } catch (error) {
    const detail = error instanceof UnusableInputError ? error.message : "файл повреждён или это не таблица Excel";
    return failedRecord({ ...source, organisation: name }, readErrorState(detail));
  }
}

export async function summariseFiles(
  files: readonly (string | InputEntry)[],
  options: SummaryOptions = {},
): Promise<SchoolRecord[]> {
  const records: SchoolRecord[] = [];
  for (const [i, file] of files.entries()) {
    options.onProgress?.(i, typeof file === "string" ? file : file.shown);
    const record = await summariseFile(file, options);
    if (OWN_SUMMARY in record) options.onSkipped?.(record.id, "это свод, а не таблица школы");
    else records.push(record);
  }
  options.onProgress?.(files.length, "");
  // A workbook that repeats another gets its state here, so every output names it (copies.ts).
  return markCopies(records);
}

/** `mip summary --json`: the contract shape. */
export function summaryJson(records: readonly SchoolRecord[], totals: CommitteeTotals, cwd = process.cwd()) {
  const fileOf = (id: string): string => relative(cwd, id) || id;
  const conflicts = pairConflicts(records);
  return {
    schools: records.map((r) => ({
      file: fileOf(r.id),
      organisation: r.organisation,
      state: stateText(r.state),
      reportType: r.digest?.reportType ?? null,
      summary: r.digest && stateHasFigures(r.state) ? r.digest.summary : null,
      metrics: r.digest && stateHasFigures(r.state) ? r.digest.metrics : null,
    })),
    totals,
    // Pairs two workbooks list differently, each workbook's version (the сводка's appendix).
    differentlyListed: {
      mentors: conflicts.mentors.map((c) => ({
        mentee: c.mentee,
        subject: c.subject,
        versions: c.versions.map((v) => ({ file: fileOf(v.id), organisation: v.organisation, mentors: v.mentors })),
      })),
      places: conflicts.places.map((c) => ({
        person: c.person,
        versions: c.versions.map((v) => ({
          file: fileOf(v.id),
          organisation: v.organisation,
          roles: v.roles,
          organisations: v.organisations,
        })),
      })),
    },
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
  files: readonly (string | InputEntry)[],
  outputs: { xlsx?: string | null; docx?: string | null; signer?: Signer | null },
  options: SummaryOptions = {},
): Promise<WrittenSummary> {
  const records = await summariseFiles(files, options);
  const totals = committeeTotals(records);
  let xlsx: string | null = null;
  let docx: string | null = null;
  if (outputs.xlsx)
    xlsx = await writeNewFile(
      withExtension(outputs.xlsx, ".xlsx"),
      await summaryWorkbook(records.map(schoolRow), totals),
    );
  if (outputs.docx) {
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    const model = buildSummaryDoc(records, { date: today, signer: outputs.signer ?? null });
    docx = await writeNewFile(withExtension(outputs.docx, ".docx"), await renderDocx(model));
  }
  return { records, totals, xlsx, docx };
}

/** Shown in the terminal: names from the files, with control characters made visible. */
function tableText(records: readonly SchoolRecord[], totals: CommitteeTotals, cwd = process.cwd()): string {
  const lines = records.map((r) => {
    const d = r.digest;
    const figures =
      d && stateHasFigures(r.state)
        ? `ошибок ${d.summary.errors}, предупреждений ${d.summary.warnings}, ` +
          `заполнено ${formatPercent(d.summary.completeness)}`
        : "";
    // The file names the line: many schools share a name («СОШ № 1»), their files do not.
    const file = relative(cwd, r.id) || r.id;
    return terminalSafe(`${r.organisation} (${file}) — ${stateText(r.state)}${figures ? `: ${figures}` : ""}`);
  });
  const plan = formatPercent(totals.planExecution);
  return (
    `${lines.join("\n")}\n` +
    `\nИтого: ${countWithNoun(totals.schools, FILES)}, прочитано ${totals.read}; с ошибками ${totals.withErrors}, ` +
    `без ошибок ${totals.read - totals.withErrors}; выполнение плана ${plan}.\n`
  );
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseSummaryArgs(args);
  if ("help" in parsed) {
    process.stdout.write(`${SUMMARY_USAGE}\n`);
    return 0;
  }
  if ("error" in parsed) {
    process.stderr.write(`${parsed.error}\n${SUMMARY_USAGE}\n`);
    return 2;
  }
  for (const output of [parsed.out, parsed.docx]) {
    const problem = output ? await outputProblem(output) : null;
    if (problem) {
      process.stderr.write(`${problem}\n`);
      return 2;
    }
  }
  try {
    // Outputs of this run go to free names; an existing file of that name stays an input (a school
    // is read, an earlier summary is recognised by its content and left out).
    const exclude = new Set(
      [parsed.out && withExtension(parsed.out, ".xlsx"), parsed.docx && withExtension(parsed.docx, ".docx")]
        .filter((p): p is string => !!p)
        .map((p) => resolve(freePath(p))),
    );
    const { files, missing } = await collectInputs(parsed.paths, exclude);
    for (const path of missing) process.stderr.write(`«${path}» не найден — пропускаю.\n`);
    if (files.length === 0) {
      process.stderr.write("Нет ни одного файла .xlsx для свода. Укажите файлы или папку с таблицами МИП.\n");
      return 2;
    }
    const progress = progressOn(process.stderr, files.length);
    const skipped: string[] = [];
    const written = await writeSummaryFiles(
      files,
      { xlsx: parsed.out, docx: parsed.docx, signer: parsed.signer },
      {
        onProgress: (done, file) => progress.step(done, terminalSafe(basename(file))),
        onSkipped: (file, why) => skipped.push(`«${file}» пропущен: ${why}.`),
      },
    );
    progress.finish();
    for (const line of skipped) process.stderr.write(`${terminalSafe(line)}\n`);
    if (parsed.json)
      process.stdout.write(`${jsonSafe(JSON.stringify(summaryJson(written.records, written.totals), null, 2))}\n`);
    else process.stdout.write(tableText(written.records, written.totals));
    // Written files are results (stdout), like every command's; under --json stdout is the JSON alone.
    const results = parsed.json ? process.stderr : process.stdout;
    if (written.xlsx) results.write(`${terminalSafe(`Свод записан: ${written.xlsx}`)}\n`);
    if (written.docx) results.write(`${terminalSafe(`Сводка по МИП записана: ${written.docx}`)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof WriteError) {
      process.stderr.write(`${error.message} Частично записанных файлов не осталось.\n`);
      return 2;
    }
    throw error;
  }
}

/**
 * Why an output cannot be written, found before reading hundreds of files: the folder is
 * missing or read-only, or the name is a folder. Null when writing can be tried.
 */
export async function outputProblem(output: string): Promise<string | null> {
  const path = resolve(output);
  const folder = dirname(path);
  const info = await stat(folder).catch(() => null);
  if (!info) return `Не удалось записать «${output}»: папки «${folder}» нет. Создайте её или укажите другое место.`;
  if (!info.isDirectory()) return `Не удалось записать «${output}»: «${folder}» — файл, а не папка.`;
  const target = await stat(path).catch(() => null);
  if (target?.isDirectory()) return `Не удалось записать «${output}»: это папка. Укажите имя файла.`;
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    return `Не удалось записать «${output}»: ${writeFailure(error)} в папку «${folder}».`;
  }
  if (Buffer.byteLength(basename(path), "utf8") > 250)
    return `Не удалось записать «${output}»: слишком длинное имя файла.`;
  return null;
}
