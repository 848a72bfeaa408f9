/**
 * The fake's advanced services as Google answers: the schema derived from the discovery documents
 * carries the rules the check needs, responses are trimmed to their `fields` mask (or Drive's
 * default fields), and the Sheets service renders values as its options say.
 */
import { describe, expect, it } from "vitest";
import { apiSchemas, checkAdvancedCall, maskPaths } from "./fake/api-schema/index.js";
import { CallCounter, createFakeServices, emptySpreadsheet, zonedMidnight } from "./fake/index.js";

describe("the derived schema", () => {
  it("names its source and carries what the check needs from the discovery documents", () => {
    const { generatedFrom, apis } = apiSchemas();
    expect(generatedFrom.docs).toMatch(/^docs v1, discovery revision \d{8}$/);
    expect(generatedFrom.drive).toMatch(/^drive v3, discovery revision \d{8}$/);
    expect(generatedFrom.sheets).toMatch(/^sheets v4, discovery revision \d{8}$/);
    // «Output only. The type of section.»
    expect(apis.docs.schemas.SectionStyle!.properties.sectionType!.readOnly).toBe(true);
    // «The root `paragraph_style` is implied»
    expect(apis.docs.schemas.UpdateParagraphStyleRequest!.properties.fields!.maskRoot).toBe("paragraphStyle");
    // «A file can only have one parent folder»
    expect(apis.drive.schemas.File!.properties.parents!.maxItems).toBe(1);
    expect(apis.drive.methods["files.list"]!.params.pageSize).toMatchObject({ minimum: 1, maximum: 1000 });
    expect(apis.docs.schemas.InsertSectionBreakRequest!.oneOf).toEqual([["location", "endOfSegmentLocation"]]);
    expect(apis.sheets.methods["spreadsheets.values.batchGet"]!.params.valueRenderOption!.enum).toEqual([
      "FORMATTED_VALUE",
      "UNFORMATTED_VALUE",
      "FORMULA",
    ]);
  });

  it("parses partial-response masks and refuses a broken one", () => {
    expect(maskPaths("nextPageToken,files(id,name)")).toEqual([["nextPageToken"], ["files", "id"], ["files", "name"]]);
    expect(maskPaths("body.content(startIndex,table(rows))")).toEqual([
      ["body", "content", "startIndex"],
      ["body", "content", "table", "rows"],
    ]);
    expect(() => maskPaths("files(id")).toThrow(/Invalid field selection/);
    expect(() => checkAdvancedCall("drive", "files.list", [{ fields: "files(id,,name)" }])).toThrow(
      /^GoogleJsonResponseException: API call to drive\.files\.list failed with error: Invalid field selection/,
    );
  });
});

describe("responses as Google trims them", () => {
  it("Drive answers only the fields asked for, and its default fields without a mask", () => {
    const fake = createFakeServices();
    const made = fake.driveV3.Files.create({ name: "Папка", mimeType: "application/vnd.google-apps.folder" }, null, {
      fields: "id",
    });
    expect(Object.keys(made)).toEqual(["id"]);
    const plain = fake.driveV3.Files.get(made.id, {}) as Record<string, unknown>;
    expect(plain).toMatchObject({ id: made.id, name: "Папка" });
    expect(plain.parents).toBeUndefined();
    expect(fake.driveV3.Files.get(made.id, { fields: "parents" })).toEqual({ parents: [fake.drive.rootId] });
    expect(fake.refusals.size).toBe(0);
  });

  it("Sheets: the metadata mask, value and date render options, trailing empty cells left out", () => {
    const counter = new CallCounter();
    const ss = emptySpreadsheet(counter, "sheet-1", "Школа");
    counter.paused(() => {
      ss._sheet("Лист1")
        .getRange(1, 1, 3, 3)
        .setValues([
          ["Дата", zonedMidnight("2022-03-05", "Europe/Moscow"), ""],
          ["Число", 42, true],
          ["", "", ""],
        ]);
      ss.addDeveloperMetadata("mip.changeStamp", "2022-12-01T09:00:00.000Z");
    });
    const fake = createFakeServices({ spreadsheet: ss, counter });
    const sheets = fake.sheetsApi.Spreadsheets;
    expect(sheets.get("sheet-1", { fields: "properties.locale,sheets.properties.title" })).toEqual({
      properties: { locale: "ru_RU" },
      sheets: [{ properties: { title: "Лист1" } }],
    });
    const values = (options: Record<string, string>) =>
      (
        sheets.Values.batchGet("sheet-1", { ranges: ["'Лист1'"], ...options }) as {
          valueRanges: { values: unknown[][] }[];
        }
      ).valueRanges[0]!.values;
    expect(values({})).toEqual([
      ["Дата", "05.03.2022"],
      ["Число", "42", "TRUE"],
    ]);
    expect(values({ valueRenderOption: "UNFORMATTED_VALUE" })).toEqual([
      ["Дата", 44625],
      ["Число", 42, true],
    ]);
    expect(values({ valueRenderOption: "UNFORMATTED_VALUE", dateTimeRenderOption: "FORMATTED_STRING" })[0]).toEqual([
      "Дата",
      "05.03.2022",
    ]);
    fake.sheetsApi._locales.set("sheet-1", "en_US");
    expect(values({ valueRenderOption: "UNFORMATTED_VALUE", dateTimeRenderOption: "FORMATTED_STRING" })[0]).toEqual([
      "Дата",
      "3/5/2022",
    ]);
    expect(() => sheets.Values.batchGet("sheet-1", { ranges: ["'Нет такой'"] })).toThrow(/Unable to parse range/);
    expect(fake.refusals.size).toBe(0);
  });
});
