/** Local .xlsx benchmark: write and read back the largest synthetic workbook with exceljs. */
import { readXlsx } from "../src/local/xlsx-read.js";
import { writeWorkbookGrid } from "../src/local/xlsx-write.js";
import { syntheticGrid } from "./synthetic.js";

export async function run(): Promise<Record<string, unknown>> {
  const size = { planRows: 10000, pairs: 5000 };
  const grid = syntheticGrid(size);
  let start = performance.now();
  const bytes = await writeWorkbookGrid(grid);
  const writeMs = performance.now() - start;
  start = performance.now();
  await readXlsx(bytes);
  const readMs = performance.now() - start;
  return {
    xlsx: {
    ...size,
    kB: Math.round(bytes.length / 1024),
    writeMs: Math.round(writeMs),
    readMs: Math.round(readMs),
    peakMB: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
    },
  };
}
