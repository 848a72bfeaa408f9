/**
 * The built `mip` command end to end, in its own process, as a user runs it:
 * 1. `mip validate --json` on a workbook of 10,000 plan rows and 5,000 pairs;
 * 2. `mip summary` over 800 workbooks (the .xlsx dashboard);
 * 3. `mip help` (startup: what loading the command costs before any work).
 * Time is wall-clock; peak memory is the child's maximum resident set (GNU time %M).
 * Set MIP_BIN to measure another build of the command (an older lib/mip.cjs).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WorkbookGrid } from "../src/core/grid.js";
import { sampleGrid } from "../src/demo/sample.js";
import { writeWorkbookGrid } from "../src/local/xlsx-write.js";
import { syntheticGrid } from "./synthetic.js";

const SUMMARY_FILES = 800;
const BIN = process.env.MIP_BIN ?? join(process.cwd(), "lib/mip.cjs");

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
  readonly peakMB: number;
  readonly exit: number | null;
}

/** Runs `node BIN args…` under GNU time; wall time and max RSS of the child. */
export function measure(args: readonly string[], bin = BIN): Measured {
  const useTime = existsSync("/usr/bin/time");
  const started = performance.now();
  const child = useTime
    ? spawnSync("/usr/bin/time", ["-f", "MAXRSS %M", process.execPath, bin, ...args], {
        encoding: "utf8",
        maxBuffer: 256 * 1024 * 1024,
      })
    : spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  const kb = Number(/MAXRSS (\d+)/.exec(child.stderr ?? "")?.[1] ?? NaN);
  return { ms: Math.round(ms), peakMB: Number.isFinite(kb) ? Math.round(kb / 102.4) / 10 : NaN, exit: child.status };
}

export async function makeFiles(dir: string): Promise<{ big: string; schools: string }> {
  const big = join(dir, "big.xlsx");
  writeFileSync(big, await writeWorkbookGrid(syntheticGrid({ planRows: 10000, pairs: 5000 })));
  const schools = join(dir, "schools");
  mkdirSync(schools);
  const base = sampleGrid();
  for (let n = 0; n < SUMMARY_FILES; n++) {
    writeFileSync(
      join(schools, `school-${String(n).padStart(3, "0")}.xlsx`),
      await writeWorkbookGrid(withOrganisation(base, `МОУ «СОШ № ${n + 1}»`)),
    );
  }
  return { big, schools };
}

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "mip-bench-cli-"));
  try {
    const { big, schools } = await makeFiles(dir);
    const validate = measure(["validate", big, "--json", "--report-date", "20.12.2022"]);
    const summary = measure(["summary", schools, "--out", join(dir, "svod.xlsx")]);
    const help = measure(["help"]);
    return {
      cli: {
        validate: { planRows: 10000, pairs: 5000, ...validate },
        summary: { files: SUMMARY_FILES, ...summary },
        help,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
