/**
 * A committee spreadsheet on the shared Apps Script fake (test/gas/fake), plus what committee mode needs on
 * top of it (installed here, additively, without changing the shared fake):
 * - what stands between the shared fake's Sheets advanced service (test/gas/fake/sheets-api.ts)
 *   and a school's workbook: denied, deleted, quota errors, drive.file, each workbook's locale;
 * - a modelled clock: each opened workbook costs `openCostMs` of script time, so the 6-minute
 *   limit can be simulated;
 * - Sheets' input parsing for setValues/setValue: a leading apostrophe is the quote prefix
 *   (stored as plain text, not part of the value); any other string starting with = + - @
 *   would become a formula — recorded in `formulaWrites`, which tests require to stay empty;
 * - Sheet.hideColumns, which the shared fake does not model yet;
 * - Apps Script's execution limit when `executionLimitMs` is set (a run past it is killed);
 * - `triggerLimits.refuseAll`: every trigger create() refused (the add-on trigger rules — one
 *   time-driven trigger per user per document, at most hourly — are the shared fake's own).
 * It runs the committee deployment (dist/committee/) under its manifest's scopes. A school's
 * change stamp is its developer metadata «mip.changeStamp» (DOCUMENT visibility): `modified`
 * writes it, as the school's add-on does on edit.
 */
import type { WorkbookGrid } from "../../src/core/grid.js";
import { REGISTRY_HEADERS, REGISTRY_TITLE } from "../../src/core/committee/index.js";
import { join } from "node:path";
import {
  ADDON_TRIGGER_LIMIT,
  CallCounter,
  manifestScopes,
  FakeRange,
  FakeSheet,
  FakeSpreadsheet,
  spreadsheetFromGrid,
} from "../gas/fake/index.js";
import { COMMITTEE_DIST, type GasEnvironment, createGasEnvironment, ensureBundleBuilt } from "../gas/load-bundle.js";

export interface SchoolSheet {
  id: string;
  organisation: string;
  /** What the Реестр link cell holds (default: a full URL built from the id). */
  link?: string;
  grid?: WorkbookGrid;
  denied?: boolean;
  /**
   * A workbook the committee neither created nor was granted (a school's own older sheet): under
   * drive.file the Sheets API refuses it; the opt-in deployment's spreadsheets.readonly reads it.
   * Default: the committee's own (created by it, or picked and so granted).
   */
  foreign?: boolean;
  deleted?: boolean;
  modified?: string;
  /** Script time the batch read of this workbook costs (default: the env's openCostMs). */
  openCostMs?: number;
  /** The workbook's locale (Spreadsheets.get properties.locale); "en_US" formats dates M/D/YYYY. Default ru_RU. */
  locale?: string;
}

export interface CommitteeEnv extends GasEnvironment {
  committee: FakeSpreadsheet;
  schools: Map<string, FakeSpreadsheet>;
  modified: Map<string, string>;
  /** Errors the Sheets advanced service throws for a school id (rate limits, missing scopes…). */
  sheetsErrors: Map<string, string>;
  formulaWrites: string[];
  clock: { ms: number };
  openCostMs: number;
  /** The bundle's global object (the advanced services Sheets and Drive live there). */
  bundleGlobal: Record<string, unknown>;
  triggers(): { handler: string; everyHours: number | null; afterMs: number | null }[];
  /** Calls a top-level function of the bundle (menu item, trigger handler). */
  run(name: string, ...args: unknown[]): any;
}

const FORMULA_LIKE = /^[=+\-@]/;

export { ADDON_TRIGGER_LIMIT };

export interface TriggerLimits {
  /** Every create() throws this message. */
  refuseAll?: string;
}
const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

let patched = false;
let currentFormulaLog: string[] = [];

function patchFakeOnce(): void {
  if (patched) return;
  patched = true;
  const parse = (sheet: FakeSheet, row: number, col: number, v: unknown): unknown => {
    if (typeof v !== "string") return v;
    if (v.startsWith("'")) return v.slice(1);
    if (FORMULA_LIKE.test(v) && !NUMBER.test(v)) currentFormulaLog.push(`${sheet._name}!R${row}C${col}: ${v}`);
    return v;
  };
  const setValues = FakeRange.prototype.setValues;
  FakeRange.prototype.setValues = function (this: FakeRange, values: unknown[][]) {
    const parsed = Array.isArray(values)
      ? values.map((row, r) =>
          Array.isArray(row) ? row.map((v, c) => parse(this._sheet, this._row + r, this._col + c, v)) : row,
        )
      : values;
    return setValues.call(this, parsed as never[][]);
  };
  const setValue = FakeRange.prototype.setValue;
  FakeRange.prototype.setValue = function (this: FakeRange, value: unknown) {
    return setValue.call(this, parse(this._sheet, this._row, this._col, value) as never);
  };
  (FakeSheet.prototype as unknown as { hideColumns(c: number, n?: number): unknown }).hideColumns = function (
    this: FakeSheet,
  ) {
    return this;
  };
}

export function registryRows(schools: readonly SchoolSheet[]): unknown[][] {
  return [
    [...REGISTRY_HEADERS],
    ...schools.map((s) => [
      s.organisation,
      s.link ?? `https://docs.google.com/spreadsheets/d/${s.id}/edit#gid=0`,
      "Петрова Е.В.",
      "p@example.ru",
    ]),
  ];
}

export interface CommitteeEnvOptions {
  /** Script time one batch read of a workbook costs (default 2 s). */
  openCostMs?: number;
  /** Script time of the metadata read (Spreadsheets.get, which also brings the change stamp). */
  metaCostMs?: number;
  counter?: CallCounter;
  triggerLimits?: TriggerLimits;
  /**
   * Apps Script's execution limit (6 minutes = 360_000): past it, every service call throws and
   * the run ends — `run` then returns "killed". Apps Script releases the run's locks.
   */
  executionLimitMs?: number;
  /** Scopes granted beyond the committee manifest's (to show what a wider deployment could do). */
  extraScopes?: readonly string[];
}

export function committeeEnv(schoolList: readonly SchoolSheet[], options: CommitteeEnvOptions = {}): CommitteeEnv {
  patchFakeOnce();
  ensureBundleBuilt();
  const counter = options.counter ?? new CallCounter();
  const committee = new FakeSpreadsheet("committee-sheet", "Свод МИП — комитет", counter);
  counter.paused(() => {
    const registry = committee._addSheet(REGISTRY_TITLE, { rows: Math.max(1000, schoolList.length + 10) });
    const rows = registryRows(schoolList);
    registry
      .getRange(1, 1, rows.length, 4)
      .setValues(rows.map((r) => r.map((v) => (typeof v === "string" && FORMULA_LIKE.test(v) ? `'${v}` : v))));
  });
  const pushed = manifestScopes(join(COMMITTEE_DIST, "appsscript.json"));
  const env = createGasEnvironment({
    spreadsheet: committee,
    counter,
    deployment: "committee",
    scopes: [...pushed, ...(options.extraScopes ?? [])],
  });
  if (options.triggerLimits?.refuseAll) env.fake.scriptApp._refuseAll = options.triggerLimits.refuseAll;
  const schools = new Map<string, FakeSpreadsheet>();
  // Setting a school's modified time writes its change stamp, as its add-on does on an edit.
  const modified = new (class extends Map<string, string> {
    override set(id: string, stamp: string): this {
      super.set(id, stamp);
      const ss = schools.get(id);
      if (ss)
        counter.paused(() => {
          ss._metadata = ss._metadata.filter((m) => m._json().key !== "mip.changeStamp");
          ss.addDeveloperMetadata("mip.changeStamp", stamp);
        });
      return this;
    }
  })();
  // Schools sharing one grid object share one fake spreadsheet (1,000 schools in the bench).
  const byGrid = new Map<WorkbookGrid, FakeSpreadsheet>();
  for (const s of schoolList) {
    if (!s.grid || s.deleted) continue;
    const ss = byGrid.get(s.grid) ?? spreadsheetFromGrid(s.grid, counter, s.id);
    byGrid.set(s.grid, ss);
    schools.set(s.id, ss);
    if (!s.denied) env.fake.spreadsheetApp._others.set(s.id, ss);
    // In the fake Drive, so that the drive.file rule (file-access.ts) knows whose file it is.
    counter.paused(() => env.fake.drive._addUserItem({ id: s.id, name: s.organisation, granted: !s.foreign }));
    modified.set(s.id, s.modified ?? "2022-12-01T09:00:00.000Z");
  }
  const denied = new Set(schoolList.filter((s) => s.denied).map((s) => s.id));
  const locales = new Map(schoolList.flatMap((s) => (s.locale === undefined ? [] : [[s.id, s.locale] as const])));
  const openCost = new Map(
    schoolList.flatMap((s) => (s.openCostMs === undefined ? [] : [[s.id, s.openCostMs] as const])),
  );
  const clock = { ms: Date.parse("2022-12-20T10:00:00+03:00") };
  const result: CommitteeEnv = {
    ...env,
    committee,
    schools,
    modified,
    sheetsErrors: new Map(),
    formulaWrites: [],
    clock,
    openCostMs: options.openCostMs ?? 2_000,
    bundleGlobal: {},
    run: (name, ...args) => {
      const fn = env.fns[name];
      if (!fn) throw new Error(`dist/Code.js has no function ${name}`);
      if (options.executionLimitMs === undefined) return fn(...args);
      execution.deadline = clock.ms + options.executionLimitMs;
      execution.killed = false;
      try {
        const value = fn(...args);
        return execution.killed ? "killed" : value;
      } catch (error) {
        if (execution.killed) return "killed";
        throw error;
      } finally {
        execution.deadline = null;
        for (const slot of [env.fake.lockService._document, env.fake.lockService._user, env.fake.lockService._script])
          slot.holders = 0;
      }
    },
    triggers: () =>
      env.fake.scriptApp._triggers.map((t) => ({
        handler: t.handler,
        everyHours: t.everyHours,
        afterMs: t.afterMs ?? null,
      })),
  };
  currentFormulaLog = result.formulaWrites;
  const execution = { deadline: null as number | null, killed: false };
  if (options.executionLimitMs !== undefined) {
    const hit = counter.hit.bind(counter);
    counter.hit = (name: string) => {
      const paused = (counter as unknown as { pausedDepth: number }).pausedDepth > 0;
      if (!paused && execution.deadline !== null && clock.ms > execution.deadline) {
        execution.killed = true;
        throw new Error("Exceeded maximum execution time");
      }
      hit(name);
    };
  }
  // The fake's one Sheets service (test/gas/fake/sheets-api.ts, checked against Google's
  // definition and under the drive.file rule per file) reads the schools' workbooks; in front of
  // it, what stands between the committee's script and a school's workbook: quotas, permissions,
  // deletion, script time. The workbooks the committee created itself (Drive converted its
  // upload) are its own and cost no modelled time.
  const sheetsApi = env.fake.sheetsApi;
  for (const [id, locale] of locales) sheetsApi._locales.set(id, locale);
  sheetsApi._find = (id) => sheetsApi._spreadsheets.get(id) ?? schools.get(id) ?? null;
  sheetsApi._gate = (id, method) => {
    const error = result.sheetsErrors.get(id);
    if (error) throw new Error(error);
    if (sheetsApi._spreadsheets.has(id)) return;
    clock.ms +=
      method === "Sheets.Spreadsheets.get" ? (options.metaCostMs ?? 0) : (openCost.get(id) ?? result.openCostMs);
    if (denied.has(id)) throw new Error("The caller does not have permission");
    if (!schools.has(id)) throw new Error("Requested entity was not found.");
  };
  // The bundle's global object: any function defined by Code.js belongs to it.
  const global = env.global;
  result.bundleGlobal = global;
  const RealDate = global.Date as DateConstructor;
  const ModelDate = function (this: unknown, ...args: unknown[]) {
    if (!(this instanceof ModelDate)) return new RealDate(clock.ms).toString();
    return args.length === 0
      ? new RealDate(clock.ms)
      : new (RealDate as unknown as new (...a: unknown[]) => Date)(...args);
  } as unknown as DateConstructor;
  (ModelDate as unknown as { prototype: unknown }).prototype = RealDate.prototype;
  ModelDate.now = () => clock.ms;
  ModelDate.UTC = RealDate.UTC;
  ModelDate.parse = RealDate.parse;
  global.Date = ModelDate;
  return result;
}

/** The Свод tab's values as the add-on stored them. */
export function summaryValues(env: CommitteeEnv): unknown[][] {
  return env.counter.paused(() => {
    const sheet = env.committee._sheets.find((s) => s._name === "Свод");
    if (!sheet) return [];
    return sheet.getDataRange().getValues();
  });
}
