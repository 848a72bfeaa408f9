import { describe, expect, it } from "vitest";
import { CallCounter, createFakeServices, emptySpreadsheet, zonedMidnight } from "./fake/index.js";

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
});
