import type { Issue, RuleId, Severity } from "../issues.js";
import type { TabKey } from "../schema.js";
import type { IsoDate, Period } from "../terms/types.js";
import type { Workbook } from "../workbook.js";

export interface Settings {
  maxMentees: number;
  strict: boolean;
  orientation: "portrait" | "landscape";
  reportFolder: string;
}

export interface RuleContext {
  readonly workbook: Workbook;
  /** Reporting period, null when it cannot be read. */
  readonly period: Period | null;
  /** Report date: `--report-date`, else the workbook's «Дата отчёта», else today. */
  readonly reportDate: IsoDate;
  /**
   * True when neither a period nor a report date could be read from the workbook (nor was
   * one given): missing years then come from today, so rules comparing terms across rows
   * stay silent rather than quote a made-up year.
   */
  readonly yearsGuessed?: boolean;
  readonly reportType: "interim" | "final" | null;
  readonly settings: Settings;
  /** Record a finding; severity defaults to the catalogue's. */
  emit(issue: Omit<Issue, "severity"> & { severity?: Severity }): void;
}

/** A group of rules that reads the listed tabs (used to re-check only what an edit touches). */
export interface RuleFamily {
  readonly name: string;
  readonly reads: readonly TabKey[];
  readonly ids: readonly RuleId[];
  check(ctx: RuleContext): void;
}

/** Options of one validation run. */
export interface ValidateOptions {
  /** Overrides the workbook's «Дата отчёта» (CLI `--report-date`). */
  readonly reportDate?: IsoDate;
  /** Today's date, injectable for tests; defaults to the system date. */
  readonly today?: IsoDate;
  /** Only run rule families that read one of these tabs (live re-check after an edit). */
  readonly onlyTabs?: readonly TabKey[];
}
