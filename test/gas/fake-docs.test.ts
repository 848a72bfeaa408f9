/**
 * The fake DocumentApp and Docs API refuse what Google refuses (sources in fake/document.ts and
 * fake/docs-api.ts), and the Docs API layout pass finds the right elements in a saved
 * document even when Docs keeps paragraphs the plan does not have.
 */
import { describe, expect, it } from "vitest";
import type { DocModel } from "../../src/core/report/model.js";
import { LAYOUT_FIELDS, layoutRequests, matchPlan } from "../../src/gas/docs-merge.js";
import { bodyPlan } from "../../src/gas/docs-render.js";
import { createFakeServices, FakeTable } from "./fake/index.js";
import { parseFieldMask } from "./fake/docs-api.js";

function documentWithTable() {
  const fake = createFakeServices();
  const doc = fake.documentApp.create("Проба");
  const body = doc.getBody();
  const heading = body.appendParagraph("1. Общие сведения");
  const table = body.appendTable([
    ["№", "Мероприятие"],
    ["1", "Семинар"],
  ]);
  body.getChild(0).removeFromParent(); // the empty paragraph a new document starts with
  const id = doc.getId();
  return { fake, doc, body, heading, table, id };
}

describe("the fake DocumentApp refuses what Apps Script refuses", () => {
  it("nothing of a document answers after saveAndClose(), until DocumentApp.openById reopens it", () => {
    const { fake, doc, body, heading, table, id } = documentWithTable();
    doc.saveAndClose();
    expect(() => body.appendParagraph("ещё")).toThrow(/Document is closed/);
    expect(() => heading.setAttributes({ SPACING_AFTER: 3 })).toThrow(/Document is closed/);
    expect(() => table.getCell(0, 0).setBackgroundColor("#d9d9d9")).toThrow(/Document is closed/);
    expect(() => doc.getUrl()).toThrow(/Document is closed/);
    fake.documentApp.openById(id).getBody().appendParagraph("после повторного открытия");
    expect(body.getNumChildren()).toBe(3);
  });

  it("setAttributes takes only DocumentApp.Attribute keys with values of their kind", () => {
    const { heading } = documentWithTable();
    expect(() => heading.setAttributes({ SPACE_AFTER: 3 })).toThrow(/not a DocumentApp.Attribute/);
    expect(() => heading.setAttributes({ SPACING_AFTER: -1 })).toThrow(/Invalid argument: SPACING_AFTER/);
    expect(() => heading.setAttributes({ LINE_SPACING: 0 })).toThrow(/Invalid argument: LINE_SPACING/);
    expect(() => heading.setAttributes({ HORIZONTAL_ALIGNMENT: "MIDDLE" })).toThrow(
      /Invalid argument: HORIZONTAL_ALIGNMENT/,
    );
    expect(() => heading.setAttributes({ FONT_SIZE: "14" })).toThrow(/Invalid argument: FONT_SIZE/);
    heading.setAttributes({ SPACING_AFTER: 3, LINE_SPACING: 1, HORIZONTAL_ALIGNMENT: "JUSTIFY", FONT_SIZE: 14 });
    expect(heading.getAttributes()).toMatchObject({
      SPACING_AFTER: 3,
      LINE_SPACING: 1,
      HORIZONTAL_ALIGNMENT: "JUSTIFY",
    });
  });

  it("setters refuse a value of the wrong type with Apps Script's signature message", () => {
    const { heading, table } = documentWithTable();
    expect(() => heading.setLineSpacing("1" as unknown as number)).toThrow(
      "The parameters (String) don't match the method signature for DocumentApp.Paragraph.setLineSpacing.",
    );
    expect(() => heading.setIndentFirstLine(Number.NaN)).toThrow(
      /method signature for DocumentApp.Paragraph.setIndentFirstLine/,
    );
    expect(() => table.getCell(0, 0).setPaddingLeft(-2)).toThrow(/Invalid argument/);
    expect(() => table.setColumnWidth(2, 100)).toThrow(/Child index \(2\)/);
    expect(() => heading.setAlignment("MIDDLE" as unknown as GoogleAppsScript.Document.HorizontalAlignment)).toThrow(
      /method signature/,
    );
  });
});

describe("the fake Docs API refuses what the Docs API refuses", () => {
  it("Documents.get returns only the fields the mask names, the section break first", () => {
    const { fake, id } = documentWithTable();
    const masked = fake.docsApi.Documents.get(id, { fields: "body.content(startIndex,table(rows))" }) as {
      body: { content: Record<string, unknown>[] };
    };
    expect(masked.body.content[0]).toEqual({});
    expect(masked.body.content[1]).toEqual({ startIndex: 1 });
    expect(masked.body.content[2]).toEqual({ startIndex: 19, table: { rows: 2 } });
    const full = fake.docsApi.Documents.get(id, { fields: LAYOUT_FIELDS }) as {
      body: { content: { paragraph?: unknown; table?: { tableRows: { tableCells: object[] }[] } }[] };
    };
    expect(full.body.content[1]!.paragraph).toEqual({
      elements: [{ startIndex: 1, endIndex: 19, textRun: { content: "1. Общие сведения\n" } }],
    });
    expect(full.body.content[2]!.table!.tableRows[1]!.tableCells).toEqual([
      { startIndex: 38, endIndex: 41 },
      { startIndex: 41, endIndex: 50 },
    ]);
    expect(() => parseFieldMask("body.content(startIndex")).toThrow(/Invalid field selection/);
  });

  it("batchUpdate checks every request first and applies nothing when one is invalid", () => {
    const { fake, heading, table, id } = documentWithTable();
    const valid = {
      updateParagraphStyle: {
        range: { startIndex: 1, endIndex: 19 },
        paragraphStyle: { keepWithNext: true },
        fields: "keepWithNext",
      },
    };
    const update = (requests: unknown[]) => () => fake.docsApi.Documents.batchUpdate({ requests }, id);
    expect(
      update([
        valid,
        { updateParagraphStyle: { range: { startIndex: 1, endIndex: 19 }, paragraphStyle: { keepWithNext: true } } },
      ]),
    ).toThrow(/requests\[1\]\.updateParagraphStyle: At least one field must be specified/);
    const fakeHeading = heading as unknown as { _docsStyle: Record<string, unknown> };
    expect(fakeHeading._docsStyle).toEqual({});
    expect(update([{}])).toThrow("Invalid requests[0]: No request set.");
    expect(update([{ keepWithNext: {} }])).toThrow(/Unknown name "keepWithNext" at 'requests\[0\]'/);
    expect(update([{ pinTableHeaderRows: { tableStartLocation: { index: 1 }, pinnedHeaderRowsCount: 1 } }])).toThrow(
      /must be the start of a table/,
    );
    expect(update([{ pinTableHeaderRows: { tableStartLocation: { index: 19 }, pinnedHeaderRowsCount: 3 } }])).toThrow(
      /not a row count/,
    );
    expect(
      update([
        {
          updateTableCellStyle: {
            tableStartLocation: { index: 19 },
            tableCellStyle: { paddingLeft: { magnitude: 2.85 } },
            fields: "paddingLeft",
          },
        },
      ]),
    ).toThrow(/Invalid value at 'table_cell_style.paddingLeft'/);
    expect(
      update([
        {
          updateParagraphStyle: {
            range: { startIndex: 5, endIndex: 5 },
            paragraphStyle: { alignment: "CENTER" },
            fields: "alignment",
          },
        },
      ]),
    ).toThrow(/non-empty range/);
    expect(
      update([
        {
          updateParagraphStyle: {
            range: { startIndex: 1, endIndex: 3 },
            paragraphStyle: { alignment: "MIDDLE" },
            fields: "alignment",
          },
        },
      ]),
    ).toThrow(/Invalid value/);

    update([
      valid,
      {
        updateParagraphStyle: {
          range: { startIndex: 39, endIndex: 41 },
          paragraphStyle: { alignment: "CENTER" },
          fields: "alignment",
        },
      },
      {
        updateTableRowStyle: {
          tableStartLocation: { index: 19 },
          tableRowStyle: { preventOverflow: true },
          fields: "preventOverflow",
        },
      },
      { pinTableHeaderRows: { tableStartLocation: { index: 19 }, pinnedHeaderRowsCount: 1 } },
    ])();
    const fakeTable = table as unknown as FakeTable;
    expect(fakeHeading._docsStyle).toEqual({ keepWithNext: true });
    // A range styles the paragraphs it overlaps: only the cell «1».
    expect(fakeTable._rows[1]!._cells.map((c) => c._docsParagraphStyle.alignment)).toEqual(["CENTER", undefined]);
    expect(fakeTable._rows.map((r) => r._docsRowStyle.preventOverflow)).toEqual([true, true]);
    expect(fakeTable._pinnedHeaderRows).toBe(1);
  });
});

describe("the Docs API layout pass finds the plan's elements in the saved document", () => {
  const model: DocModel = {
    title: "Проба",
    orientation: "portrait",
    draft: false,
    blocks: [
      { type: "heading", level: 1, text: "1. Общие сведения" },
      {
        type: "table",
        caption: "Таблица 1",
        columns: [
          { header: "№", width: 1, align: "center" },
          { header: "Мероприятие", width: 5 },
        ],
        rows: [["1", "Семинар"]],
      },
      { type: "signature", left: "Руководитель", name: "А.Б. Петрова" },
    ],
  };

  it("finds the heading and the table by text and size, passes over a caption the document lacks, and styles the right cells", () => {
    const { fake, doc, id } = documentWithTable();
    void doc;
    const content = (fake.docsApi.Documents.get(id, { fields: LAYOUT_FIELDS }) as { body: { content: object[] } }).body
      .content;
    // The document has the heading and the table but no caption: the caption is not found, the
    // heading and the table are.
    const matched = matchPlan(bodyPlan(model), content);
    expect(matched.tables.map((t) => (t.element as { startIndex: number }).startIndex)).toEqual([19]);
    expect(matched.paragraphs.map((p) => p.planned.text)).toEqual(["1. Общие сведения"]);
    const requests = layoutRequests(model, content) as Record<
      string,
      { tableStartLocation?: unknown; range?: unknown; pinnedHeaderRowsCount?: number }
    >[];
    expect(requests.some((r) => r.pinTableHeaderRows?.pinnedHeaderRowsCount === 1)).toBe(true);
    // The «№» column is centred in the body row: cell «1» (38–41), its paragraph from 39.
    expect(requests).toContainEqual({
      updateParagraphStyle: {
        range: { startIndex: 39, endIndex: 41 },
        paragraphStyle: { alignment: "CENTER" },
        fields: "alignment",
      },
    });
    fake.docsApi.Documents.batchUpdate({ requests }, id);
  });

  it("sends no table request when the document's tables are not the plan's", () => {
    const { fake, id } = documentWithTable();
    const content = (fake.docsApi.Documents.get(id, { fields: LAYOUT_FIELDS }) as { body: { content: object[] } }).body
      .content;
    const wider: DocModel = {
      ...model,
      blocks: model.blocks.map((b) =>
        b.type === "table"
          ? { ...b, columns: [...b.columns, { header: "Дата", width: 2 }], rows: [["1", "Семинар", "05.03.2022"]] }
          : b,
      ),
    };
    const requests = layoutRequests(wider, content);
    expect(requests.length).toBe(1);
    expect(Object.keys(requests[0]!)).toEqual(["updateParagraphStyle"]);
  });
});
