/**
 * Drive's import of an .xlsx into a Google Sheet (Files.create with the spreadsheet mimeType
 * and an .xlsx body: https://developers.google.com/workspace/drive/api/guides/manage-uploads#import-docs).
 *
 * Google documents no list of the Excel features an import keeps. The fake takes the least a
 * workbook could come out with — its tabs, in order, and their cell values — and nothing else:
 * no dropdowns, notes, frozen rows, protection or developer metadata. Whatever the add-on needs
 * of those it must set itself (the committee does, in one Sheets batchUpdate), so a test on this
 * fake shows that nothing depends on what Google's import happens to carry over.
 */
import { createHash } from "node:crypto";
import * as XLSX from "@e965/xlsx";
import { type CallCounter } from "./counter.js";
import { FakeSpreadsheet } from "./spreadsheet.js";

export const SHEETS_MIME = "application/vnd.google-apps.spreadsheet";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type Tabs = { title: string; rows: unknown[][] }[];

/** Parsed bodies by content hash: the committee uploads the same template hundreds of times. */
const parsed = new Map<string, Tabs>();

function tabsOf(bytes: Buffer): Tabs {
  const key = createHash("sha256").update(bytes).digest("hex");
  const known = parsed.get(key);
  if (known) return known;
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { type: "buffer", cellDates: true });
  } catch {
    throw new Error(
      "GoogleJsonResponseException: API call to drive.files.create failed with error: " +
        "The uploaded file could not be converted.",
    );
  }
  const tabs = book.SheetNames.map((title) => ({
    title,
    rows: XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[title]!, { header: 1, blankrows: true, defval: "" }),
  }));
  parsed.set(key, tabs);
  return tabs;
}

/** The converted spreadsheet: every tab of the .xlsx with its values (text, numbers, booleans). */
export function importXlsx(bytes: Buffer, id: string, name: string, counter: CallCounter): FakeSpreadsheet {
  const tabs = tabsOf(bytes);
  const ss = new FakeSpreadsheet(id, name, counter);
  counter.paused(() => {
    for (const { title, rows } of tabs) {
      const width = Math.max(1, ...rows.map((r) => r.length));
      const sheet = ss._addSheet(title, { rows: Math.max(1000, rows.length + 100), cols: Math.max(26, width) });
      rows.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value !== "" && value !== null && value !== undefined)
            sheet._cell(r + 1, c + 1).value = value instanceof Date ? new Date(value.getTime()) : value;
        }),
      );
    }
  });
  return ss;
}
