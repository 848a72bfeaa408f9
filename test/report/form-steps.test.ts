/**
 * What adding a region's report form demands (docs/EXTENDING.md, «Форма отчёта региона»): each
 * step that no compiler error catches fails a test here. The registry and the «Форма отчёта»
 * list are checked in forms.test.ts («one definition per name of the «Форма отчёта» list»).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/core/report/build.js";
import { REPORT_FORMS } from "../../src/core/report/forms/index.js";
import { blockText } from "../../src/core/report/model.js";
import { REQUIRED_ITEMS } from "../../src/core/rules/form-items.js";
import { validateWorkbook } from "../../src/core/validate.js";
import { FORM_CASES } from "./form-cases.js";
import { fixtureResult } from "./fixture.js";

const ROOT = join(import.meta.dirname, "..", "..");
const normalise = (text: string): string => text.replace(/\u00a0/g, " ").replace(/\s+/g, " ");

describe("a region's report form, step by step", () => {
  it("has its required items (FORM_ITEM_EMPTY), each worded as the form prints it", () => {
    expect(Object.keys(REQUIRED_ITEMS).sort()).toEqual(REPORT_FORMS.map((form) => form.name).sort());
    for (const form of REPORT_FORMS) {
      const built = buildReport(fixtureResult(), { form });
      if (built.kind !== "document") throw new Error(`${form.name}: expected a document`);
      const printed = normalise(built.model.blocks.flatMap(blockText).join("\n"));
      expect(REQUIRED_ITEMS[form.name]!.length, form.name).toBeGreaterThan(0);
      for (const { item } of REQUIRED_ITEMS[form.name]!)
        expect(printed, `«${item}» is printed by «${form.name}»`).toContain(normalise(item).replace(/:$/, ""));
    }
  });

  it("has a pages case (form-cases.ts): a sample workbook that chooses the form, its date and the form's wording", () => {
    expect(Object.keys(FORM_CASES).sort()).toEqual(REPORT_FORMS.map((form) => form.id).sort());
    for (const form of REPORT_FORMS) {
      const { grid, today, wording } = FORM_CASES[form.id]!;
      const built = buildReport(validateWorkbook(grid(), { today }), { strict: false });
      if (built.kind !== "document") throw new Error(`${form.name}: expected a document`);
      expect(built.model.form, `the sample of «${form.name}» picks it in Настройки`).toBe(form.id);
      expect(wording.landmarks.length, form.name).toBeGreaterThan(5);
    }
  });

  it("is named in the user's guide, where «Форма отчёта» is explained", () => {
    const guide = normalise(readFileSync(join(ROOT, "docs", "GUIDE.md"), "utf8"));
    for (const form of REPORT_FORMS) expect(guide, form.name).toContain(`«${form.name}»`);
  });
});
