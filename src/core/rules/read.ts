/**
 * Shared helpers for rule families: reading cells as text or list values, and emitting
 * findings with their full location (tab title, row, header, A1 cell).
 */
import { memo, textOf } from "../cells.js";
import { fold } from "../fold.js";
import type { Cell } from "../grid.js";
import type { Said, Severity } from "../issues.js";
import {
  type ColumnKey,
  type FieldKey,
  type KeyValueTabKey,
  type TableTabDef,
  type TableTabKey,
  KEY_VALUE_HEADERS,
  TABS,
} from "../schema.js";
import { a1 } from "../schema-lookup.js";
import { type ParsedTable, type TableRow, cellRef } from "../workbook.js";
import type { RuleContext } from "./types.js";

/** The one reading of a cell (cells.ts): rules read text, counts and list values from there. */
export { enumValue, textOf } from "../cells.js";

/** The cell of one column of a table row (null when the row is short). */
export function cellAt<K extends TableTabKey>(row: TableRow<K>, key: ColumnKey<K>): Cell {
  return row.cells[key] ?? null;
}

/** Trimmed visible text of one column of a table row. */
export function text<K extends TableTabKey>(row: TableRow<K>, key: ColumnKey<K>): string {
  return textOf(row.cells[key]);
}

export function isBlank<K extends TableTabKey>(row: TableRow<K>, key: ColumnKey<K>): boolean {
  return textOf(row.cells[key]) === "";
}

/** Header text of a column, from the schema. */
export function headerOf(tableKey: TableTabKey, key: string): string {
  return HEADERS.get(tableKey)?.get(key) ?? key;
}

const HEADERS = new Map<string, ReadonlyMap<string, string>>(
  TABS.flatMap((tab) =>
    tab.type === "table"
      ? [[tab.key, new Map((tab as TableTabDef).columns.map((c) => [c.key, c.header]))] as const]
      : [],
  ),
);

const identityMemo = new Map<string, string>();
const orgKeyMemo = new Map<string, string>();

/** A finding made by `say`, with the severity when it is not the catalogue's. */
type Located = Said & { readonly severity?: Severity };

/** A finding about one cell of a table row. */
export function emitAt<K extends TableTabKey>(
  ctx: RuleContext,
  table: ParsedTable<K>,
  row: TableRow<K>,
  key: ColumnKey<K>,
  issue: Located,
): void {
  ctx.emit({
    rule: issue.rule,
    sheet: table.title,
    row: row.row,
    column: headerOf(table.key, key),
    cell: cellRef(table, row, key),
    message: issue.message,
    ...(issue.severity ? { severity: issue.severity } : {}),
  });
}

/** A finding about a whole tab. */
export function emitTab(ctx: RuleContext, sheet: string, issue: Located): void {
  ctx.emit({
    rule: issue.rule,
    sheet,
    row: null,
    column: null,
    cell: null,
    message: issue.message,
    ...(issue.severity ? { severity: issue.severity } : {}),
  });
}

/** A finding about a key-value field: the value cell (column B of the label's row). */
export function emitField<K extends KeyValueTabKey>(
  ctx: RuleContext,
  tabKey: K,
  key: FieldKey<K>,
  issue: Located,
): void {
  const tab = ctx.workbook.kv[tabKey];
  const row = tab.fields[key]?.row ?? null;
  ctx.emit({
    rule: issue.rule,
    sheet: tab.title,
    row,
    column: KEY_VALUE_HEADERS[1],
    cell: row === null ? null : a1(row, 1),
    message: issue.message,
    ...(issue.severity ? { severity: issue.severity } : {}),
  });
}

/** Value cell of a key-value field. */
export function fieldCell<K extends KeyValueTabKey>(
  ctx: Pick<RuleContext, "workbook">,
  tabKey: K,
  key: FieldKey<K>,
): Cell {
  return ctx.workbook.kv[tabKey].fields[key]?.value ?? null;
}

export function fieldText<K extends KeyValueTabKey>(
  ctx: Pick<RuleContext, "workbook">,
  tabKey: K,
  key: FieldKey<K>,
): string {
  return textOf(fieldCell(ctx, tabKey, key));
}

/** Identity of a person, an organisation or a subject: folded text (case, ё, quotes, spaces, `№ 4`). */
export function identity(value: string): string {
  return memo(identityMemo, value, fold);
}

/** Folded organisation name; also ignores a trailing dot and spaces around dashes. */
export function orgKey(name: string): string {
  return memo(orgKeyMemo, name, (n) =>
    fold(n)
      .replace(/\s*[-–—]\s*/g, "-")
      .replace(/[.\s]+$/, ""),
  );
}

const reasonMemo = new Map<string, boolean>();
const actionMemo = new Map<string, boolean>();

const memoFlag = (cache: Map<string, boolean>, value: string, compute: (v: string) => boolean): boolean =>
  memo(cache, value, compute, 20_000);

/** Only dashes, dots or nothing: «-», «—», «--», «.». */
const EMPTY_MARK = /^[\s\-–—.…]*$/;

/**
 * True when a «Причины отклонения» text says there was no deviation: «Отклонений нет»,
 * «нет», «-», «Отклонений по данному направлению нет.», «без отклонений».
 */
export function reasonSaysNone(value: string): boolean {
  return memoFlag(reasonMemo, value, reasonSaysNoneUncached);
}

function reasonSaysNoneUncached(value: string): boolean {
  if (EMPTY_MARK.test(value)) return true;
  const t = fold(value).replace(/[.!;,\s]+$/, "");
  if (/^(нет|не было|отсутствуют|не имеется|без отклонений)$/.test(t)) return true;
  return (
    /отклонени/.test(t) &&
    t.length <= 120 &&
    /(^нет(\s|$)|(^|\s)нет$|отсутству|не было|не выявлен|без отклонени)/.test(t)
  );
}

/**
 * True when a «Управленческие действия» text says nothing was done: «-», «нет»,
 * «Управленческие решения не понадобились», «не требуется».
 */
export function actionSaysNone(value: string): boolean {
  return memoFlag(actionMemo, value, actionSaysNoneUncached);
}

function actionSaysNoneUncached(value: string): boolean {
  if (EMPTY_MARK.test(value)) return true;
  const t = fold(value).replace(/[.!;,\s]+$/, "");
  if (/^(нет|не было|не требуется|не требовались|не принимались|не проводились|отсутствуют)$/.test(t)) return true;
  return t.length <= 80 && /не (требова|требу|понадоб|принима|проводил)/.test(t);
}

const surnameMemo = new Map<string, string>();

/**
 * A person's name as «фамилия и.о.» (folded) so that «Иванова Анна Петровна»,
 * «Иванова А.П.», «Иванова А. П.» and «А.П. Иванова» compare equal.
 */
export function surnameInitialsKey(name: string): string {
  return memo(surnameMemo, name, surnameInitialsKeyUncached);
}

function surnameInitialsKeyUncached(name: string): string {
  const tokens = name
    .replace(/\s+/g, " ")
    .trim()
    .split(" ")
    .filter((t) => t !== "");
  if (tokens.length === 0) return "";
  const isInitials = (t: string): boolean => /^(?:\p{Lu}\.\s?-?)+$/u.test(t) || /^\p{Lu}$/u.test(t);
  let surname: string;
  let rest: string[];
  if (tokens.length > 1 && isInitials(tokens[0]!) && !isInitials(tokens[tokens.length - 1]!)) {
    surname = tokens[tokens.length - 1]!;
    rest = tokens.slice(0, -1);
  } else {
    surname = tokens[0]!;
    rest = tokens.slice(1);
  }
  const letters = rest
    .flatMap((t) => t.split("."))
    .map((t) => t.trim())
    .filter((t) => t !== "")
    .map((t) => t.charAt(0));
  return fold(`${surname} ${letters.join(".")}`);
}

/** «Иванова Анна Петровна» → «Иванова А.П.» for messages (never changes what is stored). */
export function shortName(name: string): string {
  const tokens = name.replace(/\s+/g, " ").trim().split(" ");
  if (tokens.length !== 3 || tokens.some((t) => t.includes("."))) return name.replace(/\s+/g, " ").trim();
  return `${tokens[0]} ${tokens[1]!.charAt(0)}.${tokens[2]!.charAt(0)}.`;
}
