/**
 * `mip help` loads neither the .xlsx nor the .docx library: the command modules are imported
 * lazily, and what the entry point imports statically (the code that runs at startup) holds
 * none of them. Checked on the import graph esbuild sees, with the lazy imports cut off.
 */
import { build } from "esbuild";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, ensureBuilt, mip, tempDir } from "./helpers.js";

const HEAVY = ["exceljs", "@e965/xlsx", "docx", "jszip"];

describe("startup", () => {
  it("the code that runs for `mip help` imports no spreadsheet or document library", async () => {
    const result = await build({
      entryPoints: [join(ROOT, "src/local/cli.ts")],
      bundle: true,
      write: false,
      metafile: true,
      platform: "node",
      format: "cjs",
      logLevel: "silent",
      plugins: [
        {
          name: "cut-lazy-imports",
          setup(b) {
            b.onResolve({ filter: /.*/ }, (args) =>
              args.kind === "dynamic-import" ? { path: args.path, external: true } : undefined,
            );
          },
        },
      ],
    });
    const inputs = Object.keys(result.metafile.inputs);
    for (const lib of HEAVY)
      expect(
        inputs.filter((p) => p.includes(`node_modules/${lib}/`)),
        lib,
      ).toEqual([]);
    // The cut is real: the commands themselves do use them.
    expect(inputs.some((p) => p.endsWith("src/local/cli.ts"))).toBe(true);
    expect(inputs.some((p) => p.includes("src/local/commands/"))).toBe(false);
  });

  it("mip help still prints the commands", () => {
    ensureBuilt();
    const run = mip(["help"], tempDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("mip validate ФАЙЛ.xlsx");
  });
});
