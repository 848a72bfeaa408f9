/** Core validation benchmark: synthetic workbooks of growing size, median time and memory. */
import { validateWorkbook } from "../src/core/validate.js";
import { BENCH_SIZES, type SyntheticSize, syntheticGrid } from "./synthetic.js";

export interface CoreResult {
  planRows: number;
  pairs: number;
  /** Median validation time. */
  ms: number;
  /** Peak resident memory of the process so far (maxRSS), MB. */
  peakMB: number;
  /** Largest heap in use right after a validation, MB. */
  heapMB: number;
  issues: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function measure(size: SyntheticSize, runs: number): CoreResult {
  const grid = syntheticGrid(size);
  const options = { today: "2022-12-20" };
  validateWorkbook(grid, options); // warm-up: JIT and lazy initialisation
  const times: number[] = [];
  let heap = 0;
  let issues = 0;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const start = performance.now();
    const result = validateWorkbook(grid, options);
    times.push(performance.now() - start);
    heap = Math.max(heap, process.memoryUsage().heapUsed);
    issues = result.issues.length;
  }
  return {
    planRows: size.planRows,
    pairs: size.pairs,
    ms: Math.round(median(times) * 10) / 10,
    peakMB: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
    heapMB: mb(heap),
    issues,
  };
}

export async function run(
  log: (line: string) => void = () => {},
): Promise<{ core: CoreResult[]; coreLinearity: number | null }> {
  const core: CoreResult[] = [];
  for (const size of BENCH_SIZES) {
    const runs = size.planRows >= 10000 ? 5 : 9;
    const result = measure(size, runs);
    log(
      `  ${size.planRows} строк плана, ${size.pairs} пар: ${result.ms} мс (медиана ` +
        `из ${runs} замеров), пик ${result.peakMB} МБ, куча ${result.heapMB} МБ`,
    );
    core.push(result);
  }
  const k1 = core.find((r) => r.planRows === 1000);
  const k10 = core.find((r) => r.planRows === 10000);
  const coreLinearity = k1 && k10 && k1.ms > 0 ? Math.round((k10.ms / k1.ms) * 100) / 100 : null;
  return { core, coreLinearity };
}
