/**
 * Loads a BUILT Apps Script bundle (the school's dist/Code.js or the committee's
 * dist/committee/Code.js) into a fresh node:vm context whose globals are the in-memory fakes,
 * the way Apps Script runs a project: every top-level `function` of Code.js becomes callable,
 * in the authorisation mode Apps Script would give it, under exactly the scopes of that
 * deployment's pushed appsscript.json (the fake refuses the rest with Google's message).
 * Used by the bundle tests, the sidebar's browser tests, the committee tests and the benchmarks.
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
import {
  type AuthMode,
  CallCounter,
  type FakeServices,
  type FakeSpreadsheet,
  createFakeServices,
  manifestAdvancedServices,
  manifestScopes,
  spreadsheetFromGrid,
} from "./fake/index.js";
import { watchRefusals } from "./fake/api-schema/strict.js";

export const ROOT = join(import.meta.dirname, "..", "..");
/** The school deployment (pushed from dist/) and the committee's (dist/committee/), built from one source. */
export const DIST = join(ROOT, "dist");
export const COMMITTEE_DIST = join(DIST, "committee");
export const BUNDLE = join(DIST, "Code.js");
export const COMMITTEE_BUNDLE = join(COMMITTEE_DIST, "Code.js");
export type Deployment = "school" | "committee";
export const deploymentDir = (d: Deployment): string => (d === "committee" ? COMMITTEE_DIST : DIST);

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
  /** Which built bundle runs (default: the school's). */
  readonly deployment?: Deployment;
  /**
   * The scopes granted; default: exactly the deployment's pushed manifest (dist/…/appsscript.json).
   * A test takes one out to see the features that need it fail with Google's message.
   */
  readonly scopes?: readonly string[];
}

export interface GasEnvironment {
  /** Every top-level function of dist/Code.js, by name. */
  readonly fns: Record<string, GasFunction>;
  readonly names: readonly string[];
  readonly fake: FakeServices;
  readonly counter: CallCounter;
  /** The bundle's global object (its top-level functions and the services it sees). */
  readonly global: Record<string, unknown>;
  /** Calls a server function the way google.script.run does: arguments and result pass through JSON. */
  call<T = unknown>(name: string, ...args: unknown[]): T;
}

/** Builds dist/ when Code.js is missing or older than src/ (a test run without `npm run build`). */
export function ensureBundleBuilt(): void {
  const manifests = ["appsscript.json", "appsscript.committee.json"].map((m) => join(ROOT, m));
  // The committee bundle is written last: when it is fresh, so is the school's.
  buildIfStale({
    output: COMMITTEE_BUNDLE,
    sources: [join(ROOT, "src"), ...manifests, join(ROOT, "scripts", "template-xlsx.mjs")],
    buildArgs: ["--gas", "--quiet"],
    lockName: ".bundle-build.lock",
  });
}

const cachedScripts = new Map<Deployment, { mtime: number; script: vm.Script; names: string[] }>();

function loadScript(deployment: Deployment): { script: vm.Script; names: string[] } {
  ensureBundleBuilt();
  const dir = deploymentDir(deployment);
  const bundle = join(dir, "Code.js");
  const mtime = statSync(bundle).mtimeMs;
  const cached = cachedScripts.get(deployment);
  if (cached && cached.mtime === mtime) return cached;
  const code = readFileSync(bundle, "utf8");
  const names = JSON.parse(readFileSync(join(dir, "entry-points.json"), "utf8")) as string[];
  const fresh = { mtime, script: new vm.Script(code, { filename: bundle }), names };
  cachedScripts.set(deployment, fresh);
  return fresh;
}

/** Project HTML files as Apps Script sees them (dist/Sidebar.html → "Sidebar"). */
function htmlFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir))
    if (name.endsWith(".html")) files.set(name.slice(0, -5), readFileSync(join(dir, name), "utf8"));
  return files;
}

/**
 * The mode Apps Script runs an entry point in: onOpen as its event says (NONE in a file where the
 * add-on is installed but unused, else LIMITED), onEdit as a simple trigger (LIMITED), onInstall,
 * menu items, google.script.run and installable triggers in FULL
 * (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes).
 */
function modeOf(name: string, event: unknown): AuthMode {
  const asked = event && typeof event === "object" ? String((event as { authMode?: unknown }).authMode ?? "") : "";
  if (name === "onOpen") return asked === "NONE" ? "NONE" : asked === "FULL" ? "FULL" : "LIMITED";
  if (name === "onEdit") return asked === "NONE" ? "NONE" : "LIMITED";
  return "FULL";
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
  const deployment = options.deployment ?? "school";
  const { script, names } = loadScript(deployment);
  const dir = deploymentDir(deployment);
  const counter = options.counter ?? new CallCounter();
  const spreadsheet =
    options.spreadsheet ??
    (options.grid ? spreadsheetFromGrid(options.grid, counter, undefined, options.timeZone) : undefined);
  const manifest = join(dir, "appsscript.json");
  const fake = createFakeServices({
    counter,
    htmlFiles: htmlFiles(dir),
    scopes: options.scopes ?? manifestScopes(manifest),
    advancedServices: manifestAdvancedServices(manifest),
    ...(spreadsheet ? { spreadsheet } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  // A call Google would refuse fails the test, even when the add-on catches it.
  watchRefusals(fake.refusals);
  const quiet = {
    log: (...a: unknown[]) => fake.logger.log(...a),
    info: () => {},
    warn: (...a: unknown[]) => fake.logger.log(...a),
    error: (...a: unknown[]) => fake.logger.log(...a),
  };
  const globals: Record<string, unknown> = { ...fake.globals, console: quiet };
  for (const name of options.without ?? []) delete globals[name];
  const context = vm.createContext(globals);
  if (options.now !== undefined) {
    const ms =
      typeof options.now === "string"
        ? Date.parse(options.now.length === 10 ? `${options.now}T12:00:00+03:00` : options.now)
        : options.now.getTime();
    (vm.runInContext(FIXED_CLOCK, context) as (ms: number) => void)(ms);
  }
  script.runInContext(context);
  const fns: Record<string, GasFunction> = {};
  for (const name of names) {
    const fn = (context as Record<string, unknown>)[name];
    if (typeof fn !== "function") throw new Error(`${dir}/Code.js does not define a top-level function ${name}`);
    // Each call is one execution: when it ends, Apps Script releases the locks it still holds.
    fns[name] = (...args: unknown[]) => {
      try {
        return fake.platform.as(modeOf(name, args[0]), () => (fn as GasFunction)(...args));
      } finally {
        fake.lockService._endExecution();
      }
    };
  }
  return {
    fns,
    names,
    fake,
    counter,
    global: vm.runInContext("this", context) as Record<string, unknown>,
    call<T>(name: string, ...args: unknown[]): T {
      const fn = fns[name];
      if (!fn) throw new Error(`no server function ${name}`);
      const result = fn(...(JSON.parse(JSON.stringify(args)) as unknown[]));
      return (result === undefined ? undefined : JSON.parse(JSON.stringify(result))) as T;
    },
  };
}
