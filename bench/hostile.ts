/**
 * The built `mip` on hostile input, as a user meets it (test/hostile/corpus.ts):
 * 1. a sheet over the cell cap stored under another name, and one with prefixed tags — refused
 *    from the count before any library parses them (time and memory of the refusal);
 * 2. 30,000 plan rows each with an error: `validate --json` (findings streamed) and the draft
 *    `report` (appendix of the first 500 errors).
 * Time is wall-clock; peak memory is the child's maximum resident set (GNU time %M).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sampleGrid } from "../src/demo/sample.js";
import { writeWorkbookGrid } from "../src/local/xlsx-write.js";
import { capBypassByName, capBypassByPrefix, editTab } from "../test/hostile/corpus.js";
import { measure } from "./cli.js";

const FAULTY_ROWS = 30_000;

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "mip-bench-hostile-"));
  try {
    const byName = join(dir, "cap-by-name.xlsx");
    const byPrefix = join(dir, "cap-by-prefix.xlsx");
    const faulty = join(dir, "faulty.xlsx");
    writeFileSync(byName, await capBypassByName());
    writeFileSync(byPrefix, await capBypassByPrefix());
    const grid = editTab(sampleGrid(), "План-факт", (rows) => {
      const model = rows[1]!;
      for (let i = 0; i < FAULTY_ROWS; i++)
        rows.push(model.map((c, col) => (col === 0 ? `9.${i}` : col === 7 ? "Статус?" : c)));
    });
    writeFileSync(faulty, await writeWorkbookGrid(grid));
    return {
      hostile: {
        capByName: measure(["validate", byName]),
        capByPrefix: measure(["validate", byPrefix]),
        faultyValidateJson: { planRows: FAULTY_ROWS, ...measure(["validate", faulty, "--json"]) },
        faultyReport: { planRows: FAULTY_ROWS, ...measure(["report", faulty, "--out", join(dir, "faulty.docx")]) },
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
