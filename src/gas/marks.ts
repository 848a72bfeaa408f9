/**
 * Validation marks in the sheet: a colour by severity and a note with the message, written
 * in batches per tab and never cell by cell.
 *
 * Colours are conditional format rules (one per severity, over a RangeList of the marked
 * cells) with a formula tagged «МИП-отчёт»: they overlay the cells' own backgrounds without
 * changing them, and «Убрать подсветку» removes exactly these rules. Messages are appended to
 * a cell's note below a fixed header line; removing them restores the user's own note
 * character for character. The bounding box of annotated cells per tab is remembered in
 * document properties so clearing reads only that box, and so is a digest of each tab's marks:
 * a live re-check whose marks come out the same as last written touches neither rules nor notes
 * (Sheets moves both with the cells when rows are inserted or deleted, so they are still in place).
 */
import type { Issue, Severity } from "../core/issues.js";
import { columnLetter } from "../core/schema-lookup.js";
import { SEVERITY_COLOURS, SEVERITY_LABELS } from "../core/severity.js";
import { KEYS, type MarkBox, deleteKey, readJson } from "./properties.js";
import { fingerprint } from "./fingerprint.js";
import { isTemplateTitle } from "./read-sheets.js";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const MARK_TAG = "МИП-отчёт";
/** Always true in Sheets (N of text is 0); the quoted tag identifies the add-on's rules. */
const MARK_FORMULA = `=N("${MARK_TAG}")=0`;
const NOTE_HEADER = "▶ МИП-отчёт, проверка:";
const NOTE_SEPARATOR = "\n\n";
const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** The user's own part of a note (the add-on's section removed). */
function userNote(note: string): string {
  const at = note.indexOf(NOTE_HEADER);
  if (at < 0) return note;
  const before = note.slice(0, at);
  return before.endsWith(NOTE_SEPARATOR) ? before.slice(0, -NOTE_SEPARATOR.length) : before;
}

function withMessages(note: string, messages: readonly string[]): string {
  const own = userNote(note);
  const ours = `${NOTE_HEADER}\n${messages.join("\n")}`;
  return own ? `${own}${NOTE_SEPARATOR}${ours}` : ours;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

interface Mark {
  row: number;
  col: number;
  severity: Severity;
  messages: string[];
}

/** Where an issue is shown: its cell; a row finding on column A of the row; a tab finding on A1. */
function markPosition(issue: Issue): { row: number; col: number } {
  const m = issue.cell ? /^([A-Z]+)(\d+)$/i.exec(issue.cell) : null;
  if (m) return { row: Number(m[2]), col: columnNumber(m[1]!) };
  return { row: issue.row ?? 1, col: 1 };
}

function collectMarks(issues: readonly Issue[]): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  for (const issue of issues) {
    const { row, col } = markPosition(issue);
    const key = `${row}:${col}`;
    const line = `${SEVERITY_LABELS[issue.severity]}: ${issue.message}`;
    const mark = marks.get(key);
    if (!mark) marks.set(key, { row, col, severity: issue.severity, messages: [line] });
    else {
      if (SEVERITIES.indexOf(issue.severity) < SEVERITIES.indexOf(mark.severity)) mark.severity = issue.severity;
      mark.messages.push(line);
    }
  }
  return marks;
}

/** A1 ranges covering the cells, merging vertical runs in a column (fewer ranges in the rule). */
function runsA1(cells: readonly { row: number; col: number }[]): string[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const out: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i]!;
    let end = start;
    while (i + 1 < sorted.length && sorted[i + 1]!.col === start.col && sorted[i + 1]!.row === end.row + 1)
      end = sorted[++i]!;
    const letters = columnLetter(start.col - 1);
    out.push(end.row === start.row ? `${letters}${start.row}` : `${letters}${start.row}:${letters}${end.row}`);
    i++;
  }
  return out;
}

function isOurRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  const condition = rule.getBooleanCondition();
  return !!condition && condition.getCriteriaValues().some((v) => typeof v === "string" && v.includes(MARK_TAG));
}

function boxOf(marks: Iterable<Mark>): MarkBox | null {
  let box: MarkBox | null = null;
  for (const m of marks)
    box = box
      ? [Math.min(box[0], m.row), Math.min(box[1], m.col), Math.max(box[2], m.row), Math.max(box[3], m.col)]
      : [m.row, m.col, m.row, m.col];
  return box;
}

function union(a: MarkBox | null, b: MarkBox | null): MarkBox | null {
  if (!a) return b;
  if (!b) return a;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

function replaceRules(sheet: Sheet, marks: Map<string, Mark>): void {
  const rules = sheet.getConditionalFormatRules();
  const theirs = rules.filter((r) => !isOurRule(r));
  const bySeverity = SEVERITIES.map((severity) => ({
    severity,
    a1: runsA1([...marks.values()].filter((m) => m.severity === severity)),
  })).filter((s) => s.a1.length > 0);
  if (bySeverity.length === 0 && theirs.length === rules.length) return;
  // One RangeList for every severity's cells, split back by position.
  const ranges = bySeverity.length > 0 ? sheet.getRangeList(bySeverity.flatMap((s) => s.a1)).getRanges() : [];
  let at = 0;
  const ours = bySeverity.map(({ severity, a1 }) => {
    const own = ranges.slice(at, at + a1.length);
    at += a1.length;
    return SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(MARK_FORMULA)
      .setBackground(SEVERITY_COLOURS[severity])
      .setRanges(own)
      .build();
  });
  // Ours first: the first matching rule wins, so a finding stays visible over the user's own rules.
  sheet.setConditionalFormatRules([...ours, ...theirs]);
}

function rewriteNotes(
  sheet: Sheet,
  box: MarkBox,
  marks: Map<string, Mark>,
  previous: MarkBox | null,
  dataSize?: DataSize,
): void {
  const [top, left] = box;
  let [, , bottom, right] = box;
  const insideData = !!dataSize && bottom <= dataSize.rows && right <= dataSize.columns;
  if (previous && !insideData) {
    // Rows or columns may have been deleted since the last check.
    bottom = Math.min(bottom, sheet.getMaxRows());
    right = Math.min(right, sheet.getMaxColumns());
    if (bottom < top || right < left) return;
  }
  const range = sheet.getRange(top, left, bottom - top + 1, right - left + 1);
  const notes = range.getNotes();
  let changed = false;
  const next = notes.map((row, r) =>
    row.map((note, c) => {
      const mark = marks.get(`${top + r}:${left + c}`);
      const value = mark ? withMessages(note, mark.messages) : userNote(note);
      if (value !== note) changed = true;
      return value;
    }),
  );
  if (changed) range.setNotes(next);
}

/**
 * Where old messages may sit: the remembered box, widened to the tab's data, since rows the
 * user inserted or deleted move notes out of the box they were written in.
 */
function oldMessagesBox(sheet: Sheet, previous: MarkBox | null, dataSize?: DataSize): MarkBox | null {
  if (!previous) return null;
  if (dataSize) return union(previous, [1, 1, Math.max(1, dataSize.rows), Math.max(1, dataSize.columns)]);
  const data = sheet.getDataRange();
  return union(previous, [1, 1, data.getLastRow(), data.getLastColumn()]);
}

/** The tab's data range size when the caller has just read it (onEdit reads it once). */
export interface DataSize {
  readonly rows: number;
  readonly columns: number;
}

/**
 * A tab's marks in a few characters, in two parts: the colours (cells and severities — the
 * conditional format rules) and the notes (cells and messages). Equal parts, equal rules or notes.
 */
function marksDigest(marks: Map<string, Mark>): string {
  const list = [...marks.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  const colours = fingerprint(JSON.stringify(list.map((m) => [m.row, m.col, m.severity])));
  const notes = fingerprint(JSON.stringify(list.map((m) => [m.row, m.col, m.messages])));
  return `${colours}.${notes}`;
}

const sameBox = (a: MarkBox | null, b: MarkBox | null): boolean =>
  a === b || (!!a && !!b && a.every((v, i) => v === b[i]));

interface TabMarks {
  /** The annotated box (null: nothing marked). */
  readonly box: MarkBox | null;
  readonly digest: string;
  /** False when the marks were already as written and nothing was touched. */
  readonly written: boolean;
}

/**
 * Replaces the add-on's marks on one tab. `previousDigest`: the digest stored with `previous`;
 * the colours are left alone when their part of the digest is unchanged, the notes when theirs
 * and the box are, so an edit that changes no finding touches neither.
 */
function markSheet(
  sheet: Sheet,
  issues: readonly Issue[],
  previous: MarkBox | null,
  dataSize?: DataSize,
  previousDigest?: string,
): TabMarks {
  const marks = collectMarks(issues);
  const digest = marksDigest(marks);
  const box = boxOf(marks.values());
  const [colours, notes] = digest.split(".");
  const [oldColours, oldNotes] = (previousDigest ?? "").split(".");
  const sameNotes = oldNotes === notes && sameBox(previous, box);
  if (oldColours === colours && sameNotes) return { box, digest, written: false };
  if (oldColours !== colours) replaceRules(sheet, marks);
  const all = sameNotes ? null : union(oldMessagesBox(sheet, previous, dataSize), box);
  if (all) rewriteNotes(sheet, all, marks, previous, dataSize);
  return { box, digest, written: true };
}

function storedBoxes(store?: GoogleAppsScript.Properties.Properties): Record<string, MarkBox> {
  return readJson<Record<string, MarkBox>>(KEYS.marks, {}, store);
}

function storedDigests(store?: GoogleAppsScript.Properties.Properties): Record<string, string> {
  return readJson<Record<string, string>>(KEYS.markDigests, {}, store);
}

/** A tab and its title, as the check that precedes the marking has just read them. */
export interface NamedSheet {
  readonly sheet: Sheet;
  readonly title: string;
}

/**
 * Marks every template tab from a full validation and turns live re-checking on. `tabs`: the tabs
 * with the titles the check has just read (not asked again); by default asked here.
 */
export function markWorkbook(
  ss: Spreadsheet,
  issues: readonly Issue[],
  tabs: readonly NamedSheet[] = ss.getSheets().map((sheet) => ({ sheet, title: sheet.getName() })),
  store: GoogleAppsScript.Properties.Properties = PropertiesService.getDocumentProperties(),
): void {
  // Read here, under the lock the caller holds: an edit's run may just have rewritten the boxes.
  const previous = storedBoxes(store);
  const boxes: Record<string, MarkBox> = {};
  const digests: Record<string, string> = {};
  for (const { sheet, title } of tabs) {
    if (!isTemplateTitle(title) && !previous[title]) continue;
    // A full check writes every tab whatever its digest: it is also how marks a user removed by hand come back.
    const { box, digest } = markSheet(
      sheet,
      issues.filter((i) => i.sheet === title),
      previous[title] ?? null,
    );
    if (box) boxes[title] = box;
    digests[title] = digest;
  }
  store.setProperties({
    [KEYS.marks]: JSON.stringify(boxes),
    [KEYS.markDigests]: JSON.stringify(digests),
    [KEYS.live]: "1",
  });
}

/**
 * Marks live in one document property (the note boxes by tab) that a full check, a live
 * re-check after each edit and «Убрать подсветку» all read and rewrite; onEdit runs are
 * separate executions that can overlap, so every rewrite runs under the document lock
 * (document-lock.ts). A full check or «Убрать подсветку» waits this long for it.
 */
export const MARKS_LOCK_WAIT_MS = 20_000;

/** What a user sees when marks cannot be changed right now (a report or another check runs). */
export const MARKS_BUSY =
  "Таблица сейчас занята: формируется отчёт или идёт другая проверка. Подсветка не изменена — повторите через минуту.";

/**
 * Refreshes one tab's marks (live re-check after an edit). `stored`: the document properties
 * as the edit read them (under the document lock), `store` where to write; `dataSize`: the tab's
 * data size the edit already fetched, so nothing is asked twice. Writes the properties only when
 * the marks changed.
 */
export function markOneSheet(
  sheet: Sheet,
  issues: readonly Issue[],
  store: GoogleAppsScript.Properties.Properties,
  stored: GoogleAppsScript.Properties.Properties,
  dataSize?: DataSize,
  title = sheet.getName(),
): void {
  const boxes = storedBoxes(stored);
  const digests = storedDigests(stored);
  const marks = markSheet(sheet, issues, boxes[title] ?? null, dataSize, digests[title]);
  if (!marks.written) return;
  if (marks.box) boxes[title] = marks.box;
  else delete boxes[title];
  digests[title] = marks.digest;
  store.setProperties({ [KEYS.marks]: JSON.stringify(boxes), [KEYS.markDigests]: JSON.stringify(digests) });
}

/** «Убрать подсветку»: removes exactly the add-on's rules and note sections; returns how many tabs had marks. */
export function clearMarks(ss: Spreadsheet): number {
  const boxes = storedBoxes();
  let cleared = 0;
  for (const sheet of ss.getSheets()) {
    const title = sheet.getName();
    const rules = sheet.getConditionalFormatRules();
    const theirs = rules.filter((r) => !isOurRule(r));
    const box = boxes[title];
    if (theirs.length !== rules.length) sheet.setConditionalFormatRules(theirs);
    if (box) rewriteNotes(sheet, oldMessagesBox(sheet, box)!, new Map(), box);
    if (theirs.length !== rules.length || box) cleared++;
  }
  deleteKey(KEYS.marks);
  deleteKey(KEYS.markDigests);
  deleteKey(KEYS.live);
  return cleared;
}
