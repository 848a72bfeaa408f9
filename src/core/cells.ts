/**
 * The one reader of cells for the whole core. Every rule, the metrics, the report's model and
 * the committee's digest take values from here, so a cell has one reading everywhere:
 * - a spreadsheet error (#REF!, #N/A…) is no value at all: it reads as empty text, no count,
 *   no list value (TPL_CELL_ERROR reports it once, and the report's appendix says why);
 * - a count is what the validator accepts (numbers.ts): «1 200» is 1200, «7 чел.» is 7,
 *   −5, 2,5 people, 1e308 and text that is not a number are no count;
 * - a list value is matched after trimming, case, ё/е and dash folding; what the values mean
 *   (a deviation, a pair that did not take place…) is in schema.ts.
 * Pure: no Node or Apps Script globals.
 */
import { foldEnum } from "./fold.js";
import { type Cell, cellText, isDateCell, isErrorCell } from "./grid.js";
import { readCount } from "./numbers.js";
import { type EnumName, ENUMS } from "./schema.js";

/** Longest text the core reads; protects every regex and fold from 50,000-character cells. */
const MAX_READ = 4000;

/** Trimmed visible text of a cell (empty string for an empty or error cell). */
export function textOf(cell: Cell | undefined): string {
  if (isErrorCell(cell)) return "";
  // A date cell an adapter could not turn into a calendar date shows what it holds.
  if (isDateCell(cell) && !/^\d{4}-\d{2}-\d{2}$/.test(cell.iso)) return cell.iso.slice(0, MAX_READ);
  const text = cellText(cell);
  return text.length > MAX_READ ? text.slice(0, MAX_READ) : text;
}

/** Only spaces and dashes: a lone «-», «–» or «—» typed to mean «nothing». */
export function isDashOnly(text: string): boolean {
  return /^[\s\u00a0]*[-–—]*[\s\u00a0]*$/u.test(text);
}

/**
 * The text a document prints for a cell: the validator's reading, with a lone dash read as
 * empty (it then prints «—» like an empty cell). Not cut at MAX_READ: a long conclusion
 * prints whole (its own rule checks its length).
 */
export function printedText(cell: Cell | undefined): string {
  if (isErrorCell(cell)) return "";
  const text = isDateCell(cell) && !/^\d{4}-\d{2}-\d{2}$/.test(cell.iso) ? cell.iso : cellText(cell);
  return isDashOnly(text) ? "" : text;
}

/** A count of people or events as the validator accepts it (PART_COUNT_INVALID otherwise), or null. */
export function countOf(cell: Cell | undefined): number | null {
  const read = readCount(cell ?? null);
  return read !== null && read.ok ? read.value : null;
}

/** Folded allowed value → the value as the list spells it, per list. */
const ENUM_LOOKUP = new Map<EnumName, Map<string, string>>(
  (Object.keys(ENUMS) as EnumName[]).map((name) => [name, new Map(ENUMS[name].map((v) => [foldEnum(v), v]))]),
);

/** Exact spellings per list: most cells come from the dropdown and need no folding. */
const ENUM_EXACT = new Map<EnumName, ReadonlySet<string>>(
  (Object.keys(ENUMS) as EnumName[]).map((name) => [name, new Set<string>(ENUMS[name])]),
);

/** The list value a cell means (after trimming, case, ё/е and dash folding), or null. */
export function enumValue(cell: Cell | undefined, name: EnumName): string | null {
  if (typeof cell === "string" && ENUM_EXACT.get(name)!.has(cell)) return cell;
  // A checkbox in a «Да / Нет» field.
  if (name === "yesNo" && typeof cell === "boolean") return cell ? "Да" : "Нет";
  const t = textOf(cell);
  if (t === "" || t.length > 200) return null;
  return ENUM_LOOKUP.get(name)!.get(memo(foldEnumMemo, t, foldEnum)) ?? null;
}

/** Bounded memo for pure functions of cell text: names and values repeat across thousands of rows. */
export function memo<T>(cache: Map<string, T>, value: string, compute: (v: string) => T, limit = 50_000): T {
  let out = cache.get(value);
  if (out === undefined) {
    if (cache.size > limit) cache.clear();
    out = compute(value);
    cache.set(value, out);
  }
  return out;
}

const foldEnumMemo = new Map<string, string>();
