/**
 * `mip help` loads neither the .xlsx nor the .docx library: the command modules are imported
 * lazily, and what the entry point imports statically (the code that runs at startup) holds
 * none of them. Checked on the import graph esbuild sees, with the lazy imports cut off.
 * In the built command, the .xlsx writer's and the .docx writer's libraries are files of their
 * own (lib/vendor/), required only by the commands that write: `mip validate` loads neither.
 */
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, ensureBuilt, mip, tempDir } from "./helpers.js";

/** The lib/vendor/ files a run of the built command loads (traced through Node's module loader). */
function vendorFilesLoaded(args: readonly string[], cwd: string): { code: number | null; loaded: string[] } {
  const tracer = join(cwd, "trace-vendor.cjs");
  writeFileSync(
    tracer,
    `const Module = require("node:module");
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request.includes("vendor/")) process.stderr.write("VENDOR " + request + "\\n");
  return load.call(this, request, ...rest);
};
`,
  );
  const run = spawnSync(process.execPath, ["-r", tracer, BIN, ...args], { cwd, encoding: "utf8", timeout: 300_000 });
  const loaded = [...run.stderr.matchAll(/^VENDOR (.+)$/gm)].map((m) => m[1]!.replace(/^.*vendor\//, ""));
  return { code: run.status, loaded: [...new Set(loaded)].sort() };
}

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

  it("mip template loads the .xlsx writer's library; mip validate loads no writer's library", () => {
    ensureBuilt();
    const dir = tempDir();
    const template = vendorFilesLoaded(["template", "--sample", "--out", "sample.xlsx"], dir);
    expect(template).toEqual({ code: 0, loaded: ["exceljs.cjs"] });
    const validate = vendorFilesLoaded(["validate", "sample.xlsx", "--json"], dir);
    expect(validate.code).not.toBe(2);
    expect(validate.loaded).toEqual([]);
    const report = vendorFilesLoaded(["report", "sample.xlsx", "--out", "report.docx"], dir);
    expect(report.code).toBe(0);
    expect(report.loaded).toContain("docx.cjs");
  });
});
