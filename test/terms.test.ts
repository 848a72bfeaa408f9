import { describe, expect, it } from "vitest";
import { PLAN_TERMS } from "./helpers/plan-terms.js";
import { dateCell, errorCell } from "../src/core/grid.js";
import {
  MONTHS,
  TERM_FORMS_HINT,
  addDays,
  compareIso,
  formatRuDate,
  lastDayOfMonth,
  monthNumber,
  parseMonthOrDate,
  parsePeriod,
  parseSingleDate,
  parseTerm,
  rangeWithin,
  rangesOverlap,
  termEnd,
  termStart,
  type Period,
  type TermResult,
} from "../src/core/terms/index.js";

const period = (text: string): Period => {
  const p = parsePeriod(text);
  if (!p) throw new Error(`test period ${text} did not parse`);
  return p;
};
const CAL = period("2022");
const ACAD = period("2021-2022 учебный год");

/** [text, expected kind, start, end] */
type Row = readonly [string, string, string | null, string | null];

function expectTerm(result: TermResult | null, kind: string, start: string | null, end: string | null): void {
  expect(result, "result").not.toBeNull();
  if (!result!.ok) throw new Error(`expected ok, got «${result!.reason}»`);
  expect({ kind: result!.term.kind, start: result!.term.start, end: result!.term.end }).toEqual({ kind, start, end });
}

describe("parseTerm: every form from docs/RULES.md in a calendar-year period (2022)", () => {
  const rows: Row[] = [
    ["24.02", "date", "2022-02-24", "2022-02-24"],
    ["24.02.2022", "date", "2022-02-24", "2022-02-24"],
    ["03.03-10.03", "range", "2022-03-03", "2022-03-10"],
    ["14.03.-31.03", "range", "2022-03-14", "2022-03-31"],
    ["15.03.2021-30.04.2021", "range", "2021-03-15", "2021-04-30"],
    ["Май", "month", "2022-05-01", "2022-05-31"],
    ["Апрель, май", "months", "2022-04-01", "2022-05-31"],
    ["Февраль-ноябрь", "months", "2022-02-01", "2022-11-30"],
    ["Ноябрь 15.11, 17.11, 22.11", "days", "2022-11-15", "2022-11-22"],
    ["Март – июнь 2021", "months", "2021-03-01", "2021-06-30"],
    ["январь – сентябрь 2021 года", "months", "2021-01-01", "2021-09-30"],
    ["октябрь 2021 – декабрь 2022 года", "months", "2021-10-01", "2022-12-31"],
    ["С 18.05.2021 по настоящее время", "ongoing", "2021-05-18", null],
    ["до 15.09.2023 года", "deadline", null, "2023-09-15"],
    ["постоянно", "always", "2022-01-01", "2022-12-31"],
    ["в течение года", "always", "2022-01-01", "2022-12-31"],
    ["2022", "year", "2022-01-01", "2022-12-31"],
    ["2019-2020 учебный год", "academic", "2019-09-01", "2020-08-31"],
    ["1-е полугодие 2022", "half", "2022-01-01", "2022-06-30"],
    ["I квартал 2022", "quarter", "2022-01-01", "2022-03-31"],
    ["2 квартал", "quarter", "2022-04-01", "2022-06-30"],
    ["24.02.22", "date", "2022-02-24", "2022-02-24"],
  ];
  it.each(rows)("%s → %s %s..%s", (text, kind, start, end) => {
    expectTerm(parseTerm(text, { period: CAL }), kind, start, end);
  });
});

describe("parseTerm: extra forms people write", () => {
  const rows: Row[] = [
    ["с 01.03 по 15.03", "range", "2022-03-01", "2022-03-15"],
    ["март 2022", "month", "2022-03-01", "2022-03-31"],
    ["в течение учебного года", "always", "2022-01-01", "2022-12-31"],
    ["ежемесячно", "always", "2022-01-01", "2022-12-31"],
    ["по мере необходимости", "always", "2022-01-01", "2022-12-31"],
    ["Постоянно, в течение года", "always", "2022-01-01", "2022-12-31"],
    ["сентябрь-декабрь 2022 г.", "months", "2022-09-01", "2022-12-31"],
    ["до конца года", "deadline", null, "2022-12-31"],
    ["1 полугодие", "half", "2022-01-01", "2022-06-30"],
    ["II полугодие", "half", "2022-07-01", "2022-12-31"],
    ["первое полугодие 2022", "half", "2022-01-01", "2022-06-30"],
    ["IV кв. 2022", "quarter", "2022-10-01", "2022-12-31"],
    ["5 марта 2022 г.", "date", "2022-03-05", "2022-03-05"],
    ["до 25 марта 2022 года", "deadline", null, "2022-03-25"],
    ["15-20 марта", "range", "2022-03-15", "2022-03-20"],
    ["3 - 10 марта 2022", "range", "2022-03-03", "2022-03-10"],
    ["2020 - н.в.", "ongoing", "2020-01-01", null],
    ["май 2022 - н/в", "ongoing", "2022-05-01", null],
    ["с марта", "ongoing", "2022-03-01", null],
    ["не позднее 15.09", "deadline", null, "2022-09-15"],
    ["к 1 сентября", "deadline", null, "2022-09-01"],
    ["до конца мая", "deadline", null, "2022-05-31"],
    ["апрель и май", "months", "2022-04-01", "2022-05-31"],
    ["ноябрь: 15, 17, 22", "days", "2022-11-15", "2022-11-22"],
    ["Ноябрь 15.11 17.11", "days", "2022-11-15", "2022-11-17"],
    ["2021-2023", "range", "2021-01-01", "2023-12-31"],
    ["2021-2022 гг.", "range", "2021-01-01", "2022-12-31"],
    ["2021/22 уч. год", "academic", "2021-09-01", "2022-08-31"],
    ["1 полугодие 2021-2022 учебного года", "half", "2021-09-01", "2021-12-31"],
    ["в течение 2022 года", "year", "2022-01-01", "2022-12-31"],
    ["за 2022 год", "year", "2022-01-01", "2022-12-31"],
    ["05.03.2022 г.", "date", "2022-03-05", "2022-03-05"],
    ["2022-03-05", "date", "2022-03-05", "2022-03-05"],
    ["01.2022", "month", "2022-01-01", "2022-01-31"],
    ["янв. 2021", "month", "2021-01-01", "2021-01-31"],
    ["ЯНВАРЬ – СЕНТ. 2021", "months", "2021-01-01", "2021-09-30"],
    ["Сентябрь — декабрь", "months", "2022-09-01", "2022-12-31"],
    ["  Май.  ", "month", "2022-05-01", "2022-05-31"],
    ["Февраль-ноябрь,", "months", "2022-02-01", "2022-11-30"],
    ["12.09.-07.10.", "range", "2022-09-12", "2022-10-07"],
    ["с января 2021 по май 2023 года", "months", "2021-01-01", "2023-05-31"],
    ["ноябрь – февраль 2022", "months", "2021-11-01", "2022-02-28"],
    ["15.12-15.01.2022", "range", "2021-12-15", "2022-01-15"],
    ["01.09.2021-31.05", "range", "2021-09-01", "2022-05-31"],
    ["24.02.2022-", "ongoing", "2022-02-24", null],
    ["29.02.2024", "date", "2024-02-29", "2024-02-29"],
    ["2 четверть", "quarter", "2022-11-01", "2022-12-31"],
    ["1 пол. 2022", "half", "2022-01-01", "2022-06-30"],
    ["01.03.2022г.-15.03.2022г.", "range", "2022-03-01", "2022-03-15"],
    ["с 01.03.2022 г. по 15.03.2022 г.", "range", "2022-03-01", "2022-03-15"],
    ["24/02/2022", "date", "2022-02-24", "2022-02-24"],
    ["03/2022", "month", "2022-03-01", "2022-03-31"],
    ["в течение 2021-2022 учебного года", "academic", "2021-09-01", "2022-08-31"],
    ["Срок – до 15.09.2023 года.", "deadline", null, "2023-09-15"],
    ["Срок-постоянно.", "always", "2022-01-01", "2022-12-31"],
    ["с 18.05.2021 по н.в.", "ongoing", "2021-05-18", null],
    ["С 2021 г. по наст. время", "ongoing", "2021-01-01", null],
    ["с 01.09.2021 по сих пор", "ongoing", "2021-09-01", null],
    ["2022-2023 уч.г.", "academic", "2022-09-01", "2023-08-31"],
    ["с 2021 по 2022", "range", "2021-01-01", "2022-12-31"],
    ["24.02, 03.03", "days", "2022-02-24", "2022-03-03"],
    ["05.03.2022 0:00:00", "date", "2022-03-05", "2022-03-05"],
    ["2022-03-05 10:30", "date", "2022-03-05", "2022-03-05"],
    ["с 2021-2022 учебного года", "ongoing", "2021-09-01", null],
    ["до 2021-2022 уч.г.", "deadline", null, "2022-08-31"],
    ["2021 учебный год", "academic", "2021-09-01", "2022-08-31"],
    ["Май, 15.06", "range", "2022-05-01", "2022-06-15"],
    ["15, 17 и 22 ноября", "days", "2022-11-15", "2022-11-22"],
    ["2021/2022", "academic", "2021-09-01", "2022-08-31"],
  ];
  it.each(rows)("%s → %s %s..%s", (text, kind, start, end) => {
    expectTerm(parseTerm(text, { period: CAL }), kind, start, end);
  });

  it.each([
    "На протяжении всего года",
    "В течение года",
    "в течении года",
    "Ежемесячно",
    "Еженедельно",
    "Круглогодично",
    "Систематически",
    "Регулярно",
    "Весь период",
    "По мере необходимости",
    "Периодически",
    "в течение всего периода",
    "1 раз в месяц",
    "2 раза в четверть",
    "Каждый месяц",
    "круглый год",
  ])("«%s» means the whole period", (text) => {
    expectTerm(parseTerm(text, { period: ACAD }), "always", ACAD.start, ACAD.end);
  });

  it("keeps the individual days of a «days» term", () => {
    const r = parseTerm("Ноябрь 15.11, 17.11, 22.11, 24.11, 29.11", { period: CAL });
    expect(r?.ok && r.term.days).toEqual(["2022-11-15", "2022-11-17", "2022-11-22", "2022-11-24", "2022-11-29"]);
  });

  it("accepts all three dashes with or without spaces", () => {
    for (const dash of ["-", "–", "—", " - ", " – ", " — "]) {
      expectTerm(parseTerm(`март${dash}июнь 2021`, { period: null }), "months", "2021-03-01", "2021-06-30");
      expectTerm(parseTerm(`03.03${dash}10.03.2022`, { period: null }), "range", "2022-03-03", "2022-03-10");
    }
  });

  it("recognises months in any case, form and abbreviation", () => {
    const spellings: [string, number][] = [
      ["январь", 1],
      ["января", 1],
      ["январе", 1],
      ["ЯНВАРЬ", 1],
      ["янв.", 1],
      ["Янв", 1],
      ["февр.", 2],
      ["марта", 3],
      ["апр", 4],
      ["мая", 5],
      ["мае", 5],
      ["Май", 5],
      ["июнь", 6],
      ["июля", 7],
      ["авг.", 8],
      ["сент.", 9],
      ["сен", 9],
      ["сентябре", 9],
      ["окт", 10],
      ["нояб.", 11],
      ["ноября", 11],
      ["дек.", 12],
      ["декабрём", 12],
    ];
    for (const [word, month] of spellings) expect(monthNumber(word), word).toBe(month);
    for (const word of ["ма", "маи", "июнл", "понедельник", "", "и"]) expect(monthNumber(word), word).toBeNull();
  });

  it("exports the month forms the report needs", () => {
    expect(MONTHS).toHaveLength(12);
    expect(MONTHS[0]).toEqual({ nominative: "январь", genitive: "января", prepositional: "январе" });
    expect(MONTHS[4]).toEqual({ nominative: "май", genitive: "мая", prepositional: "мае" });
    expect(MONTHS[8]!.genitive).toBe("сентября");
  });
});

describe("year inference", () => {
  it("takes a missing year from a calendar period", () => {
    const r = parseTerm("24.02", { period: CAL });
    expectTerm(r, "date", "2022-02-24", "2022-02-24");
    expect(r?.ok && r.term.yearInferred).toBe(true);
    const written = parseTerm("24.02.2021", { period: CAL });
    expect(written?.ok && written.term.yearInferred).toBe(false);
  });

  it("in an academic year puts September–December in the first year and January–August in the second", () => {
    expectTerm(parseTerm("Ноябрь 15.11, 17.11", { period: ACAD }), "days", "2021-11-15", "2021-11-17");
    expectTerm(parseTerm("24.02", { period: ACAD }), "date", "2022-02-24", "2022-02-24");
    expectTerm(parseTerm("Сентябрь", { period: ACAD }), "month", "2021-09-01", "2021-09-30");
    expectTerm(parseTerm("Август", { period: ACAD }), "month", "2022-08-01", "2022-08-31");
    expectTerm(parseTerm("2 квартал", { period: ACAD }), "quarter", "2022-04-01", "2022-06-30");
    expectTerm(parseTerm("постоянно", { period: ACAD }), "always", "2021-09-01", "2022-08-31");
  });

  it("rolls a month range over the new year in an academic period but not in a calendar one", () => {
    expectTerm(parseTerm("Ноябрь – февраль", { period: ACAD }), "months", "2021-11-01", "2022-02-28");
    expectTerm(parseTerm("15.12-15.01", { period: ACAD }), "range", "2021-12-15", "2022-01-15");
    const cal = parseTerm("Ноябрь – февраль", { period: CAL });
    expect(cal).toMatchObject({ ok: false, reversed: true });
    expect(parseTerm("15.12-15.01", { period: CAL })).toMatchObject({ ok: false, reversed: true });
  });

  it("reads «Февраль-ноябрь» forward in an academic period", () => {
    expectTerm(parseTerm("Февраль-ноябрь", { period: ACAD }), "months", "2022-02-01", "2022-11-30");
  });

  it("uses an explicit September–August range period like an academic year", () => {
    const range = period("01.09.2020-31.08.2021");
    expect(range.kind).toBe("range");
    expectTerm(parseTerm("Октябрь", { period: range }), "month", "2020-10-01", "2020-10-31");
    expectTerm(parseTerm("Март", { period: range }), "month", "2021-03-01", "2021-03-31");
    expectTerm(parseTerm("1 полугодие", { period: range }), "half", "2020-09-01", "2020-12-31");
    expectTerm(parseTerm("2 полугодие", { period: range }), "half", "2021-01-01", "2021-08-31");
  });

  it("halves without a year in an academic period are halves of the academic year", () => {
    expectTerm(parseTerm("1-е полугодие", { period: ACAD }), "half", "2021-09-01", "2021-12-31");
    expectTerm(parseTerm("II полугодие", { period: ACAD }), "half", "2022-01-01", "2022-08-31");
  });

  it("spreads a written year along a list and a range", () => {
    expectTerm(parseTerm("Апрель, май 2021", { period: CAL }), "months", "2021-04-01", "2021-05-31");
    expectTerm(parseTerm("03.03-10.03.2021", { period: CAL }), "range", "2021-03-03", "2021-03-10");
  });

  it("without a period refuses to guess the year", () => {
    for (const text of ["24.02", "Май", "03.03-10.03", "Ноябрь 15.11", "до конца года", "2 квартал"]) {
      const r = parseTerm(text, { period: null });
      expect(r?.ok, text).toBe(false);
      expect(r && !r.ok && r.reason, text).toMatch(/не указан/);
    }
  });

  it("without a period, «постоянно» is accepted with open ends", () => {
    const r = parseTerm("постоянно", { period: null });
    expect(r).toEqual({ ok: true, term: { kind: "always", start: null, end: null, yearInferred: false } });
  });
});

describe("reversed and invalid terms", () => {
  it("reports a reversed range with both dates in the message", () => {
    const r = parseTerm("10.03-03.03", { period: CAL });
    expect(r).toEqual({
      ok: false,
      reversed: true,
      reason: "срок заканчивается (03.03.2022) раньше, чем начинается (10.03.2022)",
    });
    expect(parseTerm("30.04.2021-15.03.2021", { period: null })).toMatchObject({ ok: false, reversed: true });
    expect(parseTerm("2023-2021", { period: null })).toMatchObject({ ok: false, reversed: true });
  });

  const invalid: [string, RegExp][] = [
    ["31.02", /31\.02\.2022 не существует/],
    ["29.02", /29\.02\.2022 не существует/],
    ["00.13", /не существует/],
    ["32.01.2022", /не существует/],
    ["Маи", /месяц «Маи» не распознан/],
    ["раз в сто лет", /непонятное слово «раз»/],
    ["Сентябрб 2022", /месяц «Сентябрб» не распознан/],
    ["по графику", /непонятное слово/],
    ["=SUM(A1)", /непонятный знак «=»/],
    ["<script>alert(1)</script>", /непонятный знак/],
    ["много", /непонятное слово «много»/],
    ["5 квартал", /квартала с номером 5 не бывает/],
    ["24.02.1066", /вне допустимого диапазона/],
    ["1234567", /не похоже/],
    ["x".repeat(500), /слишком длинный/],
    ["🙂", /непонятный знак «🙂»/],
    ["-", /срок не указан/],
    ["10:00", /не удалось разобрать срок около «00»/],
    ["—", /срок не указан/],
  ];
  it.each(invalid)("%s is rejected with a reason", (text, reason) => {
    const r = parseTerm(text, { period: CAL });
    expect(r?.ok).toBe(false);
    expect(r && !r.ok && r.reason).toMatch(reason);
    expect(r && !r.ok && r.reversed).toBeFalsy();
  });

  it("returns null for empty cells only", () => {
    expect(parseTerm(null, { period: CAL })).toBeNull();
    expect(parseTerm("", { period: CAL })).toBeNull();
    expect(parseTerm("   ", { period: CAL })).toBeNull();
    expect(parseTerm("-", { period: CAL })).not.toBeNull();
  });

  // Speed is measured by `npm run bench` (bench/terms.ts); these check the results.
  it("reads 10,000 plan rows", () => {
    const samples = PLAN_TERMS;
    let ok = 0;
    let misspelt = 0;
    for (let i = 0; i < 10_000; i++) {
      const text = samples[i % samples.length]!;
      if (text === "Маи") misspelt++;
      if (parseTerm(text, { period: CAL })?.ok) ok++;
    }
    expect(ok).toBe(10_000 - misspelt);
  });

  it("reads 10,000 distinct terms (nothing repeated to remember)", () => {
    let ok = 0;
    for (let i = 0; i < 10_000; i++) {
      const start = addDays("2000-01-01", i);
      const text = `${formatRuDate(start)}-${formatRuDate(addDays(start, 10))}`;
      if (parseTerm(text, { period: CAL })?.ok) ok++;
    }
    expect(ok).toBe(10_000);
  });

  it("remembers results per period, never across periods", () => {
    expectTerm(parseTerm("Ноябрь", { period: CAL }), "month", "2022-11-01", "2022-11-30");
    expectTerm(parseTerm("Ноябрь", { period: ACAD }), "month", "2021-11-01", "2021-11-30");
    expectTerm(parseTerm("Ноябрь", { period: period("2019") }), "month", "2019-11-01", "2019-11-30");
    expect(parseTerm("Ноябрь", { period: null })?.ok).toBe(false);
    expectTerm(parseTerm("Ноябрь", { period: CAL }), "month", "2022-11-01", "2022-11-30");
  });

  it("hands out frozen results, so a shared one cannot be changed by a caller", () => {
    const r = parseTerm("Ноябрь 15.11, 17.11", { period: CAL });
    if (!r?.ok) throw new Error("expected ok");
    expect(Object.isFrozen(r.term)).toBe(true);
    expect(Object.isFrozen(r.term.days)).toBe(true);
  });

  it("a 50,000-character cell is refused with a reason", () => {
    for (const big of ["1".repeat(50_000), "01.01-".repeat(8_000), "май, ".repeat(10_000), "а".repeat(50_000)]) {
      const r = parseTerm(big, { period: CAL });
      expect(r?.ok).toBe(false);
      expect(r && !r.ok && r.reason).toBeTruthy();
    }
  });
});

describe("non-text cells", () => {
  it("reads date cells, serial numbers and years typed as numbers", () => {
    expectTerm(parseTerm(dateCell("2022-03-05"), { period: null }), "date", "2022-03-05", "2022-03-05");
    expectTerm(parseTerm(44625, { period: null }), "date", "2022-03-05", "2022-03-05");
    expectTerm(parseTerm(2022, { period: null }), "year", "2022-01-01", "2022-12-31");
  });

  it("rejects error cells, booleans and other numbers with a reason", () => {
    expect(parseTerm(errorCell("#REF!"), { period: CAL })).toEqual({ ok: false, reason: "в ячейке ошибка #REF!" });
    expect(parseTerm(true, { period: CAL })?.ok).toBe(false);
    expect(parseTerm(12, { period: CAL })?.ok).toBe(false);
    expect(parseTerm(-5, { period: CAL })?.ok).toBe(false);
    expect(parseTerm(Number.NaN, { period: CAL })?.ok).toBe(false);
  });
});

describe("parsePeriod", () => {
  const rows: [string, Period["kind"], string, string][] = [
    ["2022", "year", "2022-01-01", "2022-12-31"],
    ["2022 год", "year", "2022-01-01", "2022-12-31"],
    ["2019-2020 учебный год", "academic", "2019-09-01", "2020-08-31"],
    ["2019–2020 уч. г.", "academic", "2019-09-01", "2020-08-31"],
    ["2019/2020", "academic", "2019-09-01", "2020-08-31"],
    ["01.09.2020-31.08.2021", "range", "2020-09-01", "2021-08-31"],
    ["1-е полугодие 2022", "half", "2022-01-01", "2022-06-30"],
    ["I квартал 2022", "quarter", "2022-01-01", "2022-03-31"],
    ["январь – июнь 2022", "range", "2022-01-01", "2022-06-30"],
  ];
  it.each(rows)("%s → %s %s..%s", (text, kind, start, end) => {
    expect(parsePeriod(text)).toEqual({ kind, start, end, label: text });
  });

  it("reads a year typed as a number and keeps the label as written", () => {
    expect(parsePeriod(2022)).toEqual({ kind: "year", start: "2022-01-01", end: "2022-12-31", label: "2022" });
    expect(parsePeriod("  2019-2020   учебный год ")?.label).toBe("2019-2020 учебный год");
  });

  it("is null for empty, single dates, open terms and nonsense", () => {
    for (const cell of [
      null,
      "",
      "05.03.2022",
      dateCell("2022-03-05"),
      "постоянно",
      "до 2023",
      "с 2021",
      "Маи",
      errorCell("#N/A"),
      "Май",
    ]) {
      expect(parsePeriod(cell), JSON.stringify(cell)).toBeNull();
    }
  });
});

describe("parseSingleDate", () => {
  it("accepts one day in any form", () => {
    expectTerm(parseSingleDate("05.03.2022", { period: null }), "date", "2022-03-05", "2022-03-05");
    expectTerm(parseSingleDate("5 марта 2022 г.", { period: null }), "date", "2022-03-05", "2022-03-05");
    expectTerm(parseSingleDate("от 05 марта 2022 года", { period: null }), "date", "2022-03-05", "2022-03-05");
    expectTerm(parseSingleDate(dateCell("2021-12-31"), { period: null }), "date", "2021-12-31", "2021-12-31");
    expectTerm(parseSingleDate(44625, { period: null }), "date", "2022-03-05", "2022-03-05");
    expectTerm(parseSingleDate("15.12", { period: ACAD }), "date", "2021-12-15", "2021-12-15");
  });

  it("rejects ranges, months and years", () => {
    for (const cell of ["Май", "03.03-10.03.2022", "2022", 2022, "постоянно"]) {
      const r = parseSingleDate(cell, { period: CAL });
      expect(r?.ok, String(cell)).toBe(false);
    }
    expect(parseSingleDate(null, { period: CAL })).toBeNull();
  });
});

describe("parseMonthOrDate", () => {
  it("takes the first or last day of a month", () => {
    expectTerm(parseMonthOrDate("январь 2021", { period: null }, "start"), "date", "2021-01-01", "2021-01-01");
    expectTerm(parseMonthOrDate("январь 2021", { period: null }, "end"), "date", "2021-01-31", "2021-01-31");
    expectTerm(parseMonthOrDate("февраль 2024", { period: null }, "end"), "date", "2024-02-29", "2024-02-29");
    expectTerm(parseMonthOrDate("Май", { period: CAL }, "end"), "date", "2022-05-31", "2022-05-31");
  });

  it("keeps a date as it is", () => {
    for (const edge of ["start", "end"] as const) {
      expectTerm(parseMonthOrDate("15.03.2021", { period: null }, edge), "date", "2021-03-15", "2021-03-15");
      expectTerm(parseMonthOrDate(dateCell("2021-03-15"), { period: null }, edge), "date", "2021-03-15", "2021-03-15");
    }
  });

  it("rejects open terms and passes failures through", () => {
    expect(parseMonthOrDate("до 15.09.2023", { period: null }, "start")?.ok).toBe(false);
    expect(parseMonthOrDate("с 01.09.2021", { period: null }, "end")?.ok).toBe(false);
    expect(parseMonthOrDate("Маи 2021", { period: null }, "start")?.ok).toBe(false);
    expect(parseMonthOrDate(null, { period: null }, "start")).toBeNull();
  });
});

describe("date helpers", () => {
  it("formats Russian dates", () => {
    expect(formatRuDate("2022-03-05")).toBe("05.03.2022");
    expect(formatRuDate("1999-12-31")).toBe("31.12.1999");
  });

  it("adds days across months, years and leap days", () => {
    expect(addDays("2022-02-28", 1)).toBe("2022-03-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2022-12-31", 1)).toBe("2023-01-01");
    expect(addDays("2022-01-01", -1)).toBe("2021-12-31");
    expect(addDays("2022-03-05", 0)).toBe("2022-03-05");
  });

  it("knows month lengths", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => lastDayOfMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(lastDayOfMonth(2024, 2)).toBe(29);
    expect(lastDayOfMonth(1900, 2)).toBe(28);
    expect(lastDayOfMonth(2000, 2)).toBe(29);
  });

  it("compares, overlaps and contains ranges", () => {
    expect(compareIso("2022-01-01", "2022-01-02")).toBeLessThan(0);
    expect(compareIso("2022-01-02", "2022-01-02")).toBe(0);
    expect(rangesOverlap("2022-01-01", "2022-01-31", "2022-01-31", "2022-02-28")).toBe(true);
    expect(rangesOverlap("2022-01-01", "2022-01-30", "2022-01-31", "2022-02-28")).toBe(false);
    expect(rangeWithin("2022-03-14", "2022-03-31", "2022-03-10", "2022-12-28")).toBe(true);
    expect(rangeWithin("2022-02-24", "2022-03-10", "2022-03-14", "2022-03-31")).toBe(false);
  });

  it("resolves open ends with a fallback", () => {
    const ongoing = parseTerm("С 18.05.2021 по настоящее время", { period: CAL });
    const deadline = parseTerm("до 15.09.2023", { period: CAL });
    if (!ongoing?.ok || !deadline?.ok) throw new Error("expected ok");
    expect(termStart(ongoing.term, "2000-01-01")).toBe("2021-05-18");
    expect(termEnd(ongoing.term, "2022-12-31")).toBe("2022-12-31");
    expect(termStart(deadline.term, "2022-01-01")).toBe("2022-01-01");
    expect(termEnd(deadline.term, "2022-12-31")).toBe("2023-09-15");
  });

  it("offers a hint listing accepted forms", () => {
    for (const form of ["24.02", "03.03-10.03", "Май", "Март – июнь 2021", "до 15.09.2023", "постоянно"])
      expect(TERM_FORMS_HINT).toContain(form);
  });
});
