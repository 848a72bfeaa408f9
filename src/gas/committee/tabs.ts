/**
 * The committee's two tabs. Реестр is typed by the committee; Свод is written by the add-on:
 * contract headers, then hidden service columns, then one visible progress cell and, next to
 * it, one hidden service cell with the refresh cursor. Creating them again changes nothing; a
 * tab that exists keeps every value.
 */
import {
  REGISTRY_HEADERS,
  REGISTRY_TITLE,
  REGISTRY_WIDTHS,
  SUMMARY_ALL_HEADERS,
  SUMMARY_HEADERS,
  SUMMARY_SERVICE_HEADERS,
  SUMMARY_TITLE,
  SUMMARY_WIDTHS,
} from "../../core/committee/index.js";
import { COMMITTEE_SETTINGS_TITLE } from "../../core/committee/index.js";
import { charsToPixels } from "../../core/template.js";
import { ensureCommitteeSettings } from "./settings.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** 1-based column of the progress cell («обновлено 240 из 1000»), right of the service columns. */
export const PROGRESS_COLUMN = SUMMARY_ALL_HEADERS.length + 1;
const PROGRESS_HEADER = "Ход обновления";
/**
 * 1-based column of the cursor cell (row 2): where an unfinished refresh continues. It lives in
 * Свод, not in properties, so every run finds the same cursor — a menu run or a time trigger
 * with or without a document context, by any committee member.
 */
export const CURSOR_COLUMN = PROGRESS_COLUMN + 1;
const CURSOR_HEADER = "Курсор обновления (служебное)";

const SUMMARY_TAB_HEADERS = [...SUMMARY_ALL_HEADERS, PROGRESS_HEADER, CURSOR_HEADER];

function writeHeaders(sheet: Sheet, headers: readonly string[], widths: readonly number[]): void {
  const range = sheet.getRange(1, 1, 1, headers.length);
  // Our own headers: plain text we control, written with a quote prefix like everything else.
  range.setValues([headers.map((h) => `'${h}`)]);
  range.setFontWeight("bold");
  sheet.setFrozenRows(1);
  widths.forEach((w, i) => sheet.setColumnWidth(i + 1, charsToPixels(w)));
}

function headersMissing(sheet: Sheet, headers: readonly string[]): boolean {
  const seen = sheet.getRange(1, 1, 1, headers.length).getValues()[0] ?? [];
  return headers.some((h, i) => String(seen[i] ?? "") !== h);
}

export interface CommitteeTabs {
  registry: Sheet;
  summary: Sheet;
  created: string[];
}

/** Creates Реестр and Свод when missing (headers only where row 1 is empty or ours). */
export function ensureCommitteeTabs(ss: Spreadsheet): CommitteeTabs {
  const created: string[] = [];
  let registry = ss.getSheetByName(REGISTRY_TITLE);
  if (!registry) {
    registry = ss.insertSheet(REGISTRY_TITLE);
    writeHeaders(registry, REGISTRY_HEADERS, REGISTRY_WIDTHS);
    created.push(REGISTRY_TITLE);
  }
  let summary = ss.getSheetByName(SUMMARY_TITLE);
  if (!summary) {
    summary = ss.insertSheet(SUMMARY_TITLE);
    created.push(SUMMARY_TITLE);
  }
  if (created.includes(SUMMARY_TITLE) || headersMissing(summary, SUMMARY_TAB_HEADERS)) {
    writeHeaders(summary, SUMMARY_TAB_HEADERS, [...SUMMARY_WIDTHS, 24, 24]);
    // Service columns are for the add-on; hiding them keeps the dashboard readable.
    summary.hideColumns(SUMMARY_HEADERS.length + 1, SUMMARY_SERVICE_HEADERS.length);
    summary.hideColumns(CURSOR_COLUMN, 1);
  }
  if (ensureCommitteeSettings(ss)) created.push(COMMITTEE_SETTINGS_TITLE);
  return { registry, summary, created };
}
