/** Points → calendar dates → one Term. */
import { formatRuDate, isoOf, isRealDate, monthEnd, monthStart } from "./dates.js";
import { checkYear, fail, type Point, type Syntax, TermError } from "./points.js";
import type { IsoDate, Period, Term, TermKind } from "./types.js";
import { SCHOOL_TERMS } from "./vocabulary.js";
import { fillIn } from "./year-inference.js";

function spanOf(p: Point): { start: IsoDate; end: IsoDate } {
  switch (p.kind) {
    case "date": {
      const year = p.year!;
      const month = p.month!;
      checkYear(year);
      if (!isRealDate(year, month, p.day)) {
        const dd = String(p.day).padStart(2, "0");
        const mm = String(month).padStart(2, "0");
        fail(
          month >= 1 && month <= 12 && p.day >= 1 && p.day <= 31
            ? `даты ${dd}.${mm}.${year} не существует`
            : `даты «${p.raw}» не существует`,
        );
      }
      const iso = isoOf(year, month, p.day);
      return { start: iso, end: iso };
    }
    case "month":
      checkYear(p.year!);
      if (p.month < 1 || p.month > 12) fail(`месяца с номером ${p.month} не бывает`);
      return { start: monthStart(p.year!, p.month), end: monthEnd(p.year!, p.month) };
    case "year":
      checkYear(p.year);
      return { start: isoOf(p.year, 1, 1), end: isoOf(p.year, 12, 31) };
    case "academic":
      checkYear(p.year + 1);
      return { start: isoOf(p.year, 9, 1), end: isoOf(p.year + 1, 8, 31) };
    case "part": {
      const year = p.year!;
      checkYear(year);
      if (p.part === "quarter") return { start: monthStart(year, p.n * 3 - 2), end: monthEnd(year, p.n * 3) };
      if (p.part === "schoolTerm") {
        const [first, last] = SCHOOL_TERMS[p.n - 1]!;
        return { start: monthStart(year, first), end: monthEnd(year, last) };
      }
      // «1 полугодие 2021-2022 учебного года»: Sep–Dec / Jan–Aug; a written single year: calendar halves.
      if (p.academic)
        return p.n === 1
          ? { start: isoOf(year, 9, 1), end: isoOf(year, 12, 31) }
          : { start: isoOf(year + 1, 1, 1), end: isoOf(year + 1, 8, 31) };
      return p.n === 1
        ? { start: isoOf(year, 1, 1), end: isoOf(year, 6, 30) }
        : { start: isoOf(year, 7, 1), end: isoOf(year, 12, 31) };
    }
  }
}

function pointKind(p: Point): TermKind {
  switch (p.kind) {
    case "date":
      return "date";
    case "month":
      return "month";
    case "year":
      return "year";
    case "academic":
      return "academic";
    case "part":
      return p.part === "half" ? "half" : "quarter";
  }
}

function reversedReason(start: IsoDate, end: IsoDate): string {
  return `срок заканчивается (${formatRuDate(end)}) раньше, чем начинается (${formatRuDate(start)})`;
}

export function toTerm(syntax: Syntax, period: Period | null): Term {
  if (syntax.untilPeriodEnd) {
    if (period === null) fail("не указано, конец какого года имеется в виду, а отчётный период не заполнен");
    return { kind: "deadline", start: null, end: period!.end, yearInferred: true };
  }
  if (syntax.segments.length === 0) fail("срок не указан");

  // «2019-2020» (no «гг.», no «по»): one academic year; «2021-2023», «2021-2022 гг.»,
  // «с 2021 по 2022»: calendar years, read as an ordinary range below.
  const only = syntax.segments.length === 1 ? syntax.segments[0]! : null;
  if (only && only.from.kind === "year") {
    const y = only.from.year;
    const to = typeof only.to === "object" ? only.to : null;
    const consecutive =
      to?.kind === "year" && to.year === y + 1 && (syntax.academic || (!syntax.calendarYears && !only.byWord));
    // «2021 учебный год»: the academic year starting then.
    const single = only.to === null && syntax.academic;
    if (consecutive || single) {
      only.from = { kind: "academic", year: y, raw: only.from.raw };
      only.to = null;
    }
  }
  const yearInferred = fillIn(syntax, period);

  let start = null as IsoDate | null;
  let end = null as IsoDate | null;
  let open = false;
  const spans: { start: IsoDate; end: IsoDate }[] = [];
  for (const s of syntax.segments) {
    const a = spanOf(s.from);
    let span = a;
    if (typeof s.to === "object" && s.to !== null) {
      const b = spanOf(s.to);
      if (b.end < a.start) throw new TermError(reversedReason(a.start, b.end), true);
      span = { start: a.start, end: b.end };
    } else if (s.to === "now" || s.to === "open") {
      open = true;
    }
    spans.push(span);
    start = start === null || span.start < start ? span.start : start;
    end = end === null || span.end > end ? span.end : end;
  }

  if (syntax.mode === "until") {
    if (syntax.segments.length !== 1 || only?.to !== null) fail("после «до» ожидается одна дата");
    return { kind: "deadline", start: null, end, yearInferred };
  }
  if (open || (syntax.mode === "from" && only?.to === null)) {
    if (syntax.segments.length !== 1) fail("открытый срок («по настоящее время») может быть только один");
    return { kind: "ongoing", start, end: null, yearInferred };
  }

  let kind: TermKind;
  if (only && only.to === null) kind = pointKind(only.from);
  else {
    const pts = syntax.segments.flatMap((s) => [s.from, ...(typeof s.to === "object" && s.to !== null ? [s.to] : [])]);
    const ranged = syntax.segments.some((s) => s.to !== null);
    if (pts.every((p) => p.kind === "month")) kind = "months";
    else if (!ranged && pts.every((p) => p.kind === "date")) kind = "days";
    else kind = "range";
  }
  const term: Term = { kind, start, end, yearInferred };
  if (kind === "days") return { ...term, days: spans.map((s) => s.start) };
  return term;
}
