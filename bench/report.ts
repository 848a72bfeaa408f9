/**
 * Report benchmark: validate, build the document model, render the .docx and write it, for
 * synthetic workbooks of 1,000 and 10,000 plan rows. Goal: the 1,000-row report under 1 s.
 * Returns {"report":[{"planRows":1000,"ms":…,"peakMB":…,"bytes":…},…]} for `npm run bench`.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildReport } from "../src/core/report/build.js";
import { validateWorkbook } from "../src/core/validate.js";
import { renderDocx } from "../src/local/docx.js";
import { writeReportFile } from "../src/local/report-file.js";
import { type SyntheticSize, syntheticGrid } from "./synthetic.js";

export interface ReportBenchResult {
  planRows: number;
  pairs: number;
  /** Median wall time of the whole `mip report` path: validate + build + render + write. */
  ms: number;
  /** Median of each step, to see where time goes. */
  validateMs: number;
  buildMs: number;
  renderMs: number;
  /** Peak resident memory of the process so far (maxRSS), MB. */
  peakMB: number;
  /** Size of the written .docx. */
  bytes: number;
  /** Draft reports carry an appendix with every error. */
  draft: boolean;
}

const SIZES: readonly SyntheticSize[] = [
  { planRows: 1000, pairs: 500 },
  { planRows: 10000, pairs: 5000 },
];

const TODAY = "2022-12-20";
const gc = (globalThis as { gc?: () => void }).gc;
const round = (n: number) => Math.round(n * 10) / 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function measure(size: SyntheticSize, runs: number, dir: string): Promise<ReportBenchResult> {
  const grid = syntheticGrid(size);
  // Warm-up: JIT and the docx library's lazy set-up.
  await writeReportFile(grid, join(dir, "warm-up.docx"), { today: TODAY });
  const totals: number[] = [];
  const steps = { validate: [] as number[], build: [] as number[], render: [] as number[] };
  let bytes = 0;
  let draft = false;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const start = performance.now();
    const written = await writeReportFile(grid, join(dir, `report-${size.planRows}.docx`), { today: TODAY });
    totals.push(performance.now() - start);
    if (written.kind === "written") {
      bytes = statSync(written.path).size;
      draft = written.draft;
      rmSync(written.path);
    }
    // The same path in steps, measured apart.
    gc?.();
    const t0 = performance.now();
    const validation = validateWorkbook(grid, { today: TODAY });
    const t1 = performance.now();
    const built = buildReport(validation, { strict: false });
    const t2 = performance.now();
    if (built.kind === "document") await renderDocx(built.model);
    const t3 = performance.now();
    steps.validate.push(t1 - t0);
    steps.build.push(t2 - t1);
    steps.render.push(t3 - t2);
  }
  return {
    planRows: size.planRows,
    pairs: size.pairs,
    ms: round(median(totals)),
    validateMs: round(median(steps.validate)),
    buildMs: round(median(steps.build)),
    renderMs: round(median(steps.render)),
    peakMB: round(process.resourceUsage().maxRSS / 1024),
    bytes,
    draft,
  };
}

export async function run(): Promise<Record<string, unknown> | undefined> {
  const dir = mkdtempSync(join(tmpdir(), "mip-bench-report-"));
  try {
    const report: ReportBenchResult[] = [];
    for (const size of SIZES) {
      const result = await measure(size, size.planRows >= 10000 ? 3 : 7, dir);
      process.stderr.write(
        `  отчёт: ${size.planRows} строк плана — ${result.ms} мс ` +
          `(проверка ${result.validateMs}, модель ${result.buildMs}, .docx ${result.renderMs}), ` +
          `пик ${result.peakMB} МБ, файл ${Math.round(result.bytes / 1024)} КБ\n`,
      );
      report.push(result);
    }
    return { report };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
