/**
 * Live validation from the simple onEdit trigger (limited authorisation, 30 s): re-checks the
 * edited tab with the rule families that read it (validateWorkbook's onlyTabs), reading only
 * the tabs those families need, and refreshes that tab's marks. Nothing happens until the
 * user has run «Проверить таблицу» once (marks are then expected to stay current).
 * Every edit of a template tab moves the change stamp the committee reads. The document
 * properties (one getProperties under the lock), the time zone with today's date (one
 * Utilities call) and the edited tab's data range are fetched once per edit; marks that come
 * out as they were are not rewritten (marks.ts).
 */
import { fold } from "../core/fold.js";
import { RULE_FAMILIES } from "../core/rules/index.js";
import { type TabKey, TABS } from "../core/schema.js";
import { validateWorkbook } from "../core/validate.js";
import { markOneSheet } from "./marks.js";
import { underDocumentLock } from "./document-lock.js";
import { KEYS, propertySnapshot, stampChange } from "./properties.js";
import { readTabs, sheetValues, tabFromValues, zoneClock } from "./read-sheets.js";

/** A simple trigger has 30 s in all; waiting longer for the lock would risk the re-check itself. */
const LIVE_LOCK_WAIT_MS = 5_000;

/**
 * Tabs every check needs for its context: the period and the report date («Общие сведения»).
 * «Настройки» is read only by the families that declare it (the mentee limit is the one
 * setting a rule uses).
 */
const CONTEXT_TABS: readonly TabKey[] = ["general"];

/** Template tab keys a live re-check of `edited` must read. */
export function tabsToRead(edited: TabKey): TabKey[] {
  const keys = new Set<TabKey>([edited, ...CONTEXT_TABS]);
  for (const family of RULE_FAMILIES) if (family.reads.includes(edited)) family.reads.forEach((k) => keys.add(k));
  return TABS.map((t) => t.key).filter((k) => keys.has(k));
}

export interface LiveResult {
  sheet: string;
  issues: number;
}

export function recheckAfterEdit(e: GoogleAppsScript.Events.SheetsOnEdit | undefined): LiveResult | null {
  if (!e || !e.range) return null;
  if (e.authMode && String(e.authMode) === String(ScriptApp.AuthMode.NONE)) return null;
  const sheet = e.range.getSheet();
  const title = sheet.getName();
  const tab = TABS.find((t) => fold(t.title) === fold(title));
  if (!tab) return null;
  const props = PropertiesService.getDocumentProperties();
  // An open sidebar polls this stamp and refreshes its findings after the edit.
  // The time alone could repeat (two edits in one millisecond, a frozen test clock): a random tail
  // makes every edit a new stamp, at no service call.
  props.setProperty(KEYS.editStamp, `${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 10)}`);
  // The event's own spreadsheet (https://developers.google.com/apps-script/guides/triggers/events#edit: `source`).
  const ss = e.source ?? sheet.getParent();
  stampChange(ss);
  // A busy document (a report being made, a full check) skips this edit: the stamp above
  // already tells an open sidebar to re-check, and the next edit or check refreshes marks.
  return underDocumentLock(
    LIVE_LOCK_WAIT_MS,
    () => null,
    () => {
      // Read under the lock: another edit's run may just have rewritten the marks.
      const stored = propertySnapshot(props.getProperties());
      if (stored.getProperty(KEYS.live) !== "1") return null;
      const timeZone = ss.getSpreadsheetTimeZone();
      const { today, offsetMinutes } = zoneClock(timeZone);
      const values = sheetValues(sheet);
      const edited = tabFromValues(title, values, offsetMinutes);
      const titles = tabsToRead(tab.key).map((k) => (k === tab.key ? title : TABS.find((t) => t.key === k)!.title));
      const grid = readTabs(ss, titles, timeZone, [edited], offsetMinutes);
      const result = validateWorkbook(grid, { today, onlyTabs: [tab.key] });
      const issues = result.issues.filter((i) => i.sheet === tab.title);
      const size = { rows: values.length, columns: values[0]?.length ?? 0 };
      markOneSheet(sheet, issues, props, stored, size, title);
      return { sheet: title, issues: issues.length };
    },
  );
}
