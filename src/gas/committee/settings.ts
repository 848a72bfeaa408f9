/**
 * «Настройки комитета» in the committee spreadsheet: created with its labels when missing
 * (a tab that exists keeps every value), read with one getValues for the signer of the
 * committee's documents.
 */
import {
  COMMITTEE_SETTINGS_ROWS,
  COMMITTEE_SETTINGS_TITLE,
  type CommitteeSettings,
  parseCommitteeSettings,
} from "../../core/committee/index.js";
import { charsToPixels } from "../../core/template.js";
import { toCell } from "../read-sheets.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Creates the tab when it is missing; true when it was created. */
export function ensureCommitteeSettings(ss: Spreadsheet): boolean {
  if (ss.getSheetByName(COMMITTEE_SETTINGS_TITLE)) return false;
  const sheet = ss.insertSheet(COMMITTEE_SETTINGS_TITLE);
  // Our own labels: plain text written with a quote prefix, as every committee tab is.
  const values = COMMITTEE_SETTINGS_ROWS.map((row) => row.map((v) => (v === "" ? "" : `'${v}`)));
  sheet.getRange(1, 1, values.length, 3).setValues(values);
  sheet.getRange(1, 1, 1, 3).setFontWeight("bold");
  sheet.setFrozenRows(1);
  [34, 40, 60].forEach((w, i) => sheet.setColumnWidth(i + 1, charsToPixels(w)));
  return true;
}

/** The committee's settings; empty when the tab is missing (nothing is created while reading). */
export function readCommitteeSettings(ss: Spreadsheet): CommitteeSettings {
  const sheet = ss.getSheetByName(COMMITTEE_SETTINGS_TITLE);
  if (!sheet) return parseCommitteeSettings([]);
  const rows = sheet
    .getDataRange()
    .getValues()
    .map((row) => row.map((v) => toCell(v, 0)));
  return parseCommitteeSettings(rows);
}
