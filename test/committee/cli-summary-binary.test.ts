/** `mip summary` through the real binary (lib/mip.cjs): exit codes, JSON on stdout, progress on stderr, no stack traces. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleGrid } from "../../src/demo/sample.js";
import { writeWorkbookGrid } from "../../src/local/xlsx-write.js";
import { ensureBuilt, hasStackTrace, mip, tempDir } from "../cli/helpers.js";

let dir: string;

beforeAll(async () => {
  ensureBuilt();
  dir = tempDir("mip-summary-bin-");
  writeFileSync(join(dir, "school.xlsx"), await writeWorkbookGrid(sampleGrid()));
  writeFileSync(join(dir, "broken.xlsx"), "not a zip");
});

describe("mip summary (binary)", () => {
  it("prints the JSON contract and exits 0 even with a broken file", () => {
    const run = mip(["summary", ".", "--json"], dir);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { schools: { file: string; state: string }[]; totals: { schools: number } };
    expect(json.schools.map((s) => [s.file, s.state.replace(/:.*/, "")])).toEqual([
      ["broken.xlsx", "Ошибка чтения"],
      ["school.xlsx", "ОК"],
    ]);
    expect(json.totals.schools).toBe(2);
    expect(run.stderr).toContain("Свод: читаю 2 файла…");
    expect(hasStackTrace(run.stderr)).toBe(false);
  });

  it("exits 2 with one Russian sentence when there is nothing to read", () => {
    const run = mip(["summary", "нет-такой-папки"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Нет ни одного файла .xlsx для свода");
    expect(hasStackTrace(run.stderr)).toBe(false);
  });
});
