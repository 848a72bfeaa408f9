import { describe, expect, it } from "vitest";
import { TermMemo, parseTermText } from "../src/core/terms/parse.js";
import type { Period, TermResult } from "../src/core/terms/types.js";

const Y2021: Period = { start: "2021-01-01", end: "2021-12-31", label: "2021", kind: "year" };
const Y2022: Period = { start: "2022-01-01", end: "2022-12-31", label: "2022", kind: "year" };

describe("TermMemo", () => {
  it("reads a text once per period and starts afresh for another period", () => {
    const memo = new TermMemo();
    let reads = 0;
    const read = (): TermResult => (reads++, { ok: false, reason: "x" });
    memo.recall("Май", Y2022, read);
    memo.recall("Май", { ...Y2022 }, read);
    expect(reads).toBe(1);
    memo.recall("Май", Y2021, read);
    expect(reads).toBe(2);
  });

  it("forgets everything once it holds its limit, and shares frozen results", () => {
    const memo = new TermMemo(2);
    let reads = 0;
    const read = (): TermResult => (reads++, { ok: false, reason: "x" });
    memo.recall("a", Y2022, read);
    memo.recall("b", Y2022, read);
    memo.recall("c", Y2022, read);
    memo.recall("a", Y2022, read);
    expect(reads).toBe(4);
    expect(Object.isFrozen(memo.recall("a", Y2022, read))).toBe(true);
  });

  it("gives the same month a year from each period", () => {
    const memo = new TermMemo();
    const may2022 = parseTermText("Май", Y2022, memo);
    const may2021 = parseTermText("Май", Y2021, memo);
    expect(may2022.ok && may2022.term.start).toBe("2022-05-01");
    expect(may2021.ok && may2021.term.start).toBe("2021-05-01");
  });
});
