/**
 * Calendar arithmetic on ISO `YYYY-MM-DD` strings. Dates have no time zone: all Date
 * objects here are UTC midnights, so the host's zone never shifts a day.
 */
import type { IsoDate } from "./types.js";

const MS_PER_DAY = 86_400_000;
const ISO_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number): string => String(n).padStart(4, "0");

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month; month is 1..12. */
export function lastDayOfMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when year/month/day name a real calendar day (years 1..9999). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= lastDayOfMonth(year, month)
  );
}

/** Builds an ISO date; the caller has checked the parts with isRealDate. */
export function isoOf(year: number, month: number, day: number): IsoDate {
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

/** First day of a month. */
export function monthStart(year: number, month: number): IsoDate {
  return isoOf(year, month, 1);
}

/** Last day of a month. */
export function monthEnd(year: number, month: number): IsoDate {
  return isoOf(year, month, lastDayOfMonth(year, month));
}

/** True for a well-formed ISO string naming a real day. */
export function isIsoDate(value: string): boolean {
  const m = ISO_SHAPE.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Year, month (1..12) and day of an ISO date. */
export function isoParts(iso: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

/** "2022-03-05" → "05.03.2022". */
export function formatRuDate(iso: IsoDate): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

/** Negative, zero or positive, like a comparator. ISO dates compare as strings. */
export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The date n days later (n may be negative). */
export function addDays(iso: IsoDate, n: number): IsoDate {
  const ms = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + n * MS_PER_DAY;
  const d = new Date(ms);
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const at = Date.UTC(Number(a.slice(0, 4)), Number(a.slice(5, 7)) - 1, Number(a.slice(8, 10)));
  const bt = Date.UTC(Number(b.slice(0, 4)), Number(b.slice(5, 7)) - 1, Number(b.slice(8, 10)));
  return Math.round((bt - at) / MS_PER_DAY);
}

/** Closed ranges [aStart, aEnd] and [bStart, bEnd] share at least one day. */
export function rangesOverlap(aStart: IsoDate, aEnd: IsoDate, bStart: IsoDate, bEnd: IsoDate): boolean {
  return aStart <= bEnd && bStart <= aEnd;
}

/** The closed range [innerStart, innerEnd] lies inside [outerStart, outerEnd]. */
export function rangeWithin(innerStart: IsoDate, innerEnd: IsoDate, outerStart: IsoDate, outerEnd: IsoDate): boolean {
  return innerStart >= outerStart && innerEnd <= outerEnd;
}
