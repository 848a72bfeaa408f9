/**
 * Russian terms and dates, as cells arrive from a sheet: date cells, spreadsheet serial
 * numbers, years typed as numbers and free text («Март – июнь 2021», «до 15.09.2023 года»).
 * Every reader returns null for an empty cell and a TermResult otherwise; none throws.
 *
 * A day or month written without a year takes it from the reporting period (in a
 * September–August period, September–December fall in the first year). With no period the
 * term is not guessed: it is rejected with «не указан год, а отчётный период не заполнен».
 */
import { type Cell, cellText, isDateCell, isErrorCell, serialToIso } from "../grid.js";
import { isIsoDate, isoOf } from "./dates.js";
import { parseTermText } from "./parse.js";
import type { IsoDate, Period, Term, TermContext, TermResult } from "./types.js";

export * from "./types.js";
export {
  addDays,
  compareIso,
  daysBetween,
  formatRuDate,
  isoOf,
  lastDayOfMonth,
  rangesOverlap,
  rangeWithin,
} from "./dates.js";
export { MONTHS, monthNumber } from "./months.js";

/** Accepted forms, for TERM_INVALID messages. */
export const TERM_FORMS_HINT =
  "24.02.2022; 24.02; 03.03-10.03; 15.03.2021-30.04.2021; Май; Апрель, май; Март – июнь 2021; " +
  "Ноябрь 15.11, 17.11; с 18.05.2021 по настоящее время; до 15.09.2023; постоянно; в течение года; " +
  "2022; 2019-2020 учебный год; 1-е полугодие 2022; I квартал 2022";

/** Numbers in this range are spreadsheet date serials (1954–2119). */
const SERIAL_MIN = 20000;
const SERIAL_MAX = 80000;

const single = (kind: Term["kind"], iso: IsoDate): TermResult => ({
  ok: true,
  term: { kind, start: iso, end: iso, yearInferred: false },
});

/** A non-text cell: date cells, serials, years typed as numbers; null when it is text. */
function parseNonText(cell: Cell): TermResult | null {
  if (isDateCell(cell)) {
    return isIsoDate(cell.iso) ? single("date", cell.iso) : { ok: false, reason: "в ячейке некорректная дата" };
  }
  if (isErrorCell(cell)) return { ok: false, reason: `в ячейке ошибка ${cell.code}` };
  if (typeof cell === "boolean") return { ok: false, reason: "в ячейке логическое значение вместо срока" };
  if (typeof cell === "number") {
    if (Number.isInteger(cell) && cell >= 1900 && cell <= 2199) {
      return {
        ok: true,
        term: { kind: "year", start: isoOf(cell, 1, 1), end: isoOf(cell, 12, 31), yearInferred: false },
      };
    }
    if (cell >= SERIAL_MIN && cell <= SERIAL_MAX) {
      const iso = serialToIso(cell);
      if (iso) return single("date", iso);
    }
    return { ok: false, reason: `число ${cellText(cell)} не похоже ни на дату, ни на год` };
  }
  return null;
}

/** Any term (see parse.ts for the grammar). null for an empty cell. */
export function parseTerm(cell: Cell, ctx: TermContext): TermResult | null {
  if (cell === null || cell === undefined) return null;
  const nonText = parseNonText(cell);
  if (nonText) return nonText;
  const text = typeof cell === "string" ? cell : cellText(cell);
  if (text.trim() === "") return null;
  return parseTermText(text, ctx.period);
}

/** A column of kind "date": one day only («05.03.2022», «5 марта 2022 г.», a date cell, a serial). */
export function parseSingleDate(cell: Cell, ctx: TermContext): TermResult | null {
  if (typeof cell === "number" && Number.isInteger(cell) && cell >= 1900 && cell <= 2199) {
    return { ok: false, reason: "указан только год, а нужна дата, например 05.03.2022" };
  }
  const result = parseTerm(cell, ctx);
  if (result === null || !result.ok) return result;
  if (result.term.kind === "date") return result;
  return { ok: false, reason: "нужна одна дата, например 05.03.2022" };
}

/**
 * A stage boundary: a date, or a month with a year («январь 2021») taken at its first day
 * (edge "start") or last day (edge "end"). Any term with definite ends is accepted the same way.
 */
export function parseMonthOrDate(cell: Cell, ctx: TermContext, edge: "start" | "end"): TermResult | null {
  const result = parseTerm(cell, ctx);
  if (result === null || !result.ok) return result;
  const iso = edge === "start" ? result.term.start : result.term.end;
  if (iso === null) return { ok: false, reason: "нужна дата или месяц с годом, например 05.03.2022 или январь 2021" };
  return { ok: true, term: { kind: "date", start: iso, end: iso, yearInferred: result.term.yearInferred } };
}

/** The reporting period: «2022», «2019-2020 учебный год», «01.09.2020-31.08.2021», «1-е полугодие 2022». */
export function parsePeriod(cell: Cell): Period | null {
  if (cell === null || cell === undefined || isDateCell(cell)) return null;
  const result = parseTerm(cell, { period: null });
  if (result === null || !result.ok) return null;
  const { kind, start, end } = result.term;
  if (start === null || end === null || kind === "date" || kind === "always") return null;
  const label = cellText(cell).replace(/\s+/g, " ");
  const periodKind: Period["kind"] =
    kind === "year" || kind === "academic" || kind === "half" || kind === "quarter" ? kind : "range";
  return { start, end, label, kind: periodKind };
}

/** Start of a term; an open start (deadline) or an unknown one (always, no period) becomes fallback. */
export function termStart(term: Term, fallback: IsoDate): IsoDate {
  return term.start ?? fallback;
}

/** End of a term; an open end (ongoing) or an unknown one becomes fallback. */
export function termEnd(term: Term, fallback: IsoDate): IsoDate {
  return term.end ?? fallback;
}
