/**
 * Reading counts, quantities and percentages as people type them: 7, "7", "7 чел.",
 * " 12 человек", "7,0", "1 200", ">1000", "более 1000", "45 %". Pure; never throws.
 * Every reader returns null for an empty cell.
 */
import { type Cell, cellText, isDateCell, isErrorCell } from "./grid.js";

export type CountResult = { ok: true; value: number; fromText: boolean } | { ok: false; reason: string };

export type IntOrMoreResult =
  | {
      ok: true;
      value: number;
      /** The cell said «more than»: ">1000", "более 1000", "1000+", "не менее 1000". */
      atLeast: boolean;
      /** atLeast and strictly more (">", «более», «свыше», "+"); false for «не менее», "≥", «от». */
      strict: boolean;
      fromText: boolean;
    }
  | { ok: false; reason: string };

export type PercentResult = { ok: true; value: number; fromText: boolean } | { ok: false; reason: string };

/**
 * Largest count or quantity read as one: a school has no billion participants, and sums of
 * larger values (1e308) overflow to Infinity.
 */
const MAX_NUMBER = 1_000_000_000;

/** Text longer than this is not a number; checking it first keeps every reader O(1). */
const MAX_NUMBER_TEXT = 80;

/**
 * A number, optionally signed, with `,` or `.` decimals and space-grouped thousands
 * («1 200»), followed by an optional unit of letters («чел.», «человек», «уч-ся»).
 * The unit is one character-class run, so matching stays linear.
 */
const NUMBER_WITH_UNIT =
  /^([-−+]?)\s*(\d{1,3}(?:[ \u00a0\u2007\u2009\u202f]\d{3})+|\d+)(?:[.,](\d+))?\s*([a-zа-яё][a-zа-яё.\-\s]*)?$/iu;

/**
 * A unit that multiplies («2 тыс.», «1,5 млн», «3k»): the number written is not the count,
 * and reading «2 тыс.» as 2 would be a second reading of one cell, so it is not a number.
 */
const MULTIPLIER_UNIT = /^(?:тыс|млн|млрд|миллион|миллиард|k(?![a-z]))/iu;

const MORE_THAN = /^(?:>|более|больше|свыше)\s*/iu;
const AT_LEAST = /^(?:≥|>=|не\s+менее|не\s+меньше|от|минимум)\s*/iu;
const PLUS_SUFFIX = /\s*\+$/u;

interface Parsed {
  value: number;
  negative: boolean;
  fractional: boolean;
}

/** Parses text to a number with an optional unit; null when it is not one. */
function parseNumberText(text: string): Parsed | null {
  if (text.length > MAX_NUMBER_TEXT) return null;
  const m = NUMBER_WITH_UNIT.exec(text);
  if (!m) return null;
  if (m[4] !== undefined && MULTIPLIER_UNIT.test(m[4])) return null;
  const intDigits = m[2]!.replace(/[ \u00a0\u2007\u2009\u202f]/g, "");
  const fraction = m[3] ?? "";
  const value = Number(`${intDigits}.${fraction || "0"}`);
  if (!Number.isFinite(value)) return null;
  return { value, negative: m[1] === "-" || m[1] === "−", fractional: /[1-9]/.test(fraction) };
}

const ruNumber = (n: number): string => String(n).replace(".", ",");

/** Why a non-number cell is not a number; null when the cell is empty. */
function nonNumberReason(cell: Cell): string {
  if (isErrorCell(cell)) return `в ячейке ошибка ${cell.code}`;
  if (isDateCell(cell)) return "в ячейке дата, а нужно число";
  if (typeof cell === "boolean") return "в ячейке логическое значение, а нужно число";
  const text = cellText(cell);
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  const unit = NUMBER_WITH_UNIT.exec(text.trim())?.[4];
  if (unit !== undefined && MULTIPLIER_UNIT.test(unit))
    return `«${shown}» — не число: напишите его цифрами полностью, например «2000» вместо «2 тыс.»`;
  return `«${shown}» — не число`;
}

const isEmpty = (cell: Cell | undefined): boolean =>
  cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");

/** Shared core of readCount and readQuantity. */
function readNonNegative(cell: Cell, wholeOnly: boolean): CountResult | null {
  if (isEmpty(cell)) return null;
  let value: number;
  let fromText: boolean;
  let fractional: boolean;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return { ok: false, reason: "в ячейке не число" };
    // Formula results carry binary noise (6.999999999999999); that is still 7.
    const nearest = Math.round(cell);
    value = Math.abs(cell - nearest) < 1e-9 ? nearest : cell;
    fromText = false;
    fractional = !Number.isInteger(value);
  } else if (typeof cell === "string") {
    const parsed = parseNumberText(cell.trim());
    if (!parsed) return { ok: false, reason: nonNumberReason(cell) };
    value = parsed.negative ? -parsed.value : parsed.value;
    fromText = true;
    fractional = parsed.fractional;
  } else {
    return { ok: false, reason: nonNumberReason(cell) };
  }
  if (value < 0)
    return { ok: false, reason: `отрицательное число ${value < -MAX_NUMBER ? "" : ruNumber(value)}`.trim() };
  if (value > MAX_NUMBER) return { ok: false, reason: "число больше миллиарда — так много быть не может" };
  if (wholeOnly && fractional) return { ok: false, reason: `дробное число ${ruNumber(value)}, а нужно целое` };
  // -0 and 7.0 read as plain 0 and 7.
  return { ok: true, value: value === 0 ? 0 : value, fromText };
}

/** A count of people or events: a non-negative whole number («7», «7 чел.», «7,0»). */
export function readCount(cell: Cell): CountResult | null {
  return readNonNegative(cell, true);
}

/** A planned or actual quantity: a non-negative number, decimals allowed («2,5»). */
export function readQuantity(cell: Cell): CountResult | null {
  return readNonNegative(cell, false);
}

/** A whole number or «more than N»: «1000», «>1000», «более 1000», «1000+», «не менее 1000». */
export function readIntOrMore(cell: Cell): IntOrMoreResult | null {
  if (typeof cell !== "string") {
    const plain = readCount(cell);
    return plain && (plain.ok ? { ...plain, atLeast: false, strict: false } : plain);
  }
  const text = cell.trim();
  if (text === "") return null;
  if (text.length > MAX_NUMBER_TEXT) return { ok: false, reason: nonNumberReason(cell) };
  let rest = text;
  let atLeast = false;
  let strict = false;
  let m: RegExpExecArray | null;
  // «≥»/«>=» before «>», or «>=1000» would leave «=1000».
  if ((m = AT_LEAST.exec(rest))) {
    rest = rest.slice(m[0].length);
    atLeast = true;
  } else if ((m = MORE_THAN.exec(rest))) {
    rest = rest.slice(m[0].length);
    atLeast = strict = true;
  } else if (PLUS_SUFFIX.test(rest)) {
    rest = rest.replace(PLUS_SUFFIX, "");
    atLeast = strict = true;
  }
  const count = readCount(rest);
  if (count === null) return { ok: false, reason: nonNumberReason(cell) };
  if (!count.ok) return count.reason.startsWith("«") ? { ok: false, reason: nonNumberReason(cell) } : count;
  return { ok: true, value: count.value, atLeast, strict, fromText: true };
}

/**
 * A percentage 0..100 with its reason when unreadable. Accepts 45, "45%", "45 %", "45,5".
 *
 * A cell formatted as percent reaches the core as a fraction (45 % → 0.45), and the grid does
 * not carry the format. So a number strictly between 0 and 1 is read as a fraction (×100);
 * 0 and 1 and anything above are read as written (1 → 1 %), since «1» typed by hand means 1 %.
 * Text with a «%» sign is always read as written («0,5 %» → 0.5).
 */
export function readPercentResult(cell: Cell): PercentResult | null {
  if (isEmpty(cell)) return null;
  let value: number;
  let fromText = false;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return { ok: false, reason: "в ячейке не число" };
    value = cell > 0 && cell < 1 ? cell * 100 : cell;
  } else if (typeof cell === "string") {
    const text = cell.trim();
    const hasSign = /%\s*$/u.test(text);
    const parsed = parseNumberText(text.replace(/\s*%\s*$/u, ""));
    if (!parsed || (parsed.value !== 0 && /[a-zа-яё]/iu.test(text)))
      return { ok: false, reason: nonNumberReason(cell) };
    value = parsed.negative ? -parsed.value : parsed.value;
    if (!hasSign && value > 0 && value < 1) value *= 100;
    fromText = true;
  } else {
    return { ok: false, reason: nonNumberReason(cell) };
  }
  // Fractions ×100 pick up binary noise (0.07 × 100 = 7.000000000000001).
  value = Math.round(value * 1e9) / 1e9;
  if (value < 0 || value > 100) return { ok: false, reason: `процент ${ruNumber(value)} вне диапазона 0–100` };
  return { ok: true, value, fromText };
}

/** A percentage 0..100, or null when the cell is empty or unreadable (see readPercentResult). */
export function readPercent(cell: Cell): number | null {
  const result = readPercentResult(cell);
  return result !== null && result.ok ? result.value : null;
}
