/**
 * Sections in the fake Docs API as the reference describes them (sources in fake/docs-api.ts):
 * a section break goes inside a body paragraph with a newline before it, never in a table or at
 * a table's start; a section style needs concrete values and a range over a section; deleting
 * the newline before a table or a section break is refused; requests apply in order and the
 * whole batch is refused when one request is; and the layout pass turns a model's sections.
 */
import { describe, expect, it } from "vitest";
import type { DocModel } from "../../src/core/report/model.js";
import { LAYOUT_FIELDS, applyDocsLayout, layoutRequests } from "../../src/gas/docs-merge.js";
import { textWidthPt } from "../../src/core/report/widths.js";
import { createFakeServices, type FakeParagraph, FakeTable } from "./fake/index.js";
import { uploadModel } from "./uploaded-doc.js";

interface Content {
  startIndex?: number;
  endIndex: number;
  paragraph?: { elements: { pageBreak?: object; textRun?: { content: string } }[] };
  table?: object;
  sectionBreak?: { sectionStyle: Record<string, unknown> };
}

/** Heading, table, spacer, page break, heading of the next part, one more paragraph. */
function documentWithBreak() {
  const fake = createFakeServices();
  const doc = fake.documentApp.create("Разделы");
  const body = doc.getBody();
  body.appendParagraph("2. План");
  body.appendTable([
    ["№", "Мероприятие"],
    ["1", "Семинар"],
  ]);
  body.appendParagraph("");
  body.appendPageBreak();
  const heading = body.appendParagraph("3. Результаты");
  body.appendParagraph("Текст.");
  body.getChild(0).removeFromParent();
  const id = doc.getId();
  const content = () =>
    (
      fake.docsApi.Documents.get(id, {
        fields:
          "body.content(startIndex,endIndex,sectionBreak,paragraph(elements(pageBreak,textRun(content))),table(rows))",
      }) as { body: { content: Content[] } }
    ).body.content;
  const update = (requests: unknown[]) => () => fake.docsApi.Documents.batchUpdate({ requests }, id);
  return { fake, doc, heading, id, content, update };
}

const pt = (magnitude: number) => ({ magnitude, unit: "PT" });
const flip = (startIndex: number, endIndex: number, value: unknown = true) => ({
  updateSectionStyle: {
    range: { startIndex, endIndex },
    sectionStyle: { flipPageOrientation: value },
    fields: "flipPageOrientation",
  },
});

describe("sections in the fake Docs API", () => {
  it("a page-break paragraph becomes a next-page section break: requests apply in order, indexes as the API counts them", () => {
    const { fake, doc, heading, content, update } = documentWithBreak();
    const before = content();
    const pageBreak = before.find((e) => e.paragraph?.elements.some((x) => x.pageBreak))!;
    const s = pageBreak.startIndex!;
    expect(pageBreak.endIndex).toBe(s + 2);
    const next = before[before.indexOf(pageBreak) + 1]!;
    update([
      { deleteContentRange: { range: { startIndex: s, endIndex: s + 2 } } },
      // After the delete the heading starts at s: the break goes there.
      { insertSectionBreak: { location: { index: s }, sectionType: "NEXT_PAGE" } },
      {
        updateParagraphStyle: {
          range: { startIndex: s, endIndex: s + 1 },
          paragraphStyle: { namedStyleType: "NORMAL_TEXT" },
          fields: "namedStyleType",
        },
      },
      { ...flip(s + 2, s + 3) },
    ])();
    const after = content();
    // The newline before the break, the break, the heading where it was.
    const at = after.findIndex((e) => e.sectionBreak && e.startIndex !== undefined);
    expect(after[at - 1]).toMatchObject({ startIndex: s, endIndex: s + 1 });
    expect(after[at]).toEqual({
      startIndex: s + 1,
      endIndex: s + 2,
      sectionBreak: { sectionStyle: { sectionType: "NEXT_PAGE", flipPageOrientation: true } },
    });
    expect(after[at + 1]).toEqual({ ...next, startIndex: s + 2 });
    expect(after.some((e) => e.paragraph?.elements.some((x) => x.pageBreak))).toBe(false);
    expect(after[after.length - 1]!.endIndex).toBe(before[before.length - 1]!.endIndex);
    const body = fake.documentApp._documents.get(doc.getId())!._body;
    expect(body._sectionBreaks.get(heading as unknown as FakeParagraph)?.flipPageOrientation).toBe(true);
    // The first section is untouched.
    expect(body._firstSection).toEqual({});
  });

  it("refuses what the reference refuses, and then applies nothing", () => {
    const { fake, doc, content, update } = documentWithBreak();
    const before = content();
    const table = before.find((e) => e.table)!;
    const pageBreak = before.find((e) => e.paragraph?.elements.some((x) => x.pageBreak))!;
    const bodyEnd = before[before.length - 1]!.endIndex;
    const section = (index: number) => ({ insertSectionBreak: { location: { index }, sectionType: "NEXT_PAGE" } });
    expect(update([section(table.startIndex! + 4)])).toThrow(/Section breaks cannot be inserted inside a table/);
    expect(update([section(table.startIndex!)])).toThrow(/table's start index/);
    expect(update([section(bodyEnd + 5)])).toThrow(/inside the bounds of an existing paragraph/);
    expect(update([{ insertSectionBreak: { location: { index: pageBreak.startIndex! } } }])).toThrow(/section_type/);
    expect(
      update([
        {
          insertSectionBreak: {
            location: { index: pageBreak.startIndex!, segmentId: "kix.header" },
            sectionType: "NEXT_PAGE",
          },
        },
      ]),
    ).toThrow(/segment ID must be empty/);
    // A section style: a concrete value for every field named, a range over a section, writable fields only.
    expect(
      update([
        {
          updateSectionStyle: {
            range: { startIndex: 1, endIndex: 2 },
            sectionStyle: {},
            fields: "flipPageOrientation",
          },
        },
      ]),
    ).toThrow(/concrete value/);
    expect(update([flip(bodyEnd, bodyEnd + 3)])).toThrow(/overlaps no section/);
    expect(
      update([
        {
          updateSectionStyle: {
            range: { startIndex: 1, endIndex: 2 },
            sectionStyle: { sectionType: "CONTINUOUS" },
            fields: "sectionType",
          },
        },
      ]),
    ).toThrow(/section_type.*output only/);
    expect(
      update([
        {
          updateSectionStyle: {
            range: { startIndex: 1, endIndex: 2 },
            sectionStyle: { defaultHeaderId: "h" },
            fields: "defaultHeaderId",
          },
        },
      ]),
    ).toThrow(/Invalid field/);
    // Deleting the newline before a table, or the body's last one.
    const first = before.find((e) => e.paragraph && e.startIndex !== undefined)!;
    expect(
      update([{ deleteContentRange: { range: { startIndex: first.startIndex!, endIndex: first.endIndex } } }]),
    ).toThrow(/newline character before a table/);
    const last = before[before.length - 1]!;
    expect(
      update([{ deleteContentRange: { range: { startIndex: last.startIndex!, endIndex: last.endIndex } } }]),
    ).toThrow(/last newline character of the body/);
    expect(
      update([{ deleteContentRange: { range: { startIndex: table.startIndex! + 1, endIndex: table.endIndex } } }]),
    ).toThrow(/start or end of a table/);
    // Column widths: at least 5 points.
    const column = (width: number) => ({
      updateTableColumnProperties: {
        tableStartLocation: { index: table.startIndex },
        columnIndices: [0],
        tableColumnProperties: { widthType: "FIXED_WIDTH", width: pt(width) },
        fields: "widthType,width",
      },
    });
    expect(update([column(3)])).toThrow(/at least 5 points/);
    // Atomic: valid requests before an invalid one change nothing.
    const s = pageBreak.startIndex!;
    expect(
      update([
        { deleteContentRange: { range: { startIndex: s, endIndex: s + 2 } } },
        section(s),
        column(40),
        flip(s + 2, s + 3),
        flip(s + 2, s + 3, "yes"),
      ]),
    ).toThrow(/flip_page_orientation/);
    expect(content()).toEqual(before);
    const body = fake.documentApp._documents.get(doc.getId())!._body;
    expect(body._sectionBreaks.size).toBe(0);
    expect((body._children.find((c) => c instanceof FakeTable) as FakeTable)._columnWidths.size).toBe(0);
    update([column(40)])();
    expect((body._children.find((c) => c instanceof FakeTable) as FakeTable)._columnWidths.get(0)).toBe(40);
  });

  it(
    "the layout pass turns a model's landscape section and gives its table the " +
      "landscape widths; a failed batch leaves the page break and the portrait widths",
    () => {
      const wide = {
        type: "table" as const,
        columns: [
          { header: "№", width: 1 },
          { header: "Мероприятие", width: 6 },
        ],
        rows: [["1", "Семинар"]],
      };
      const model: DocModel = {
        title: "Разделы",
        orientation: "portrait",
        draft: false,
        blocks: [
          { type: "heading", level: 1, text: "1. Общие сведения" },
          { type: "paragraph", runs: [{ text: "Текст." }] },
          { type: "section", orientation: "landscape" },
          { type: "heading", level: 1, text: "2. Результаты" },
          wide,
          { type: "section", orientation: "portrait" },
          { type: "heading", level: 1, text: "3. Выводы" },
          { type: "paragraph", runs: [{ text: "Конец." }] },
        ],
      } as DocModel;
      const run = (failing: boolean) => {
        const fake = createFakeServices();
        const scope = globalThis as Record<string, unknown>;
        const saved = { Docs: scope.Docs };
        const docs = failing
          ? {
              Documents: {
                get: fake.docsApi.Documents.get,
                batchUpdate: () => {
                  throw new Error(
                    "GoogleJsonResponseException: API call to " +
                      "docs.documents.batchUpdate failed with error: Internal error",
                  );
                },
              },
            }
          : fake.docsApi;
        Object.assign(scope, {
          Docs: docs,
          console: { ...console, warn: () => undefined },
        });
        try {
          const id = uploadModel(fake, model);
          const { applied, missing } = applyDocsLayout(id, model);
          return { applied, missing, body: fake.documentApp._documents.get(id)!._body, fake, id };
        } finally {
          Object.assign(scope, saved, { console });
        }
      };
      const { applied, body, fake, id } = run(false);
      expect(applied).toBe(true);
      const breaks = body._children.flatMap((c) => (c instanceof FakeTable || !body._sectionBreaks.has(c) ? [] : [c]));
      expect(breaks.map((p) => [p._node.text, body._sectionBreaks.get(p)!.flipPageOrientation])).toEqual([
        ["2. Результаты", true],
        ["3. Выводы", false],
      ]);
      expect(body._children.some((c) => !(c instanceof FakeTable) && c._kind === "PAGE_BREAK")).toBe(false);
      const table = body._children.find((c) => c instanceof FakeTable) as FakeTable;
      const twips = [0, 1].map((c) => Math.round(table._columnWidths.get(c)! * 20));
      expect(twips[0]! + twips[1]!).toBe(Math.round(textWidthPt("landscape") * 20));
      // Sent again to the finished document, the plan finds no page breaks to turn: nothing breaks.
      const content = (fake.docsApi.Documents.get(id, { fields: LAYOUT_FIELDS }) as { body: { content: object[] } })
        .body.content;
      expect(layoutRequests(model, content).some((r) => "insertSectionBreak" in r)).toBe(false);

      const failed = run(true);
      expect(failed.applied).toBe(false);
      expect(failed.missing).toMatch(
        /^Документ создан, но Google Документы не приняли его оформление: широкие таблицы остались на книжных страницах; шапки таблиц не повторяются/,
      );
      expect(failed.body._sectionBreaks.size).toBe(0);
      expect(failed.body._children.filter((c) => !(c instanceof FakeTable) && c._kind === "PAGE_BREAK").length).toBe(2);
      const portrait = failed.body._children.find((c) => c instanceof FakeTable) as FakeTable;
      expect(Math.round((portrait._columnWidths.get(0)! + portrait._columnWidths.get(1)!) * 20)).toBe(
        Math.round(textWidthPt("portrait") * 20),
      );
    },
  );
});
