/**
 * The fake Drive permissions, the .xlsx import and the Sheets batchUpdate refuse what Google
 * refuses (sources in fake/drive-permissions.ts, fake/xlsx-import.ts, fake/sheets-api.ts).
 */
import { describe, expect, it } from "vitest";
import { writeTemplate } from "../../src/local/xlsx-write.js";
import { TABS } from "../../src/core/schema.js";
import { FakeBlob, SHEETS_MIME, XLSX_MIME, createFakeServices } from "./fake/index.js";

async function converted() {
  const fake = createFakeServices();
  const bytes = [...(await writeTemplate())];
  const blob = new FakeBlob(bytes, XLSX_MIME, "шаблон.xlsx", fake.counter);
  const file = fake.driveV3.Files.create({ name: "МИП — проба", mimeType: SHEETS_MIME }, blob);
  return { fake, id: file.id };
}

describe("the fake Drive permissions refuse what Drive refuses", () => {
  it("invites an editor once per address and records the notification with its message", async () => {
    const { fake, id } = await converted();
    const permissions = fake.driveV3.Permissions;
    permissions.create({ type: "user", role: "writer", emailAddress: "A@Example.ru" }, id, {
      sendNotificationEmail: true,
      emailMessage: "Заполните таблицу",
    });
    permissions.create({ type: "user", role: "writer", emailAddress: "a@example.ru" }, id);
    expect(permissions.list(id).permissions).toEqual([
      expect.objectContaining({ emailAddress: "a@example.ru", role: "writer" }),
    ]);
    expect(permissions._notifications).toEqual([
      { fileId: id, to: "a@example.ru", message: "Заполните таблицу" },
      { fileId: id, to: "a@example.ru", message: "" },
    ]);
  });

  it("refuses a missing type, role or address, a malformed address, a message without a notification, a file it cannot see", async () => {
    const { fake, id } = await converted();
    const p = fake.driveV3.Permissions;
    expect(() => p.create({ role: "writer", emailAddress: "a@b.ru" }, id)).toThrow(/type field is required/);
    expect(() => p.create({ type: "user", emailAddress: "a@b.ru" }, id)).toThrow(/role field is required/);
    expect(() => p.create({ type: "user", role: "writer" }, id)).toThrow(/emailAddress field is required/);
    expect(() => p.create({ type: "user", role: "writer", emailAddress: "a@b" }, id)).toThrow(/invalidSharingRequest/);
    expect(() =>
      p.create({ type: "user", role: "writer", emailAddress: "a@b.ru" }, id, {
        sendNotificationEmail: false,
        emailMessage: "x",
      }),
    ).toThrow(/needs sendNotificationEmail/);
    expect(() => p.create({ type: "anyone", role: "reader" }, id, { sendNotificationEmail: true })).toThrow(
      /only allowed for user and group/,
    );
    fake.drive._addUserItem({ id: "someone-elses", name: "Чужая таблица" });
    expect(() => p.create({ type: "user", role: "writer", emailAddress: "a@b.ru" }, "someone-elses")).toThrow(
      /File not found/,
    );
    p._withoutAccount.add("nogoogle@b.ru");
    expect(() =>
      p.create({ type: "user", role: "writer", emailAddress: "nogoogle@b.ru" }, id, { sendNotificationEmail: false }),
    ).toThrow(/no Google account/);
    p.create({ type: "user", role: "writer", emailAddress: "nogoogle@b.ru" }, id);
    p._sharesLeft = 0;
    expect(() => p.create({ type: "user", role: "writer", emailAddress: "c@b.ru" }, id)).toThrow(
      /sharingRateLimitExceeded/,
    );
    expect(p._notifications.map((n) => n.to)).toEqual(["nogoogle@b.ru"]);
  });
});

describe("the fake .xlsx import and Sheets batchUpdate", () => {
  it("an imported template has its tabs and values and nothing else; a non-.xlsx body is refused", async () => {
    const { fake, id } = await converted();
    const ss = fake.sheetsApi._spreadsheets.get(id)!;
    expect(ss._sheets.map((s) => s._name)).toEqual(TABS.map((t) => t.title));
    expect(ss._sheets.every((s) => s._frozenRows === 0 && s._protections.length === 0)).toBe(true);
    const blob = new FakeBlob([1, 2, 3], "text/plain", "x.txt", fake.counter);
    expect(() => fake.driveV3.Files.create({ name: "x", mimeType: SHEETS_MIME }, blob)).toThrow(
      /Conversion from text\/plain is not supported/,
    );
    fake.driveV3._createsLeft = 0;
    const again = new FakeBlob([...(await writeTemplate())], XLSX_MIME, "t.xlsx", fake.counter);
    expect(() => fake.driveV3.Files.create({ name: "y", mimeType: SHEETS_MIME }, again)).toThrow(
      /userRateLimitExceeded/,
    );
    expect(() =>
      fake.driveV3.Files.create({ name: "z", mimeType: SHEETS_MIME, appProperties: { k: "я".repeat(70) } }, again),
    ).toThrow(/124 bytes/);
  });

  it("a batchUpdate is all or nothing: one bad request and no request is applied", async () => {
    const { fake, id } = await converted();
    const ss = fake.sheetsApi._spreadsheets.get(id)!;
    const sheetId = ss._sheets[0]!._id;
    const frozen = {
      updateSheetProperties: {
        properties: { sheetId, gridProperties: { frozenRowCount: 1 } },
        fields: "gridProperties.frozenRowCount",
      },
    };
    expect(() =>
      fake.sheetsApi.Spreadsheets.batchUpdate(
        { requests: [frozen, { updateCells: { range: { sheetId: 999 }, fields: "note" } }] },
        id,
      ),
    ).toThrow(/No grid with id: 999/);
    expect(ss._sheets[0]!._frozenRows).toBe(0);
    expect(() =>
      fake.sheetsApi.Spreadsheets.batchUpdate({ requests: [{ updateCells: { range: { sheetId } } }] }, id),
    ).toThrow(/At least one field/);
    // Two kinds in one request: the Request union, refused by the check against Google's definition.
    expect(() => fake.sheetsApi.Spreadsheets.batchUpdate({ requests: [{ ...frozen, addSheet: {} }] }, id)).toThrow(
      /Oneof field is already set at 'requests\[0\]'.*found addSheet and updateSheetProperties/,
    );
    expect(() => fake.sheetsApi.Spreadsheets.batchUpdate({ requests: [] }, id)).toThrow(/at least one request/);
    expect(() => fake.sheetsApi.Spreadsheets.batchUpdate({ requests: [frozen] }, "nope")).toThrow(/not found/);
    // Every refused payload was logged as Google's refusal (a bundle's test would fail on them).
    expect(fake.refusals.size).toBeGreaterThanOrEqual(4);
    fake.sheetsApi.Spreadsheets.batchUpdate({ requests: [frozen] }, id);
    expect(ss._sheets[0]!._frozenRows).toBe(1);
  });
});
