import { describe, expect, it } from "vitest";
import { dateCell, errorCell, type Cell } from "../src/core/grid.js";
import { readCount, readIntOrMore, readPercent, readPercentResult, readQuantity } from "../src/core/numbers.js";
import { propertyRuns } from "./helpers/property-runs.js";

describe("readCount", () => {
  const accepted: [Cell, number, boolean][] = [
    [7, 7, false],
    [0, 0, false],
    [7.0, 7, false],
    ["7", 7, true],
    ["7 чел.", 7, true],
    [" 12 человек", 12, true],
    ["7,0", 7, true],
    ["7.0", 7, true],
    ["1 200", 1200, true],
    ["1\u00a0200 чел", 1200, true],
    ["5 уч-ся", 5, true],
    ["0", 0, true],
    ["+3", 3, true],
    [0.1 * 3 * 10, 3, false],
    [6.999999999999999, 7, false],
  ];
  it.each(accepted)("%j → %d (fromText %s)", (cell, value, fromText) => {
    expect(readCount(cell)).toEqual({ ok: true, value, fromText });
  });

  const rejected: [Cell, RegExp][] = [
    [-1, /отрицательное число -1/],
    ["-3", /отрицательное/],
    [2.5, /дробное число 2,5/],
    ["2,5", /дробное число 2,5/],
    ["много", /«много» — не число/],
    ["7 из 10", /не число/],
    ["около 20", /не число/],
    [errorCell("#REF!"), /ошибка #REF!/],
    [dateCell("2022-03-05"), /дата/],
    [true, /логическое/],
    [Number.POSITIVE_INFINITY, /не число/],
    ["9".repeat(200), /не число/],
  ];
  it.each(rejected)("%j is rejected", (cell, reason) => {
    const r = readCount(cell);
    expect(r?.ok).toBe(false);
    expect(r && !r.ok && r.reason).toMatch(reason);
  });

  it("is null for empty cells", () => {
    expect(readCount(null)).toBeNull();
    expect(readCount("")).toBeNull();
    expect(readCount("  ")).toBeNull();
  });

  it("refuses a long hostile cell (timed in bench/terms.ts)", () => {
    expect(readCount(`1${" а".repeat(25_000)}1`)?.ok).toBe(false);
    expect(readCount(`1 ${"чел".repeat(20_000)}1`)?.ok).toBe(false);
  });
});

describe("readQuantity", () => {
  it("accepts non-negative decimals", () => {
    expect(readQuantity(2.5)).toEqual({ ok: true, value: 2.5, fromText: false });
    expect(readQuantity("2,5")).toEqual({ ok: true, value: 2.5, fromText: true });
    expect(readQuantity("7 чел.")).toEqual({ ok: true, value: 7, fromText: true });
    expect(readQuantity(0)).toEqual({ ok: true, value: 0, fromText: false });
  });
  it("rejects negatives and words", () => {
    expect(readQuantity(-0.5)?.ok).toBe(false);
    expect(readQuantity("несколько")?.ok).toBe(false);
    expect(readQuantity("")).toBeNull();
  });
});

describe("readIntOrMore", () => {
  const rows: [Cell, number, boolean, boolean][] = [
    [1000, 1000, false, false],
    ["1000", 1000, false, false],
    [">1000", 1000, true, true],
    ["> 1000", 1000, true, true],
    ["более 1000", 1000, true, true],
    ["Более 1 000 человек", 1000, true, true],
    ["свыше 500", 500, true, true],
    ["1000+", 1000, true, true],
    ["не менее 1000", 1000, true, false],
    ["≥ 30", 30, true, false],
    [">=1000", 1000, true, false],
    ["от 200", 200, true, false],
    ["более 1000 человек", 1000, true, true],
  ];
  it.each(rows)("%j → %d atLeast=%s strict=%s", (cell, value, atLeast, strict) => {
    const r = readIntOrMore(cell);
    expect(r).toMatchObject({ ok: true, value, atLeast, strict });
  });

  it("marks text as fromText", () => {
    expect(readIntOrMore(">1000")).toMatchObject({ fromText: true });
    expect(readIntOrMore(1000)).toMatchObject({ fromText: false });
  });

  it("rejects what is not a number", () => {
    for (const cell of ["около 1000", ">много", "более", "-5", ">-5", "2,5", errorCell("#N/A")] as Cell[]) {
      expect(readIntOrMore(cell)?.ok, JSON.stringify(cell)).toBe(false);
    }
    expect(readIntOrMore("")).toBeNull();
    expect(readIntOrMore(null)).toBeNull();
  });
});

describe("readPercent", () => {
  const rows: [Cell, number][] = [
    [45, 45],
    ["45%", 45],
    ["45 %", 45],
    ["45,5 %", 45.5],
    [0.45, 45],
    [0.07, 7],
    [0, 0],
    [1, 1],
    [100, 100],
    ["0,5 %", 0.5],
    ["0,45", 45],
    ["100%", 100],
  ];
  it.each(rows)("%j → %d", (cell, value) => {
    expect(readPercent(cell)).toBe(value);
  });

  it("is null for empty, out-of-range and non-numeric cells, with a reason in readPercentResult", () => {
    for (const cell of [null, "", 150, -5, "сорок", "45 человек", errorCell("#DIV/0!"), true] as Cell[]) {
      expect(readPercent(cell), JSON.stringify(cell)).toBeNull();
    }
    expect(readPercentResult(150)).toEqual({ ok: false, reason: "процент 150 вне диапазона 0–100" });
    expect(readPercentResult("сорок")).toMatchObject({ ok: false });
    expect(readPercentResult("")).toBeNull();
  });
});

describe("number readers on anything a cell can hold", () => {
  it("never throw, and an accepted value is a finite non-negative number", async () => {
    const fc = await import("fast-check");
    const numbers = await import("../src/core/numbers.js");
    const cell = fc.oneof(
      fc.constant(null),
      fc.string(),
      fc.string({ unit: "grapheme", maxLength: 40 }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constantFrom("7 чел.", ">1000", "более 5", "=SUM(A1)", "<script>", "45%", "-3", "1e309"),
      fc.record({ kind: fc.constant("date" as const), iso: fc.string() }),
      fc.record({ kind: fc.constant("error" as const), code: fc.constantFrom("#REF!", "#N/A", "#VALUE!") }),
    );
    fc.assert(
      fc.property(cell, (value) => {
        for (const read of [numbers.readCount, numbers.readQuantity, numbers.readIntOrMore]) {
          const result = read(value);
          if (result && result.ok) expect(Number.isFinite(result.value) && result.value >= 0).toBe(true);
        }
        const percent = numbers.readPercent(value);
        if (percent !== null) expect(Number.isFinite(percent)).toBe(true);
      }),
      { numRuns: propertyRuns(2000) },
    );
  });
});
