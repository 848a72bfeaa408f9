/** Russian plural forms by CLDR's rule, without Intl (Apps Script's ICU data is undocumented). */
import { describe, expect, it } from "vitest";
import { countWithNoun, plural } from "../src/core/russian.js";

const ERRORS = ["ошибка", "ошибки", "ошибок"] as const;

describe("plural (Russian, no Intl)", () => {
  it("one / few / many by the last two digits", () => {
    const form = (n: number) => ERRORS.indexOf(plural(n, ERRORS) as (typeof ERRORS)[number]);
    expect([0, 1, 2, 3, 4, 5, 9, 10, 11, 12, 13, 14, 15, 19, 20, 21, 22, 24, 25].map(form)).toEqual([
      2, 0, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 1, 1, 2,
    ]);
    expect([101, 111, 112, 121, 1001, 1011, 1_000_002].map(form)).toEqual([0, 2, 2, 0, 0, 2, 1]);
    expect([-1, -2, -5, -11].map(form)).toEqual([0, 1, 2, 2]);
  });

  it("agrees with CLDR (Node's Intl) for 0…10 000, as the .docx and the add-on print it", () => {
    const cldr = new Intl.PluralRules("ru");
    const index = { one: 0, few: 1, many: 2, other: 1 } as Record<string, number>;
    for (let n = 0; n <= 10_000; n++) expect(plural(n, ERRORS), String(n)).toBe(ERRORS[index[cldr.select(n)]!]);
  });

  it("fractions take the «few» form; countWithNoun keeps its output", () => {
    expect(plural(1.5, ERRORS)).toBe("ошибки");
    expect(countWithNoun(5, ERRORS)).toBe("5 ошибок");
    expect(countWithNoun(21, ERRORS)).toBe("21 ошибка");
    expect(countWithNoun(2.5, ERRORS)).toBe("2,5 ошибки");
    expect(plural(Number.NaN, ERRORS)).toBe("ошибки");
  });
});
