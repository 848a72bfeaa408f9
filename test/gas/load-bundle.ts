/**
 * Loads the BUILT Apps Script bundle (dist/Code.js) into a fresh node:vm context whose
 * globals are the in-memory fakes, the way Apps Script runs a project: every top-level
 * `function` of Code.js becomes callable. Used by the bundle tests, the sidebar's browser
 * tests, the committee tests and bench/gas.ts.
 *
 *   const env = createGasEnvironment({ grid: sampleGrid(), now: "2022-12-20" });
 *   env.fns.onOpen({ authMode: "FULL" });
 *   env.call("sidebarValidate");          // JSON in/out, like google.script.run
 *   env.fake.spreadsheet, env.counter.count("Range.getValues")
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import type { WorkbookGrid } from "../../src/core/grid.js";
import { buildIfStale } from "../helpers/build-once.js";
import { CallCounter, type FakeServices, type FakeSpreadsheet, createFakeServices, spreadsheetFromGrid } from "./fake/index.js";

export const ROOT = join(import.meta.dirname, "..", "..");
export const DIST = join(ROOT, "dist");
export const BUNDLE = join(DIST, "Code.js");

export type GasFunction = (...args: any[]) => any;

export interface GasEnvironmentOptions {
  /** The active spreadsheet (default: built from `grid`, else an empty one with «Лист1»). */
  readonly spreadsheet?: FakeSpreadsheet;
  /** A workbook to load into the active spreadsheet. */
  readonly grid?: WorkbookGrid;
  /** The clock the bundle sees: `new Date()` and `Date.now()` (ISO date or date-time). Default: the real clock. */
  readonly now?: string | Date;
  readonly counter?: CallCounter;
  readonly timeZone?: string;
  /** Services the project does not have here (an advanced service not enabled, e.g. "Docs"). */
  readonly without?: readonly string[];
}

export interface GasEnvironment {
  /** Every top-level function of dist/Code.js, by name. */
  readonly fns: Record<string, GasFunction>;
  readonly names: readonly string[];
  readonly fake: FakeServices;
  readonly counter: CallCounter;
  /** Calls a server function the way google.script.run does: arguments and result pass through JSON. */
  call<T = unknown>(name: string, ...args: unknown[]): T;
}

/** Builds dist/ when Code.js is missing or older than src/ (a test run without `npm run build`). */
export function ensureBundleBuilt(): void {
  buildIfStale({ output: BUNDLE, sources: [join(ROOT, "src"), join(ROOT, "appsscript.json")], buildArgs: ["--gas", "--quiet"], lockName: ".bundle-build.lock" });
}

let cachedScript: { mtime: number; script: vm.Script; names: string[] } | null = null;

function loadScript(): { script: vm.Script; names: string[] } {
  ensureBundleBuilt();
  const mtime = statSync(BUNDLE).mtimeMs;
  if (!cachedScript || cachedScript.mtime !== mtime) {
    const code = readFileSync(BUNDLE, "utf8");
    const names = JSON.parse(readFileSync(join(DIST, "entry-points.json"), "utf8")) as string[];
    cachedScript = { mtime, script: new vm.Script(code, { filename: BUNDLE }), names };
  }
  return cachedScript;
}

/** Project HTML files as Apps Script sees them (dist/Sidebar.html → "Sidebar"). */
function htmlFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(DIST)) if (name.endsWith(".html")) files.set(name.slice(0, -5), readFileSync(join(DIST, name), "utf8"));
  return files;
}

const FIXED_CLOCK = `(function (fixed) {
  var RealDate = Date;
  function FakeDate() {
    var args = Array.prototype.slice.call(arguments);
    if (!(this instanceof FakeDate)) return new RealDate(fixed).toString();
    return args.length === 0 ? new RealDate(fixed) : new (Function.prototype.bind.apply(RealDate, [null].concat(args)))();
  }
  FakeDate.prototype = RealDate.prototype;
  FakeDate.now = function () { return fixed; };
  FakeDate.UTC = RealDate.UTC;
  FakeDate.parse = RealDate.parse;
  globalThis.Date = FakeDate;
})`;

export function createGasEnvironment(options: GasEnvironmentOptions = {}): GasEnvironment {
  const { script, names } = loadScript();
  const counter = options.counter ?? new CallCounter();
  const spreadsheet = options.spreadsheet ?? (options.grid ? spreadsheetFromGrid(options.grid, counter, undefined, options.timeZone) : undefined);
  const fake = createFakeServices({ counter, htmlFiles: htmlFiles(), ...(spreadsheet ? { spreadsheet } : {}), ...(options.timeZone ? { timeZone: options.timeZone } : {}) });
  const quiet = { log: (...a: unknown[]) => fake.logger.log(...a), info: () => {}, warn: (...a: unknown[]) => fake.logger.log(...a), error: (...a: unknown[]) => fake.logger.log(...a) };
  const globals: Record<string, unknown> = { ...fake.globals, console: quiet };
  for (const name of options.without ?? []) delete globals[name];
  const context = vm.createContext(globals);
  if (options.now !== undefined) {
    const ms = typeof options.now === "string" ? Date.parse(options.now.length === 10 ? `${options.now}T12:00:00+03:00` : options.now) : options.now.getTime();
    (vm.runInContext(FIXED_CLOCK, context) as (ms: number) => void)(ms);
  }
  script.runInContext(context);
  const fns: Record<string, GasFunction> = {};
  for (const name of names) {
    const fn = (context as Record<string, unknown>)[name];
    if (typeof fn !== "function") throw new Error(`dist/Code.js does not define a top-level function ${name}`);
    fns[name] = fn as GasFunction;
  }
  return {
    fns,
    names,
    fake,
    counter,
    call<T>(name: string, ...args: unknown[]): T {
      const fn = fns[name];
      if (!fn) throw new Error(`no server function ${name}`);
      const result = fn(...(JSON.parse(JSON.stringify(args)) as unknown[]));
      return (result === undefined ? undefined : JSON.parse(JSON.stringify(result))) as T;
    },
  };
}
