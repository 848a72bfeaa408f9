/**
 * The readable workbook (src/core/readable.ts): a value with an error finding is left out, and
 * only what holds such a value is copied — every other tab and row is the validated workbook's
 * own, and a workbook without one is readable as it is.
 */
import { describe, expect, it } from "vitest";
import { readableOf } from "../../src/core/readable.js";
import { check, cleanWorkbook } from "../helpers/grid-builder.js";

describe("readableOf", () => {
  it("a workbook with no rejected value is the validated workbook itself", () => {
    const result = check(cleanWorkbook());
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(readableOf(result)).toBe(result.workbook);
  });

  it("empties the rejected cell and copies only its row; other rows and tabs stay the same objects", () => {
    const result = check(cleanWorkbook().patch("plan", 0, { status: "Выполнено полностью" }));
    const rejected = result.issues.find((i) => i.severity === "error" && i.sheet === "План-факт" && i.cell);
    expect(rejected?.rule).toBe("TPL_ENUM_INVALID");
    const readable = readableOf(result);
    const plan = result.workbook.tables.plan;
    const readablePlan = readable.tables.plan;
    const at = plan.rows.findIndex((row) => row.row === rejected!.row);
    expect(plan.rows[at]!.cells.status).toBe("Выполнено полностью");
    expect(readablePlan.rows[at]!.cells.status).toBeNull();
    expect(plan.rows[at]!.cells.activity).not.toBeNull();
    expect(readablePlan.rows[at]!.cells.activity).toBe(plan.rows[at]!.cells.activity);
    for (const [i, row] of plan.rows.entries()) if (i !== at) expect(readablePlan.rows[i]).toBe(row);
    expect(readable.tables.mentoring).toBe(result.workbook.tables.mentoring);
    expect(readable.kv.general).toBe(result.workbook.kv.general);
  });
});
