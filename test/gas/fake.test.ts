import { describe, expect, it } from "vitest";
import { CallCounter, type FakeUtilities, createFakeServices, emptySpreadsheet, zonedMidnight } from "./fake/index.js";

describe("the Apps Script fake", () => {
  it("counts every public call, chained ones too, and not its own helpers", () => {
    const counter = new CallCounter();
    const fake = createFakeServices({ spreadsheet: emptySpreadsheet(counter), counter });
    const sheet = fake.spreadsheet.getSheets()[0]!;
    sheet
      .getRange(1, 1, 2, 2)
      .setValues([
        [1, 2],
        [3, 4],
      ])
      .setFontWeight("bold")
      .getValues();
    expect(counter.snapshot()).toEqual({
      "Range.getValues": 1,
      "Range.setFontWeight": 1,
      "Range.setValues": 1,
      "Sheet.getRange": 1,
      "Spreadsheet.getSheets": 1,
    });
    expect(counter.total).toBe(5);
  });

  it("rejects what Apps Script rejects: a data shape that does not match the range, ranges outside the sheet", () => {
    const fake = createFakeServices();
    const sheet = fake.spreadsheet.getSheets()[0]!;
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(/does not match the range/);
    expect(() => sheet.getRange(1001, 1)).toThrow(/outside the dimensions/);
    expect(() => fake.spreadsheet.insertSheet("Лист1")).toThrow(/already exists/);
  });

  it("keeps dates as Sheets does: local midnight in the spreadsheet's zone, shown as 05.03.2022", () => {
    const fake = createFakeServices();
    const range = fake.spreadsheet.getSheets()[0]!.getRange("A1");
    range.setValue(zonedMidnight("2022-03-05", "Europe/Moscow"));
    expect((range.getValue() as Date).toISOString()).toBe("2022-03-04T21:00:00.000Z");
    expect(range.getDisplayValues()).toEqual([["05.03.2022"]]);
  });

  it("enforces the properties quota and the drive.file visibility rule", () => {
    const fake = createFakeServices();
    const props = fake.propertiesService.getDocumentProperties();
    expect(() => props.setProperty("big", "x".repeat(10 * 1024))).toThrow(/too large/);
    fake.drive._addUserItem({ id: "someone-elses-folder", name: "Чужая", folder: true });
    expect(() => fake.drive.app.getFolderById("someone-elses-folder")).toThrow(/No item with the given ID/);
    const mine = fake.drive.app.createFolder("Моя");
    expect(fake.drive.app.getFolderById(mine.getId()).getName()).toBe("Моя");
  });

  it("lets only one holder have a lock", () => {
    const fake = createFakeServices();
    const a = fake.lockService.getDocumentLock();
    const b = fake.lockService.getDocumentLock();
    expect(a.tryLock(1000)).toBe(true);
    expect(b.tryLock(1000)).toBe(false);
    a.releaseLock();
    expect(b.tryLock(1000)).toBe(true);
  });

  it("releases the locks an execution still holds when it ends, as Apps Script does", () => {
    const fake = createFakeServices();
    const held = fake.lockService.getDocumentLock();
    expect(held.tryLock(1000)).toBe(true);
    expect(fake.lockService._document.holders).toBe(1);
    fake.lockService._endExecution();
    expect(fake.lockService._document.holders).toBe(0);
    expect(held.hasLock()).toBe(false);
    expect(fake.lockService.getDocumentLock().tryLock(1000)).toBe(true);
  });

  it("getSheetValues: -1 runs to the last row or column with data, as getRange(…).getValues(); an empty tab is refused", () => {
    const counter = new CallCounter();
    const fake = createFakeServices({ spreadsheet: emptySpreadsheet(counter), counter });
    const sheet = fake.spreadsheet.getSheets()[0]!;
    expect(() => sheet.getSheetValues(1, 1, -1, -1)).toThrow(/range is empty/);
    sheet.getRange("B2:C4").setValues([
      ["a", ""],
      ["", 2],
      ["", ""],
    ]);
    sheet.getRange("D2").setValue(zonedMidnight("2022-03-05", "Europe/Moscow"));
    // The data runs to row 3 (C3) and column D (D2): B2:C4's empty last row is not data.
    expect(sheet.getSheetValues(1, 1, -1, -1)).toEqual(sheet.getDataRange().getValues());
    expect(sheet.getSheetValues(1, 1, -1, -1)).toHaveLength(3);
    expect(sheet.getSheetValues(2, 2, -1, -1)).toEqual([
      ["a", "", sheet.getRange("D2").getValue() as Date],
      ["", 2, ""],
    ]);
    expect(sheet.getSheetValues(2, 2, 1, 2)).toEqual([["a", ""]]);
    counter.reset();
    sheet.getSheetValues(1, 1, -1, -1);
    expect(counter.snapshot()).toEqual({ "Sheet.getSheetValues": 1 });
  });

  it("Utilities.newBlob takes Java bytes: -128…127, nothing else", () => {
    const fake = createFakeServices();
    const utilities = fake.globals.Utilities as FakeUtilities;
    expect(utilities.newBlob([-128, 0, 127], "application/octet-stream", "a.bin").getBytes()).toEqual([-128, 0, 127]);
    expect(() => utilities.newBlob([200], "application/octet-stream", "b.bin")).toThrow(/Cannot convert 200/);
    expect(() => utilities.newBlob([1.5], "application/octet-stream", "c.bin")).toThrow(/Cannot convert/);
  });

  it("Drive v3: a file in a binned folder is trashed too — in the `trashed` field and for `trashed = false`", () => {
    const fake = createFakeServices();
    const folder = fake.driveV3.Files.create({ name: "Папка", mimeType: "application/vnd.google-apps.folder" }, null, {
      fields: "id",
    });
    const file = fake.driveV3.Files.create({ name: "Файл", parents: [folder.id] }, null, { fields: "id" });
    const listed = () =>
      fake.driveV3.Files.list({ q: `'${folder.id}' in parents and trashed = false`, fields: "files(name)" }).files;
    expect(listed().map((f) => f.name)).toEqual(["Файл"]);
    fake.drive._files.get(folder.id)!.trashed = true;
    expect(listed()).toEqual([]);
    expect(fake.driveV3.Files.get(file.id, { fields: "id,trashed" }).trashed).toBe(true);
  });
});
