import { describe, expect, it } from "vitest";
import { check, cleanWorkbook } from "../helpers/grid-builder.js";

describe("clean workbook", () => {
  it("produces no findings at all", () => {
    const result = check(cleanWorkbook());
    expect(result.issues.map((i) => `${i.rule} ${i.sheet}!${i.cell ?? i.row}: ${i.message}`)).toEqual([]);
  });
});
