/**
 * The built `mip` command end to end, in its own process, as a user runs it:
 * 1. section `validate`: `mip validate --json` on a workbook of 10,000 plan rows and 5,000
 *    pairs, side by side with the floor: a plain Node process that only reads the same file
 *    with SheetJS (bench/bare-read.mjs). They alternate, REPEATS times each; medians and their
 *    ratio (the goal: `mip validate` within 1.10× of the bare read);
 * 2. section `cli`: `mip summary` over 800 workbooks (the .xlsx dashboard);
 *    and `mip help` (startup: what loading the command costs before any work), median of 10.
 * Time is wall-clock, CPU time is the child's user + system time (steadier when other work
 * shares the machine); peak memory is the child's maximum resident set (GNU time %M).
 * Set MIP_BIN to measure another build of the command (an older lib/mip.cjs).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WorkbookGrid } from "../src/core/grid.js";
import { sampleGrid } from "../src/demo/sample.js";
import { SHEETJS_READ_OPTIONS } from "../src/local/xlsx-read.js";
import { writeWorkbookGrid } from "../src/local/xlsx-write.js";
import { syntheticGrid } from "./synthetic.js";

const SUMMARY_FILES = 800;
const BIN = process.env.MIP_BIN ?? join(process.cwd(), "lib/mip.cjs");
const BARE_READ = join(process.cwd(), "bench/bare-read.mjs");
/** Runs of each side in the side-by-side comparison (after one unmeasured run each). */
const REPEATS = 9;
const HELP_RUNS = 10;

export function withOrganisation(grid: WorkbookGrid, name: string): WorkbookGrid {
  return {
    ...grid,
    tabs: grid.tabs.map((tab) =>
      tab.title !== "Общие сведения"
        ? tab
        : {
            ...tab,
            rows: tab.rows.map((row) =>
              row[0] === "Сокращённое наименование" ? [row[0], name, ...row.slice(2)] : row,
            ),
          },
    ),
  };
}

export interface Measured {
  readonly ms: number;
  /** User + system CPU time of the child (NaN without GNU time). */
  readonly cpuMs: number;
  readonly peakMB: number;
  readonly exit: number | null;
}

/** Runs `node BIN args…` under GNU time; wall time, CPU time and max RSS of the child. */
export function measure(args: readonly string[], bin = BIN): Measured {
  const useTime = existsSync("/usr/bin/time");
  const started = performance.now();
  const child = useTime
    ? spawnSync("/usr/bin/time", ["-f", "MIPTIME %M %U %S", process.execPath, bin, ...args], {
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
      })
    : spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  const [, kb, user, system] = /MIPTIME (\d+) ([\d.]+) ([\d.]+)/.exec(child.stderr ?? "") ?? [];
  return {
    ms: Math.round(ms),
    cpuMs: Math.round((Number(user) + Number(system)) * 1000),
    peakMB: kb === undefined ? NaN : Math.round(Number(kb) / 102.4) / 10,
    exit: child.status,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

interface Medians {
  readonly ms: number;
  readonly cpuMs: number;
  readonly peakMB: number;
}

const mediansOf = (runs: readonly Measured[]): Medians => ({
  ms: median(runs.map((r) => r.ms)),
  cpuMs: median(runs.map((r) => r.cpuMs)),
  peakMB: median(runs.map((r) => r.peakMB)),
});

const ratio = (a: number, b: number): number => Math.round((a / b) * 100) / 100;

/**
 * `mip validate --json` beside two bare SheetJS reads of the same file: with the library's
 * defaults (what `XLSX.readFile(file)` does — the floor the goal is stated against) and with
 * the reader's own options (dense rows, no cell text: less work, a stricter floor). The three
 * alternate so all see the same load on the machine; one unmeasured run of each first.
 */
export function validateBesideBareRead(file: string): Record<string, unknown> {
  const sides = {
    bareRead: { bin: BARE_READ, args: [file, "{}"] },
    bareReadSameOptions: { bin: BARE_READ, args: [file, JSON.stringify(SHEETJS_READ_OPTIONS)] },
    validate: { bin: BIN, args: ["validate", file, "--json", "--report-date", "20.12.2022"] },
  };
  const runs = { bareRead: [] as Measured[], bareReadSameOptions: [] as Measured[], validate: [] as Measured[] };
  for (let n = -1; n < REPEATS; n++) {
    for (const [name, side] of Object.entries(sides)) {
      const run = measure(side.args, side.bin);
      if (n >= 0) runs[name as keyof typeof sides].push(run);
    }
  }
  const exits = new Set([...runs.bareRead, ...runs.bareReadSameOptions, ...runs.validate].map((r) => r.exit));
  const bare = mediansOf(runs.bareRead);
  const bareSame = mediansOf(runs.bareReadSameOptions);
  const validate = mediansOf(runs.validate);
  return {
    runs: REPEATS,
    exits: [...exits],
    bareRead: bare,
    bareReadSameOptions: bareSame,
    validate,
    ratio: ratio(validate.ms, bare.ms),
    cpuRatio: ratio(validate.cpuMs, bare.cpuMs),
    ratioSameOptions: ratio(validate.ms, bareSame.ms),
    cpuRatioSameOptions: ratio(validate.cpuMs, bareSame.cpuMs),
  };
}

/** The 10,000-row workbook `mip validate` is measured on. */
export async function makeBigFile(dir: string): Promise<string> {
  const big = join(dir, "big.xlsx");
  writeFileSync(big, await writeWorkbookGrid(syntheticGrid({ planRows: 10000, pairs: 5000 })));
  return big;
}

/** The summary's input: SUMMARY_FILES copies of the sample workbook, one organisation each. */
export async function makeSchools(dir: string): Promise<string> {
  const schools = join(dir, "schools");
  mkdirSync(schools);
  const base = sampleGrid();
  for (let n = 0; n < SUMMARY_FILES; n++) {
    writeFileSync(
      join(schools, `school-${String(n).padStart(3, "0")}.xlsx`),
      await writeWorkbookGrid(withOrganisation(base, `МОУ «СОШ № ${n + 1}»`)),
    );
  }
  return schools;
}

/** Section `validate`: `mip validate` beside the bare read, 10,000 plan rows. */
export async function runValidate(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "mip-bench-validate-"));
  try {
    return { validate: { planRows: 10000, pairs: 5000, ...validateBesideBareRead(await makeBigFile(dir)) } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Section `cli`: `mip summary` over SUMMARY_FILES workbooks and `mip help`. */
export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "mip-bench-cli-"));
  try {
    const schools = await makeSchools(dir);
    const summary = measure(["summary", schools, "--out", join(dir, "svod.xlsx")]);
    const help = mediansOf(Array.from({ length: HELP_RUNS }, () => measure(["help"])));
    return {
      cli: {
        summary: { files: SUMMARY_FILES, ...summary },
        help: { runs: HELP_RUNS, ...help },
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
