import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateCell, isoToSerial } from "../src/core/grid.js";
import {
  MONTHS,
  addDays,
  daysBetween,
  formatRuDate,
  isoOf,
  lastDayOfMonth,
  parsePeriod,
  parseSingleDate,
  parseTerm,
  type Period,
  type TermResult,
} from "../src/core/terms/index.js";
import { propertyRuns } from "./helpers/property-runs.js";

const INTERNAL_FAILURE = "не удалось разобрать срок";
const PERIODS: (Period | null)[] = [
  null,
  parsePeriod("2022"),
  parsePeriod("2021-2022 учебный год"),
  parsePeriod("1-е полугодие 2023"),
];

/** A real calendar date 1990–2100 as ISO. */
const isoDate = fc
  .record({
    year: fc.integer({ min: 1990, max: 2100 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => isoOf(year, month, Math.min(day, lastDayOfMonth(year, month))));

/** Pieces of the grammar, glued together at random: mostly near-misses of real terms. */
const FRAGMENTS = [
  "24.02",
  "24.02.2022",
  "03.03",
  "-",
  "–",
  "—",
  " ",
  ",",
  ".",
  "Май",
  "апреля",
  "янв.",
  "СЕНТ",
  "2021",
  "2019-2020",
  "учебный год",
  "г.",
  "года",
  "гг.",
  "с",
  "по",
  "до",
  "настоящее время",
  "н.в.",
  "постоянно",
  "в течение года",
  "1-е",
  "полугодие",
  "I",
  "IV",
  "квартал",
  "четверть",
  "15",
  "31",
  "00",
  "13.13",
  "29.02",
  "/",
  "и",
  ":",
  "конца",
  "🙂",
  "=SUM(A1)",
  "<script>",
  "\u00a0",
  "ё",
  "2.5",
  "99999",
  "0",
];
const grammarString = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join(""));
const spacedGrammarString = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((parts) => parts.join(" "));

/** Terms shaped like real ones: points (dates, months, years, parts) joined by dashes, commas and prefixes. */
const yearText = fc.integer({ min: 1995, max: 2035 }).map(String);
const monthText = fc
  .tuple(
    fc.integer({ min: 0, max: 11 }),
    fc.constantFrom<"nominative" | "genitive" | "prepositional">("nominative", "genitive", "prepositional"),
    fc.boolean(),
  )
  .map(([m, form, upper]) => {
    const word = MONTHS[m]![form];
    return upper ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  });
const dayMonthText = fc
  .tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }))
  .map(([d, m]) => `${String(d).padStart(2, "0")}.${String(m).padStart(2, "0")}`);
const pointText = fc.oneof(
  dayMonthText,
  fc.tuple(dayMonthText, yearText).map(([dm, y]) => `${dm}.${y}`),
  monthText,
  fc.tuple(monthText, yearText).map(([m, y]) => `${m} ${y}`),
  yearText,
  fc
    .tuple(fc.constantFrom("1-е", "2-е", "I", "II", "3"), fc.constantFrom("полугодие", "квартал"), fc.option(yearText))
    .map(([n, p, y]) => [n, p, y ?? ""].join(" ").trim()),
);
const structuredTerm = fc.oneof(
  pointText,
  fc.tuple(pointText, fc.constantFrom("-", " – ", "—"), pointText).map((p) => p.join("")),
  fc.array(pointText, { minLength: 2, maxLength: 4 }).map((p) => p.join(", ")),
  fc
    .tuple(fc.constantFrom("с ", "до ", "С "), pointText, fc.constantFrom("", " по настоящее время", " г.", " года"))
    .map((p) => p.join("")),
  fc.tuple(pointText, fc.constantFrom(" г.", " года", " гг.", " учебный год")).map((p) => p.join("")),
);

function checkWellFormed(result: TermResult | null): void {
  if (result === null) return;
  if (!result.ok) {
    expect(typeof result.reason).toBe("string");
    expect(result.reason.length).toBeGreaterThan(0);
    // The bare fallback reason means an internal exception was swallowed: a bug, not bad input.
    expect(result.reason).not.toBe(INTERNAL_FAILURE);
    return;
  }
  const { start, end, days } = result.term;
  if (start !== null) expect(start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  if (end !== null) expect(end).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  if (start !== null && end !== null) expect(start <= end).toBe(true);
  if (days) for (const d of days) expect(d >= start! && d <= end!).toBe(true);
}

describe("parseTerm properties", () => {
  const anyString = fc.oneof(
    fc.string(),
    fc.string({ unit: "grapheme" }),
    fc.string({ unit: "binary" }),
    grammarString,
    spacedGrammarString,
  );

  it("never throws and returns a well-formed result for any string and period", () => {
    fc.assert(
      fc.property(anyString, fc.constantFrom(...PERIODS), (text, period) => {
        checkWellFormed(parseTerm(text, { period }));
      }),
      { numRuns: propertyRuns(3000) },
    );
  });

  it("never throws on any number, boolean or date cell", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.integer(), fc.boolean(), isoDate.map(dateCell)),
        fc.constantFrom(...PERIODS),
        (cell, period) => {
          checkWellFormed(parseTerm(cell, { period }));
        },
      ),
    );
  });

  it("start ≤ end whenever the result is ok (terms built from the grammar)", () => {
    let okCount = 0;
    let runs = 0;
    fc.assert(
      fc.property(structuredTerm, fc.constantFrom(...PERIODS), (text, period) => {
        const r = parseTerm(text, { period });
        runs++;
        if (r?.ok) okCount++;
        checkWellFormed(r);
      }),
      { numRuns: propertyRuns(3000) },
    );
    // The generator must actually reach the success paths, or this property proves nothing.
    expect(okCount / runs).toBeGreaterThan(0.3);
  });

  it("formatRuDate(d) read back by parseSingleDate gives d for any date 1990–2100", () => {
    fc.assert(
      fc.property(isoDate, fc.constantFrom(...PERIODS), (iso, period) => {
        const r = parseSingleDate(formatRuDate(iso), { period });
        expect(r).toEqual({ ok: true, term: { kind: "date", start: iso, end: iso, yearInferred: false } });
      }),
      { numRuns: propertyRuns(2000) },
    );
  });

  it("a date written «5 марта 2022 г.» and a serial number read back to the same day", () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
        const words = parseSingleDate(`${d} ${MONTHS[m - 1]!.genitive} ${y} г.`, { period: null });
        expect(words?.ok && words.term.start).toBe(iso);
        const serial = parseSingleDate(isoToSerial(iso), { period: null });
        expect(serial?.ok && serial.term.start).toBe(iso);
      }),
      { numRuns: propertyRuns(1000) },
    );
  });

  it("a range «dd.mm.yyyy-dd.mm.yyyy» with start ≤ end parses to exactly those dates, with any dash", () => {
    fc.assert(
      fc.property(
        isoDate,
        fc.integer({ min: 0, max: 2000 }),
        fc.constantFrom("-", "–", "—", " - ", " – ", " — "),
        (start, length, dash) => {
          const end = addDays(start, length);
          const r = parseTerm(`${formatRuDate(start)}${dash}${formatRuDate(end)}`, { period: null });
          expect(r?.ok).toBe(true);
          if (r?.ok) expect([r.term.start, r.term.end]).toEqual([start, end]);
        },
      ),
      { numRuns: propertyRuns(2000) },
    );
  });

  it("a range written backwards is always reported as reversed", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 2000 }), (start, length) => {
        const end = addDays(start, length);
        const r = parseTerm(`${formatRuDate(end)}-${formatRuDate(start)}`, { period: null });
        expect(r).toMatchObject({ ok: false, reversed: true });
      }),
      { numRuns: propertyRuns(500) },
    );
  });

  it("a day-month without a year lands inside a calendar or academic period", () => {
    const periods = [
      parsePeriod("2022")!,
      parsePeriod("2021-2022 учебный год")!,
      parsePeriod("01.09.2020-31.08.2021")!,
    ];
    fc.assert(
      fc.property(fc.constantFrom(...periods), fc.integer({ min: 0, max: 364 }), (period, offset) => {
        const iso = addDays(period.start, offset);
        const r = parseTerm(iso.slice(8, 10) + "." + iso.slice(5, 7), { period });
        expect(r).toEqual({ ok: true, term: { kind: "date", start: iso, end: iso, yearInferred: true } });
      }),
      { numRuns: propertyRuns(1000) },
    );
  });

  it("addDays and daysBetween agree", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (iso, n) => {
        expect(daysBetween(iso, addDays(iso, n))).toBe(n);
      }),
    );
  });

  it("any text of up to 50,000 characters gets a result, never an exception", () => {
    fc.assert(
      fc.property(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 1000, max: 50_000 }), (fragment, length) => {
        const text = fragment.repeat(Math.ceil(length / Math.max(1, fragment.length))).slice(0, length);
        const result = parseTerm(text, { period: PERIODS[1]! });
        expect(result === null || typeof result.ok === "boolean").toBe(true);
      }),
      { numRuns: propertyRuns(100) },
    );
  });
});
