/**
 * Reads an .xlsx file into the neutral WorkbookGrid with SheetJS (@e965/xlsx), within bounds.
 *
 * - Bounds first: the archive's directory is read without inflating; the declared unpacked
 *   size and then the real one (inflated with a ceiling, so a lying header cannot fill memory)
 *   and the number of cells are capped before the library parses anything. A file over a cap
 *   gets one Russian sentence.
 * - Reading costs what the cells cost: merges stay ranges (the library keeps `!merges` as
 *   ranges; no cell is made for the inside of a merge), validations and conditional formats
 *   are not read at all. `dense` mode keeps only the cells the file has.
 * - Date cells (a number with a date format) become calendar dates from their serial, so
 *   no time zone moves the day; the 1904 date system is honoured.
 * - Formula cells give their cached result; a formula never calculated gives an empty cell.
 * - Rich text is joined, hyperlinks give their visible text, errors become ErrorCell.
 * - Merged cells: only the top-left (master) cell carries the value. Repeating it would invent
 *   rows in table tabs (a merged «Этап» over five plan rows is one stage, not five).
 * - Rows keep their sheet numbers; trailing empty cells and rows are dropped.
 * - The template version is the workbook-level defined name MIP_TEMPLATE_VERSION, read with
 *   the library (entities decoded, as LibreOffice writes them), or Google's named range.
 */
import * as XLSX from "@e965/xlsx";
import { type Cell, type TabGrid, type WorkbookGrid, dateCell, errorCell, serialToIso } from "../core/grid.js";
import { memo } from "../core/cells.js";
import { versionFromRangeName } from "../core/schema-lookup.js";
import { UnusableInputError } from "./errors.js";
import { ZipStructureError, countCells, entryNameProblem, inflateBounded, zipEntries } from "./zip-entries.js";

export { UnusableInputError };

/** Workbook-level defined name holding the template version (xlsx-write.ts writes it). */
const VERSION_NAME = "MIP_TEMPLATE_VERSION";

/** A school workbook unpacks to a few megabytes; 10,000 plan rows to ≈10 MB. */
const MAX_UNPACKED_BYTES = 150 * 1024 * 1024;
/** A school workbook has tens of thousands of cells; 10,000 plan rows and 5,000 pairs ≈ 200,000. */
const MAX_CELLS = 1_500_000;

const ZIP_MAGIC = [0x50, 0x4b];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(buf: Uint8Array, magic: readonly number[]): boolean {
  return buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
}

const ruInt = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");

/** Error codes by their BIFF number (SheetJS keeps the number in `v`; `w` has the text when formatted). */
const ERROR_BY_CODE: Readonly<Record<number, string>> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

/** A serial date number (with float noise from formulas) → ISO day; null outside 1900…9999. */
function serialToDay(serial: number, date1904: boolean): string | null {
  // Times of day and noise must not move the day: round to the nearest minute first.
  const minutes = Math.round(serial * 1440) / 1440;
  return serialToIso(Math.floor(minutes) + (date1904 ? 1462 : 0));
}

const dateFormats = new Map<string, boolean>();

/** Whether a number format shows a date; a workbook uses a handful of formats over thousands of cells. */
const isDateFormat = (format: string): boolean => memo(dateFormats, format, (f) => Boolean(XLSX.SSF.is_date(f)), 1_000);

/** One SheetJS cell → neutral Cell. */
export function toCell(cell: XLSX.CellObject | undefined, date1904 = false): Cell {
  if (!cell) return null;
  const value = cell.v;
  switch (cell.t) {
    case "s":
      return typeof value === "string" ? value : value === undefined || value === null ? null : String(value);
    case "b":
      return Boolean(value);
    case "e": {
      const text = typeof cell.w === "string" && cell.w.startsWith("#") ? cell.w : ERROR_BY_CODE[Number(value)];
      return errorCell(text ?? "#ERROR!");
    }
    case "n": {
      if (typeof value !== "number" || !Number.isFinite(value)) return null;
      if (typeof cell.z === "string" && isDateFormat(cell.z)) {
        const iso = serialToDay(value, date1904);
        return iso ? dateCell(iso) : value;
      }
      return value;
    }
    case "d": {
      const ms = value instanceof Date ? value.getTime() : NaN;
      return Number.isFinite(ms) ? dateCell(new Date(Math.round(ms / 60000) * 60000).toISOString().slice(0, 10)) : null;
    }
    default:
      return null;
  }
}

/** Cells inside a merge other than its top-left: blanked, visiting only the cells the file has. */
function blankMergeSlaves(data: (XLSX.CellObject | undefined)[][], merges: readonly XLSX.Range[]): void {
  for (const merge of merges) {
    const lastRow = Math.min(merge.e.r, data.length - 1);
    for (let r = merge.s.r; r <= lastRow; r++) {
      const row = data[r];
      if (!row) continue;
      const lastCol = Math.min(merge.e.c, row.length - 1);
      for (let c = merge.s.c; c <= lastCol; c++) {
        if (r !== merge.s.r || c !== merge.s.c) row[c] = undefined;
      }
    }
  }
}

function readSheet(title: string, ws: XLSX.WorkSheet, date1904: boolean): TabGrid {
  const data = ((ws as { "!data"?: (XLSX.CellObject | undefined)[][] })["!data"] ?? []) as (
    XLSX.CellObject | undefined
  )[][];
  if (ws["!merges"]?.length) blankMergeSlaves(data, ws["!merges"]);
  const rows: Cell[][] = [];
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    if (!source) continue;
    const cells: Cell[] = [];
    for (let c = 0; c < source.length; c++) {
      const value = toCell(source[c], date1904);
      if (value === null || value === "") continue;
      while (cells.length < c) cells.push(null);
      cells[c] = value;
    }
    if (cells.length > 0) {
      while (rows.length < r) rows.push([]);
      rows[r] = cells;
    }
  }
  return { title, rows };
}

/** The version from the workbook's defined names (library-decoded), or null. */
function versionOf(wb: XLSX.WorkBook): string | null {
  const names = wb.Workbook?.Names ?? [];
  const constant = names.find((n) => n.Name === VERSION_NAME && n.Sheet === undefined);
  if (constant) {
    const value = String(constant.Ref ?? "")
      .trim()
      .replace(/^"(.*)"$/s, "$1")
      .trim();
    if (value !== "") return value;
  }
  // A workbook downloaded from Google Sheets carries the add-on's named range «MIP_TEMPLATE_V1».
  for (const named of names) {
    const version = versionFromRangeName(named.Name);
    if (version !== null) return version;
  }
  return null;
}

/**
 * What the library is asked to read: dense rows, number formats (to tell dates), nothing else.
 * Exported for the benchmark's bare read (bench/cli.ts), which must read the same way.
 */
export const SHEETJS_READ_OPTIONS: XLSX.ParsingOptions = {
  type: "buffer",
  dense: true,
  cellDates: false,
  cellNF: true,
  cellFormula: false,
  cellHTML: false,
  cellStyles: false,
  cellText: false,
  bookVBA: false,
  WTF: false,
};

/** An OpenDocument package names its kind in a first entry «mimetype» (OpenDocument 1.2 Part 3, §3.3). */
const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

/** A DTD may declare entities that expand to gigabytes; OPC forbids DTDs in package parts (ECMA-376 Part 2, §8.1.4). */
const DOCTYPE = Buffer.from("<!DOCTYPE");

/** Parts a reader parses as XML: everything but media (an SVG image may carry its own DTD) and binary parts. */
const isMarkupPart = (name: string): boolean => !name.startsWith("xl/media/") && !name.endsWith(".bin");

/** One part of the archive, inflated. */
interface Part {
  readonly name: string;
  readonly data: Buffer;
}

/**
 * Refuses, before any library parses the file, what is too big or not an .xlsx archive.
 * Inflates every part once with a ceiling at its declared size and counts the cells of every
 * part, whatever its folder, extension or tag prefix: a reader follows the workbook's
 * relationships to a sheet stored anywhere. Returns the inflated parts, so the library parses
 * these instead of inflating the archive a second time.
 */
function checkBounds(bytes: Uint8Array, fileLabel: string): Part[] {
  const corrupt = () =>
    new UnusableInputError(`${fileLabel} повреждён: архив .xlsx не читается. Скачайте таблицу заново.`);
  let entries;
  try {
    entries = zipEntries(bytes);
  } catch {
    throw corrupt();
  }
  const nameProblem = entryNameProblem(entries);
  if (nameProblem)
    throw new UnusableInputError(
      nameProblem === "duplicate"
        ? `${fileLabel} повреждён: одна и та же часть записана в архиве дважды, и разные программы прочитают её по-разному. Откройте файл в Excel или Google Таблицах и сохраните заново.`
        : `${fileLabel} повреждён: в архиве есть части с недопустимыми именами (с «..», «\\» или от корня диска). Откройте файл в Excel или Google Таблицах и сохраните заново.`,
    );
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("xl/workbook.xml")) {
    const ods = entries.find((e) => e.name === "mimetype");
    const isOds = ods !== undefined && inflateBounded(bytes, ods)?.toString("latin1").trim() === ODS_MIMETYPE;
    throw new UnusableInputError(
      isOds
        ? `${fileLabel} — таблица OpenDocument (.ods) с расширением .xlsx. Откройте её и сохраните как «Книга Excel (.xlsx)».`
        : names.has("word/document.xml")
          ? `${fileLabel} — документ Word, а нужна таблица .xlsx.`
          : `${fileLabel} — архив, но не таблица .xlsx (нет книги Excel внутри).`,
    );
  }
  const tooBig = (what: string) =>
    new UnusableInputError(
      `${fileLabel} слишком большой для таблицы МИП: ${what}. Удалите ` +
        `пустые строки и столбцы в конце вкладок или скачайте таблицу заново.`,
    );
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > MAX_UNPACKED_BYTES)
    throw tooBig(`в распакованном виде больше ${ruInt(MAX_UNPACKED_BYTES / 1024 / 1024)} МБ`);
  let cells = 0;
  const parts: Part[] = [];
  for (const entry of entries) {
    let part: Buffer | null;
    try {
      part = inflateBounded(bytes, entry);
    } catch (error) {
      if (error instanceof ZipStructureError) throw corrupt();
      throw error;
    }
    if (part === null) throw tooBig("части архива распаковываются больше, чем заявлено в нём");
    if (isMarkupPart(entry.name) && part.indexOf(DOCTYPE) >= 0)
      throw new UnusableInputError(
        `${fileLabel} повреждён: в нём есть объявления DTD, которых в таблицах Excel не бывает. Откройте файл в Excel или Google Таблицах и сохраните заново.`,
      );
    cells += countCells(part, MAX_CELLS - cells);
    if (cells > MAX_CELLS) throw tooBig(`в нём больше ${ruInt(MAX_CELLS)} ячеек`);
    parts.push({ name: entry.name, data: part });
  }
  return parts;
}

/** The library's own zip container (its CFB module), holding parts already inflated. */
interface ZipContainer {
  readonly FullPaths: string[];
}
interface ContainerApi {
  readonly CFB: {
    readonly utils: {
      cfb_new(): ZipContainer;
      cfb_add(container: ZipContainer, name: string, content: Buffer, options: { unsafe: true }): unknown;
    };
  };
  /** XLSX.read's second half: parses an opened zip container (exported by the library, not typed). */
  readonly parse_zip: (container: ZipContainer, options: XLSX.ParsingOptions) => XLSX.WorkBook;
}

/**
 * Parses the parts checkBounds inflated (with Node's zlib) instead of the archive: XLSX.read
 * would inflate every part again with the library's pure-JavaScript inflate, the dearest step
 * of reading after the sheet XML itself. The container is what the library's zip reader builds.
 */
function parseParts(parts: readonly Part[]): XLSX.WorkBook {
  const api = XLSX as unknown as ContainerApi;
  const container = api.CFB.utils.cfb_new();
  for (const part of parts) api.CFB.utils.cfb_add(container, part.name, part.data, { unsafe: true });
  // A copy: the library fills its defaults into the object it is given.
  return api.parse_zip(container, { ...SHEETJS_READ_OPTIONS });
}

/** Reads .xlsx bytes. Throws UnusableInputError (never anything else) for unreadable input. */
export async function readXlsx(buffer: Uint8Array, fileLabel = "Файл"): Promise<WorkbookGrid> {
  if (buffer.length === 0) throw new UnusableInputError(`${fileLabel} пуст — это не таблица .xlsx.`);
  if (startsWith(buffer, OLE_MAGIC))
    throw new UnusableInputError(
      `${fileLabel} — в старом формате .xls или защищён паролем. ` +
        `Откройте его и сохраните как «Книга Excel (.xlsx)» без пароля.`,
    );
  if (!startsWith(buffer, ZIP_MAGIC))
    throw new UnusableInputError(
      `${fileLabel} — не таблица .xlsx. Скачайте таблицу из Google Таблиц: Файл → Скачать → Microsoft Excel (.xlsx).`,
    );
  const parts = checkBounds(buffer, fileLabel);
  let wb: XLSX.WorkBook;
  try {
    wb = parseParts(parts);
  } catch {
    throw new UnusableInputError(`${fileLabel} повреждён: таблица внутри не читается. Скачайте таблицу заново.`);
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const tabs = wb.SheetNames.map((name) => {
    // The library leaves out a sheet it could not parse (a shared-string index past the table, a broken part).
    const sheet = wb.Sheets[name];
    if (!sheet)
      throw new UnusableInputError(
        `${fileLabel} повреждён: вкладка «${name}» не читается. Откройте файл в Excel или Google Таблицах и сохраните заново.`,
      );
    return readSheet(name, sheet, date1904);
  });
  return { tabs, templateVersion: versionOf(wb) };
}
