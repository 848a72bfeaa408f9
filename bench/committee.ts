/**
 * Committee benchmark.
 * 1. The Sheets refresh on the BUILT bundle over 1,000 simulated schools, with a modelled
 *    cost per opened workbook (metadata with the change stamp 0.3 s, batch read of all
 *    tabs 1.2 s): service calls per school, and how many runs the 6-minute limit needs
 *    (each run stops at its 4.5-minute budget and schedules the next).
 * 2. `mip summary` over 200 generated .xlsx files: time and peak memory.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sampleGrid } from "../src/demo/sample.js";
import type { WorkbookGrid } from "../src/core/grid.js";
import { writeSummaryFiles } from "../src/local/commands/summary.js";
import { writeWorkbookGrid } from "../src/local/xlsx-write.js";
import { committeeEnv } from "../test/committee/gas-env.js";

const SCHOOLS = 1000;
const FILES = 200;

function withOrganisation(grid: WorkbookGrid, name: string): WorkbookGrid {
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

function committeeRefresh() {
  const grid = sampleGrid();
  const schools = Array.from({ length: SCHOOLS }, (_, n) => ({
    id: `1bench${String(n).padStart(5, "0")}abcdefghijklmnopqrstuvwxyz`,
    organisation: `Школа № ${n + 1}`,
    grid,
  }));
  const env = committeeEnv(schools, { openCostMs: 1_200, metaCostMs: 300 });
  env.run("committeeSetup");
  env.counter.reset();
  const started = Date.now();
  env.run("committeeRefresh");
  let runs = 1;
  while (env.triggers().some((t) => t.handler === "committeeContinueRefresh") && runs < 100) {
    env.run("committeeContinueRefresh");
    runs++;
  }
  const calls = env.counter.total;
  const wallMs = Date.now() - started;
  env.counter.reset();
  env.run("committeeRefresh");
  return {
    schools: SCHOOLS,
    callsPerSchool: Math.round((calls / SCHOOLS) * 100) / 100,
    runs,
    callsPerSchoolUnchanged: Math.round((env.counter.total / SCHOOLS) * 100) / 100,
    modelledSecondsPerSchool: 1.5,
    wallMsLocal: wallMs,
  };
}

async function summaryOfFiles() {
  const dir = mkdtempSync(join(tmpdir(), "mip-bench-summary-"));
  try {
    const base = sampleGrid();
    const files: string[] = [];
    for (let n = 0; n < FILES; n++) {
      const path = join(dir, `school-${String(n).padStart(3, "0")}.xlsx`);
      writeFileSync(path, await writeWorkbookGrid(withOrganisation(base, `МОУ «СОШ № ${n + 1}»`)));
      files.push(path);
    }
    (globalThis as { gc?: () => void }).gc?.();
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    await writeSummaryFiles(
      files,
      { xlsx: join(dir, "svod.xlsx"), docx: join(dir, "spravka.docx") },
      { today: "2022-12-20" },
    );
    const ms = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { files: FILES, ms: Math.round(ms), peakMB: Math.round((peak / 1024 / 1024) * 10) / 10 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, unknown> | undefined> {
  return { committee: committeeRefresh(), summary: await summaryOfFiles() };
}
