import { describe, expect, it } from "vitest";
import { STATE_OK, buildSummaryDoc, type SchoolRecord } from "../../src/core/committee/index.js";
import { buildReportModel } from "../../src/core/report/build.js";
import type { Block, DocModel, TableBlock } from "../../src/core/report/model.js";
import { layoutSections } from "../../src/core/report/sections.js";
import { CELL_PADDING_PT, columnMinimumsPt, textWidthPt, wordWidthPt } from "../../src/core/report/widths.js";
import { digest } from "../committee/fixtures.js";
import { FIXTURE_DATA, fixtureResult } from "./fixture.js";

const tables = (m: DocModel): TableBlock[] => m.blocks.filter((b): b is TableBlock => b.type === "table");
const share = (t: TableBlock, i: number, total: number): number =>
  (t.columns[i]!.width / t.columns.reduce((a, c) => a + c.width, 0)) * total;

/** Every word of every table fits its column whole, on the page of the table's own section. */
function expectWordsFit(m: DocModel): void {
  let orientation = m.orientation;
  for (const b of m.blocks) {
    if (b.type === "section") orientation = b.orientation;
    if (b.type !== "table") continue;
    const total = textWidthPt(orientation);
    const need = columnMinimumsPt(b);
    b.columns.forEach((c, i) => expect(share(b, i, total) + 0.5, `«${c.header}»`).toBeGreaterThanOrEqual(need[i]!));
  }
}

describe("column widths chosen for their content", () => {
  it("measures words with Times New Roman metrics: wider letters take more room, bold more than regular", () => {
    expect(wordWidthPt("Муниципальный", false)).toBeGreaterThan(80);
    expect(wordWidthPt("Муниципальный", false)).toBeLessThan(95);
    expect(wordWidthPt("Ошибки", true)).toBeGreaterThan(wordWidthPt("Ошибки", false));
    expect(wordWidthPt("шшш", false)).toBeGreaterThan(wordWidthPt("iii", false));
  });

  it("portrait report: no header word and no one-word cell («Муниципальный», «Обществознание») breaks", () => {
    const speeches = [
      ...FIXTURE_DATA.speeches,
      { level: "Муниципальный", date: "24.03.2022", place: "Семинар", topic: "Опыт", speaker: "Грабова А.С." },
    ];
    const mentoring = [
      ...FIXTURE_DATA.mentoring,
      {
        mentor: "Кедрова Анна Ивановна",
        mentor_org: "МОУ «Кедровая СОШ»",
        subject: "Обществознание",
        mentee: "Липова Ольга Ивановна",
        mentee_org: "МОУ «Липовская СОШ»",
        status: "Активна",
      },
    ];
    const m = buildReportModel(fixtureResult({ speeches, mentoring }));
    expect(m.orientation).toBe("portrait");
    expectWordsFit(m);
    const landscape = buildReportModel({
      ...fixtureResult(),
      context: {
        ...fixtureResult().context,
        settings: { ...fixtureResult().context.settings, orientation: "landscape" },
      },
    });
    expect(landscape.orientation).toBe("landscape");
    expectWordsFit(landscape);
  });

  it("a narrow number column gives its room to the wide text columns", () => {
    const t = tables(buildReportModel(fixtureResult())).find(
      (x) => x.columns[4]?.header === "Количество наставляемых",
    )!;
    const total = textWidthPt("portrait");
    // The count column is as wide as its header word needs, no wider.
    expect(share(t, 4, total)).toBeLessThanOrEqual(wordWidthPt("наставляемых", true) + CELL_PADDING_PT + 1);
  });

  it("справка: «Ошибки», «Наставляемых» and the other header words fit", () => {
    const record: SchoolRecord = {
      link: "",
      modified: "",
      updated: "",
      reportLink: "",
      id: "a",
      organisation: "МОУ «СОШ № 7»",
      state: STATE_OK,
      digest: digest({
        organisation: "МОУ «СОШ № 7»",
        summary: { errors: 2, warnings: 1, infos: 0, completeness: 1 },
        firstErrors: ["План-факт, L7: Нет управленческих действий"],
      }),
    };
    expectWordsFit(buildSummaryDoc([record], { date: "2023-06-01" }));
  });
});

describe("landscape sections", () => {
  const wide = (): TableBlock => ({
    type: "table",
    columns: [
      "Сопровождение",
      "Муниципальный",
      "Представленный",
      "Организационное",
      "Результативность",
      "Всероссийский",
    ].map((header) => ({ header, width: 1 })),
    rows: [
      ["Сопровождение", "Муниципальный", "Представленный", "Организационное", "Результативность", "Всероссийский"],
    ],
  });
  const narrow = (): TableBlock => ({ type: "table", columns: [{ header: "А", width: 1 }], rows: [["б"]] });

  const shape = (blocks: readonly Block[]): string[] =>
    blocks.map((b) => (b.type === "section" ? `section ${b.orientation}` : b.type === "heading" ? b.text : b.type));
  /** A part of long text: about two portrait pages. */
  const longText = (): Block[] =>
    Array.from({ length: 30 }, () => ({
      type: "paragraph" as const,
      runs: [{ text: "Слово ".repeat(60) }],
    }));

  it("a portrait report turns only the part whose table cannot fit, its level-1 heading carried along", () => {
    const blocks = layoutSections(
      [
        { type: "heading", level: 1, text: "1. Раздел" },
        ...longText(),
        narrow(),
        { type: "heading", level: 1, text: "2. Раздел" },
        { type: "heading", level: 2, text: "2.1. Конкурсы" },
        wide(),
        { type: "heading", level: 2, text: "2.2. Другое" },
        ...longText(),
      ],
      "portrait",
    );
    expect(shape(blocks).filter((t) => t !== "paragraph")).toEqual([
      "1. Раздел",
      "table",
      "section landscape",
      "2. Раздел",
      "2.1. Конкурсы",
      "table",
      "section portrait",
      "2.2. Другое",
    ]);
    const turned = blocks.find((b): b is TableBlock => b.type === "table" && b.columns.length === 6)!;
    expect(turned.columns.reduce((a, c) => a + c.width, 0)).toBeCloseTo(textWidthPt("landscape"), 0);
  });

  it("consecutive wide tables share one landscape section: a narrow table between them turns with them", () => {
    const blocks = layoutSections(
      [
        { type: "heading", level: 1, text: "1. Раздел" },
        ...longText(),
        { type: "heading", level: 2, text: "3.2. Широкая" },
        wide(),
        { type: "heading", level: 2, text: "3.3. Узкая" },
        narrow(),
        { type: "heading", level: 2, text: "3.4. Широкая" },
        wide(),
        { type: "heading", level: 1, text: "4. Текст" },
        ...longText(),
      ],
      "portrait",
    );
    expect(shape(blocks).filter((t) => t.startsWith("section"))).toEqual(["section landscape", "section portrait"]);
    const narrowTable = blocks.find((b): b is TableBlock => b.type === "table" && b.columns.length === 1)!;
    expect(narrowTable.columns[0]!.width).toBeCloseTo(textWidthPt("landscape"), 0);
  });

  it("a landscape section's half-empty last page takes the short part after it; a long one stays portrait", () => {
    const short = layoutSections(
      [
        ...longText(),
        { type: "heading", level: 2, text: "2.1. Конкурсы" },
        wide(),
        { type: "heading", level: 2, text: "2.2. Другое" },
        narrow(),
      ],
      "portrait",
    );
    expect(shape(short).filter((t) => t.startsWith("section"))).toEqual(["section landscape"]);
    const long = layoutSections(
      [
        ...longText(),
        { type: "heading", level: 2, text: "2.1. Конкурсы" },
        wide(),
        { type: "heading", level: 2, text: "2.2. Другое" },
        ...longText(),
      ],
      "portrait",
    );
    expect(shape(long).filter((t) => t.startsWith("section"))).toEqual(["section landscape", "section portrait"]);
  });

  it("a landscape report has no sections; a page break before a turn is dropped (no blank page)", () => {
    expect(layoutSections([narrow(), wide()], "landscape").some((b) => b.type === "section")).toBe(false);
    const blocks = layoutSections(
      [narrow(), { type: "pageBreak" }, { type: "heading", level: 1, text: "Приложение" }, wide()],
      "portrait",
    );
    expect(blocks.map((b) => b.type)).toEqual(["table", "section", "heading", "table"]);
  });
});
