/**
 * One school on the dashboard: what was read (or why not) → the values of its Свод row.
 * The same function serves the Sheets refresh and `mip summary`, so both show the same
 * columns and states.
 */
import type { ValidationResult } from "../validate.js";
import { looksLikeMipWorkbook } from "../workbook.js";
import type { WorkbookGrid } from "../grid.js";
import { TEMPLATE_VERSION } from "../schema.js";
import { type SchoolDigest, digestOf, disseminationEvents, parseDigest, serialiseDigest } from "./digest.js";
import { SUMMARY_ALL_HEADERS, SUMMARY_HEADERS, summaryColumn } from "./headers.js";
import {
  type RowTone,
  type SchoolState,
  STATE_NOT_TEMPLATE,
  STATE_OK,
  STATE_OLD_TEMPLATE,
  stateFromText,
  stateHasFigures,
  stateText,
} from "./states.js";
import { wholePercent } from "../percent.js";

export interface SchoolRecord {
  /** The name the committee typed in Реестр, else the school's own short name, else the file name. */
  readonly organisation: string;
  /** The workbook link built from its id (Sheets) or the file path (local). */
  readonly link: string;
  /** Spreadsheet id (Sheets) or file path (local); the key for skipping unchanged workbooks. */
  readonly id: string;
  /** The workbook's last-modified time (ISO), "" when unknown. */
  readonly modified: string;
  /** When this row was refreshed, as the user reads it: «22.11.2026 21:40». */
  readonly updated: string;
  /** Link to the school's last report (built from a document id), "" when none. */
  readonly reportLink: string;
  readonly state: SchoolState;
  /** The validator's extract; null when the workbook could not be read. */
  readonly digest: SchoolDigest | null;
}

type SummaryValue = string | number;

export interface SummaryRow {
  /** One value per SUMMARY_ALL_HEADERS column. */
  readonly values: SummaryValue[];
  readonly tone: RowTone;
}

/** Number of columns the refresh writes per school (contract + service columns). */
export const SUMMARY_WIDTH = SUMMARY_ALL_HEADERS.length;

/** Workbook version check: null/empty means the version is unknown and is treated as current. */
function isOlderTemplate(version: string | null | undefined): boolean {
  if (version === null || version === undefined || String(version).trim() === "") return false;
  const seen = Number.parseFloat(String(version));
  const current = Number.parseFloat(TEMPLATE_VERSION);
  return Number.isFinite(seen) && seen < current;
}

/** State of a workbook that was read: not a template, an older template, or ОК. */
export function stateOfGrid(grid: WorkbookGrid): SchoolState {
  if (!looksLikeMipWorkbook(grid)) return STATE_NOT_TEMPLATE;
  return isOlderTemplate(grid.templateVersion) ? STATE_OLD_TEMPLATE : STATE_OK;
}

export interface SchoolSource {
  readonly organisation: string;
  readonly link: string;
  readonly id: string;
  readonly modified: string;
  readonly updated: string;
  readonly reportLink?: string;
}

/** A record for a workbook that was read and validated (the state says if it is a МИП template). */
export function readRecord(source: SchoolSource, grid: WorkbookGrid, result: ValidationResult | null): SchoolRecord {
  const state = stateOfGrid(grid);
  const digest = stateHasFigures(state) && result ? digestOf(result) : null;
  return {
    organisation: source.organisation || digest?.organisation || "",
    link: source.link,
    id: source.id,
    modified: source.modified,
    updated: source.updated,
    reportLink: source.reportLink ?? "",
    state,
    digest,
  };
}

/** A record for a workbook that could not be read at all. */
export function failedRecord(source: SchoolSource, state: SchoolState): SchoolRecord {
  return { ...source, reportLink: source.reportLink ?? "", state, digest: null };
}

const percent = (share: number | null | undefined): SummaryValue =>
  typeof share === "number" && Number.isFinite(share) ? wholePercent(share) : "";

/** The row's colour: errors red, warnings amber, clean green; unreadable grey. */
function toneOf(record: SchoolRecord): RowTone {
  const d = record.digest;
  if (!d || !stateHasFigures(record.state)) return "unreadable";
  if (d.summary.errors > 0) return "errors";
  if (d.summary.warnings > 0 || record.state.kind !== "ok") return "warnings";
  return "clean";
}

/** «Отчёт» column: the report link when the school made one, else whether it can be made. */
function reportCell(record: SchoolRecord): string {
  if (record.reportLink) return record.reportLink;
  const d = record.digest;
  if (!d) return "";
  return d.summary.errors > 0 ? "Черновик (есть ошибки)" : "Можно формировать";
}

/** The Свод row of one school: contract columns then service columns. */
export function schoolRow(record: SchoolRecord): SummaryRow {
  const d = record.digest;
  const m = d?.metrics;
  const contract: SummaryValue[] = [
    record.organisation,
    record.link,
    d?.reportType ?? "",
    d ? percent(d.summary.completeness) : "",
    d ? d.summary.errors : "",
    d ? d.summary.warnings : "",
    m ? percent(m.planExecution) : "",
    m ? m.deviations : "",
    m ? m.pairsActive : "",
    m ? m.mentors : "",
    m ? m.mentees : "",
    m ? m.participantsTotal : "",
    m ? disseminationEvents(m) : "",
    reportCell(record),
    record.updated,
    stateText(record.state),
  ];
  if (contract.length !== SUMMARY_HEADERS.length) throw new Error("Свод row does not match its headers");
  return { values: [...contract, record.id, record.modified, d ? serialiseDigest(d) : ""], tone: toneOf(record) };
}

/** What a refresh needs back from a Свод row written earlier. */
export interface StoredRow {
  readonly id: string;
  readonly modified: string;
  readonly record: SchoolRecord;
}

const text = (value: unknown): string => (value === null || value === undefined ? "" : String(value));

/** A Свод row read back (values as getValues returns them) → the record it was written from. */
export function storedRowOf(values: readonly unknown[]): StoredRow | null {
  const at = (header: (typeof SUMMARY_ALL_HEADERS)[number]): string => text(values[summaryColumn(header)]);
  const id = at("ID таблицы");
  if (id === "" && at("Организация") === "") return null;
  const record: SchoolRecord = {
    organisation: at("Организация"),
    link: at("Ссылка"),
    id,
    modified: at("Изменена"),
    updated: at("Обновлено"),
    reportLink: /^https:\/\//.test(at("Отчёт")) ? at("Отчёт") : "",
    state: stateFromText(at("Состояние")),
    digest: parseDigest(at("Данные для справки")),
  };
  return { id, modified: record.modified, record };
}
