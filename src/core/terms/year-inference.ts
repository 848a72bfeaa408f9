/** Years and months filled in: written years first, then from the reporting period. */
import { isoParts, monthEnd, monthStart, rangesOverlap } from "./dates.js";
import { fail, type Point, type Syntax } from "./points.js";
import type { Period } from "./types.js";
import { SCHOOL_TERMS } from "./vocabulary.js";

/** Month used to place a point within the year (for year inference and ordering). */
function keyMonth(p: Point): number {
  switch (p.kind) {
    case "date":
      return p.month ?? 1;
    case "month":
      return p.month;
    case "part":
      if (p.part === "quarter") return p.n * 3 - 2;
      if (p.part === "schoolTerm") return SCHOOL_TERMS[p.n - 1]![0];
      if (p.academic) return p.n === 1 ? 9 : 1;
      return p.n === 1 ? 1 : 7;
    default:
      return 1;
  }
}

const hasYear = (p: Point): boolean => p.kind === "year" || p.kind === "academic" || p.year !== null;

function setYear(p: Point, year: number): void {
  if (p.kind === "date" || p.kind === "month" || p.kind === "part") p.year = year;
}

const yearOfPoint = (p: Point): number | null => p.year;

/** Day-of-year-ish order of a point, for «15.12-15.01.2022» roll-over. */
const orderKey = (p: Point): number => keyMonth(p) * 100 + (p.kind === "date" ? p.day : 1);
const sameMonth = (a: Point, b: Point): boolean => keyMonth(a) === keyMonth(b);

/** True when the period runs September to August (academic years and such ranges). */
function isAcademicPeriod(period: Period | null): boolean {
  return (
    period !== null &&
    (period.kind === "academic" || (period.start.slice(5) === "09-01" && period.end.slice(5) === "08-31"))
  );
}

/** The year in which a month falls inside the period; the period's first year if none does. */
function inferYear(month: number, period: Period): number {
  const first = isoParts(period.start).year;
  const last = Math.min(isoParts(period.end).year, first + 10);
  for (let y = first; y <= last; y++) {
    if (rangesOverlap(monthStart(y, month), monthEnd(y, month), period.start, period.end)) return y;
  }
  return first;
}

const NO_YEAR = "не указан год, а отчётный период не заполнен";

/** Fills missing months of bare days and missing years; returns whether any year came from the period. */
export function fillIn(syntax: Syntax, period: Period | null): boolean {
  const points: Point[] = [];
  for (const s of syntax.segments) {
    points.push(s.from);
    if (typeof s.to === "object" && s.to !== null) points.push(s.to);
  }
  // Months of bare days: from the range partner, the label, or the next point with a month.
  for (const s of syntax.segments) {
    const to = typeof s.to === "object" ? s.to : null;
    if (to && s.from.kind === "date" && to.kind === "date") {
      if (s.from.month === null && to.month !== null) s.from.month = to.month;
      if (to.month === null && s.from.month !== null) to.month = s.from.month;
    }
  }
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (p.kind !== "date" || p.month !== null) continue;
    if (syntax.labelMonth !== null) {
      p.month = syntax.labelMonth;
      continue;
    }
    const later = points.slice(i + 1).find((q) => q.kind === "date" && q.month !== null) as
      { month: number } | undefined;
    if (!later) fail(`у числа «${p.raw}» не указан месяц`);
    p.month = later!.month;
  }

  // Written years spread within a range, rolling over the new year («15.12-15.01.2022»).
  for (const s of syntax.segments) {
    const to = typeof s.to === "object" ? s.to : null;
    if (!to) continue;
    const from = s.from;
    if (!hasYear(from) && hasYear(to) && (to.kind === "date" || to.kind === "month" || to.kind === "part")) {
      const y = yearOfPoint(to)!;
      setYear(from, orderKey(from) > orderKey(to) && !sameMonth(from, to) ? y - 1 : y);
    } else if (
      hasYear(from) &&
      !hasYear(to) &&
      (from.kind === "date" || from.kind === "month" || from.kind === "part")
    ) {
      const y = yearOfPoint(from)!;
      setYear(to, orderKey(to) < orderKey(from) && !sameMonth(from, to) ? y + 1 : y);
    }
  }
  // Written years spread along a list («Апрель, май 2022»): the next written year, else the previous.
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    if (hasYear(p)) continue;
    const donor = points.slice(i + 1).find(hasYear) ?? points.slice(0, i).reverse().find(hasYear);
    if (donor) setYear(p, yearOfPoint(donor)!);
  }
  // Whatever is still missing comes from the reporting period.
  let inferred = false;
  const academicPeriod = isAcademicPeriod(period);
  const missing = new Set(points.filter((p) => !hasYear(p)));
  for (const p of points) {
    if (hasYear(p)) continue;
    if (period === null) return fail(NO_YEAR);
    if (p.kind === "part" && p.part === "half" && academicPeriod) {
      // A half without a year in an academic period is a half of that academic year.
      p.academic = true;
      setYear(p, inferYear(9, period));
    } else {
      setYear(p, inferYear(keyMonth(p), period));
    }
    inferred = true;
  }
  // A period across the new year («2019-2020 учебный год»): «Февраль-ноябрь» runs forward
  // into the next year rather than backwards. In a calendar-year period it stays reversed.
  if (period !== null && period.start.slice(0, 4) !== period.end.slice(0, 4)) {
    for (const s of syntax.segments) {
      const to = typeof s.to === "object" ? s.to : null;
      if (!to || !missing.has(s.from) || !missing.has(to) || sameMonth(s.from, to)) continue;
      if (yearOfPoint(to)! < yearOfPoint(s.from)!) setYear(to, yearOfPoint(to)! + 1);
    }
  }
  return inferred;
}
