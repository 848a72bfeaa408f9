/**
 * What adding a tab to the template demands (docs/EXTENDING.md, «Вкладка шаблона»), derived from
 * the schema so a new tab or column is checked without touching this file: a new template version
 * with its recorded digest, every sample workbook holding the tab, an old workbook gaining it
 * through `mip template --upgrade`, and its description in docs/TEMPLATE.md. (The add-on's
 * «Создать / обновить шаблон» is checked the same way in test/gas/template.test.ts.)
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { WorkbookGrid } from "../src/core/grid.js";
import { TABS, TEMPLATE_VERSION } from "../src/core/schema.js";
import { parseWorkbook } from "../src/core/workbook.js";
import { blankTemplateGrid, sampleGrid, sampleSchools } from "../src/demo/sample.js";
import { novokuznetskSampleGrid } from "../src/demo/sample-novokuznetsk.js";
import { readXlsx } from "../src/local/xlsx-read.js";
import { upgradeXlsx } from "../src/local/xlsx-upgrade.js";
import { writeWorkbookGrid } from "../src/local/xlsx-write.js";
import { TEMPLATE_DIGESTS } from "./template-versions.js";

const ROOT = join(import.meta.dirname, "..");

/** What an old workbook must gain when this changes: tabs, columns, labels and their lists. */
function structureDigest(): string {
  const structure = TABS.map((tab) => ({
    key: tab.key,
    title: tab.title,
    type: tab.type,
    cells:
      tab.type === "table"
        ? tab.columns.map((c) => [c.key, c.header, c.kind, c.enumName ?? null, c.since ?? null])
        : tab.fields.map((f) => [f.key, f.label, f.kind, f.enumName ?? null, f.required, f.defaultValue ?? null]),
  }));
  return createHash("sha256").update(JSON.stringify(structure)).digest("hex").slice(0, 16);
}

/** «2» < «10»; «2» < «2.1». */
const versionAtMost = (a: string, b: string): boolean => {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++)
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) < (pb[i] ?? 0);
  return true;
};

/** Every tab of the schema is there, with no template finding (a missing tab, header or label). */
function expectEveryTab(grid: WorkbookGrid, name: string): void {
  const { workbook, issues } = parseWorkbook(grid);
  expect(issues, name).toEqual([]);
  for (const tab of TABS)
    expect(
      tab.type === "table" ? workbook.tables[tab.key]?.present : workbook.kv[tab.key]?.present,
      `${name}: «${tab.title}»`,
    ).toBe(true);
}

describe("a tab of the template, step by step", () => {
  it("a change to the template's structure comes with a new TEMPLATE_VERSION and its recorded digest", () => {
    const digest = structureDigest();
    expect(
      TEMPLATE_DIGESTS[TEMPLATE_VERSION],
      `the template's structure is not version ${TEMPLATE_VERSION}'s as recorded: raise TEMPLATE_VERSION in ` +
        `src/core/schema.ts (mark added columns since: the new version) and add  "<new version>": "${digest}"  ` +
        `to test/template-versions.ts`,
    ).toBe(digest);
    for (const tab of TABS)
      if (tab.type === "table")
        for (const column of tab.columns)
          if (column.since)
            expect(versionAtMost(column.since, TEMPLATE_VERSION), `«${tab.title}» → «${column.header}»`).toBe(true);
  });

  it("every sample workbook holds every tab with the schema's headers and labels", () => {
    expectEveryTab(sampleGrid(), "the sample");
    expectEveryTab(blankTemplateGrid(), "the blank template");
    expectEveryTab(novokuznetskSampleGrid(), "the Новокузнецк sample");
    for (const school of sampleSchools()) expectEveryTab(school.grid, school.fileName);
  });

  it("mip template --upgrade gives an old workbook every tab it lacks, whichever they are", async () => {
    // Two old workbooks, one without the even tabs and one without the odd ones (the first kept:
    // a workbook with no template tab is not a МИП workbook).
    for (const parity of [0, 1]) {
      const grid = sampleGrid();
      const old: WorkbookGrid = {
        tabs: grid.tabs.filter((_, i) => i === 0 || i % 2 === parity),
        templateVersion: "1",
      };
      const upgraded = await upgradeXlsx(await writeWorkbookGrid(old));
      const dropped = grid.tabs.filter((t) => !old.tabs.includes(t)).map((t) => t.title);
      for (const title of dropped) expect(upgraded.changes).toContain(`добавлена вкладка «${title}»`);
      const read = await readXlsx(upgraded.bytes);
      expect(read.templateVersion).toBe(TEMPLATE_VERSION);
      const { issues } = parseWorkbook(read);
      expect(
        issues.filter((i) => i.rule.startsWith("TPL_")),
        `without the ${parity ? "odd" : "even"} tabs`,
      ).toEqual([]);
    }
  });

  it("docs/TEMPLATE.md describes every tab with each of its headers or labels", () => {
    const doc = readFileSync(join(ROOT, "docs", "TEMPLATE.md"), "utf8");
    const sections = new Map(
      doc
        .split(/^### /m)
        .slice(1)
        .map((s) => [s.slice(0, s.indexOf("\n")).trim(), s] as const),
    );
    for (const tab of TABS) {
      const section = sections.get(`«${tab.title}»`);
      expect(section, `a section «### «${tab.title}»» in docs/TEMPLATE.md`).toBeDefined();
      const names = tab.type === "table" ? tab.columns.map((c) => c.header) : tab.fields.map((f) => f.label);
      for (const name of names) expect(section, `«${tab.title}»: «${name}»`).toContain(`«${name}»`);
    }
    expect([...sections.keys()]).toEqual(TABS.map((t) => `«${t.title}»`));
  });
});
