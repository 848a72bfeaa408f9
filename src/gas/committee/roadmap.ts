/**
 * The committee's roadmap in its spreadsheet: the tabs «Дорожная карта» and «Распоряжение»,
 * the execution tab «Исполнение дорожной карты» rebuilt by every refresh run from the roadmap
 * and the Свод rows' stored digests (each digest carries the school's rows linked to roadmap
 * items, read with the rest of its workbook: no school is opened again), and the two Google
 * Docs — the order with its appendix and «Отчёт об исполнении дорожной карты» — made by the
 * same DocModel → Google Doc path as the «Сводка по МИП» (makeDocument, src/gas/report.ts).
 */
import {
  type SchoolRecord,
  REGISTRY_TITLE,
  SUMMARY_TITLE,
  digestRoadmapLinks,
  sheetsPlainRow,
} from "../../core/committee/index.js";
import type { TabGrid, WorkbookGrid } from "../../core/grid.js";
import {
  type Execution,
  type RoadmapValidation,
  EXECUTION_TITLE,
  ORDER_TAB,
  ROADMAP_HEADERS,
  ROADMAP_TAB,
  ROADMAP_TITLE,
  STATE_FILLS,
  buildExecutionDoc,
  buildOrderDoc,
  computeExecution,
  executionGrid,
  schoolMatcher,
  validateRoadmap,
} from "../../core/roadmap/index.js";
import { KEY_VALUE_HEADERS } from "../../core/schema.js";
import { charsToPixels } from "../../core/template.js";
import { UserError } from "../errors.js";
import { tabFromValues, zoneOffsetMinutes } from "../read-sheets.js";
import { ownFolderId } from "../drive-files.js";
import { makeDocument } from "../report.js";
import { readStoredRows } from "./dashboard.js";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Creates «Дорожная карта» and «Распоряжение» when missing; a tab that exists keeps every value. */
export function ensureRoadmapTabs(ss: Spreadsheet): string[] {
  const created: string[] = [];
  if (!ss.getSheetByName(ROADMAP_TITLE)) {
    const sheet = ss.insertSheet(ROADMAP_TITLE);
    // Our own headers and labels: plain text, quote-prefixed like every committee tab.
    sheet.getRange(1, 1, 1, ROADMAP_HEADERS.length).setValues([sheetsPlainRow(ROADMAP_HEADERS)]);
    sheet.getRange(1, 1, 1, ROADMAP_HEADERS.length).setFontWeight("bold");
    sheet.setFrozenRows(1);
    ROADMAP_TAB.columns.forEach((c, i) => sheet.setColumnWidth(i + 1, charsToPixels(c.width)));
    // «№ п/п» and «Дата» as plain text: typed «24.02» or «8.1» would otherwise become a date of
    // the current year or a number (format «@», https://developers.google.com/apps-script/reference/spreadsheet/range#setnumberformatnumberformat).
    sheet.getRange(2, 1, sheet.getMaxRows() - 1, 1).setNumberFormat("@");
    sheet.getRange(2, 3, sheet.getMaxRows() - 1, 1).setNumberFormat("@");
    created.push(ROADMAP_TITLE);
  }
  if (!ss.getSheetByName(ORDER_TAB.title)) {
    const sheet = ss.insertSheet(ORDER_TAB.title);
    const rows = [
      [...KEY_VALUE_HEADERS],
      ...ORDER_TAB.fields.map((f) => [f.label, "", f.required ? `Обязательно. ${f.hint}` : f.hint]),
    ];
    sheet.getRange(1, 1, rows.length, 3).setValues(rows.map(sheetsPlainRow));
    sheet.getRange(1, 1, 1, 3).setFontWeight("bold");
    sheet.setFrozenRows(1);
    [30, 70, 60].forEach((w, i) => sheet.setColumnWidth(i + 1, charsToPixels(w)));
    created.push(ORDER_TAB.title);
  }
  return created;
}

/** The roadmap's three tabs as a grid (one getValues each); null when there is no «Дорожная карта». */
export function readRoadmapGrid(ss: Spreadsheet): WorkbookGrid | null {
  if (!ss.getSheetByName(ROADMAP_TITLE)) return null;
  const offset = zoneOffsetMinutes(ss.getSpreadsheetTimeZone());
  const tabs: TabGrid[] = [];
  for (const title of [ROADMAP_TITLE, ORDER_TAB.title, REGISTRY_TITLE]) {
    const sheet = ss.getSheetByName(title);
    if (sheet) tabs.push(tabFromValues(title, sheet.getDataRange().getValues(), offset));
  }
  return { tabs };
}

/** The roadmap checked and its execution from the Свод rows. */
function roadmapAndExecution(
  ss: Spreadsheet,
  today: string,
): { checked: RoadmapValidation; execution: Execution } | null {
  const grid = readRoadmapGrid(ss);
  if (!grid) return null;
  const summary = ss.getSheetByName(SUMMARY_TITLE);
  const records: SchoolRecord[] = summary ? readStoredRows(summary).flatMap((r) => (r ? [r.record] : [])) : [];
  const checked = validateRoadmap(grid, { schools: records.map((r) => r.organisation) });
  const matcher = schoolMatcher(checked.roadmap.schools);
  const links = records.map((r) => {
    const match = matcher.match(r.organisation);
    return {
      school: match.kind === "unknown" ? r.organisation : match.name,
      links: r.digest ? digestRoadmapLinks(r.digest) : [],
    };
  });
  return { checked, execution: computeExecution(checked.roadmap, links, today) };
}

/**
 * Writes «Исполнение дорожной карты» whole: values in one setValues, colours in one
 * setBackgrounds, over a rectangle as large as the old one, so nothing of an earlier, larger
 * matrix is left behind. Returns the number of items, or null without a roadmap.
 */
export function writeExecutionTab(ss: Spreadsheet, today: string): number | null {
  const made = roadmapAndExecution(ss, today);
  if (!made) return null;
  const { execution } = made;
  let sheet: Sheet | null = ss.getSheetByName(EXECUTION_TITLE);
  const fresh = !sheet;
  if (!sheet) sheet = ss.insertSheet(EXECUTION_TITLE);
  const grid = executionGrid(execution);
  const height = Math.max(grid.length, sheet.getLastRow());
  const width = Math.max(grid[0]!.length, sheet.getLastColumn());
  const values = Array.from({ length: height }, (_, r) =>
    sheetsPlainRow(Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? "")),
  );
  const colours = Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c): string | null => {
      const cell = r >= 1 && c >= 4 ? execution.rows[r - 1]?.cells[c - 4] : undefined;
      const fill = cell ? STATE_FILLS[cell.state] : undefined;
      return fill ? `#${fill.toLowerCase()}` : null;
    }),
  );
  // A new sheet has 1,000 rows and 26 columns; a range past them is refused, so the sheet grows first.
  if (height > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), height - sheet.getMaxRows());
  if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  const range = sheet.getRange(1, 1, height, width);
  range.setValues(values);
  range.setBackgrounds(colours);
  if (fresh) {
    sheet.getRange(1, 1, 1, width).setFontWeight("bold");
    sheet.setFrozenRows(1);
    [8, 48, 16, 12].forEach((w, i) => sheet.setColumnWidth(i + 1, charsToPixels(w)));
  }
  return execution.rows.length;
}

const todayIn = (ss: Spreadsheet): string =>
  Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), "yyyy-MM-dd");

function requireRoadmap(ss: Spreadsheet, today: string): { checked: RoadmapValidation; execution: Execution } {
  const made = roadmapAndExecution(ss, today);
  if (!made)
    throw new UserError(
      `Нет вкладки «${ROADMAP_TITLE}». Выберите в меню дополнения «Создать вкладки «Дорожная карта» ` +
        `и «Распоряжение»» и заполните их.`,
    );
  return made;
}

export interface RoadmapDocument {
  url: string;
  name: string;
  errors: number;
  warnings: number;
  firstFindings: string[];
}

/** The order with its appendix as a Google Doc (a draft while the roadmap has errors). */
export function makeOrderDocument(ss: Spreadsheet): RoadmapDocument {
  const { checked } = requireRoadmap(ss, todayIn(ss));
  const model = buildOrderDoc(checked.roadmap, { draft: checked.summary.errors > 0 });
  const { url, name } = makeDocument(model, ownFolderId());
  return {
    url,
    name,
    errors: checked.summary.errors,
    warnings: checked.summary.warnings,
    firstFindings: checked.issues.slice(0, 8).map((i) => `${i.sheet}${i.cell ? `, ${i.cell}` : ""}: ${i.message}`),
  };
}

/** «Отчёт об исполнении дорожной карты» as a Google Doc, and the execution tab rewritten with it. */
export function makeExecutionDocument(ss: Spreadsheet): RoadmapDocument {
  const today = todayIn(ss);
  const { checked, execution } = requireRoadmap(ss, today);
  writeExecutionTab(ss, today);
  const model = buildExecutionDoc(checked.roadmap, execution, { draft: checked.summary.errors > 0 });
  const { url, name } = makeDocument(model, ownFolderId());
  return { url, name, errors: checked.summary.errors, warnings: checked.summary.warnings, firstFindings: [] };
}
