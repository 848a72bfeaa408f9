/**
 * `npm run test:unit` leaves out exactly the tests that need a system program, by a rule
 * (scripts/system-tests.mjs: what a test imports), so a new PDF or browser test cannot slip into
 * the quick run and fail there for want of LibreOffice or Chromium.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { importsOf, slowTestFiles, systemTestFiles } from "../scripts/system-tests.mjs";
import fullConfig from "../vitest.config.js";
import unitConfig from "../vitest.unit.config.js";

const ROOT = join(import.meta.dirname, "..");

function allTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allTests(join(dir, e.name)) : e.name.endsWith(".test.ts") ? [join(dir, e.name)] : [],
  );
}

describe("the unit run", () => {
  it("leaves out every test that imports a system-program helper, and the unit config excludes them", () => {
    const system = systemTestFiles();
    // Whatever the walker finds, a test naming one of these helpers in an import is among them.
    const helpers =
      /(helpers\/system-tools|report\/pdf-pages|sidebar\/harness|\.\/pdf-pages|\.\/harness|playwright-core)/;
    for (const file of allTests(join(ROOT, "test"))) {
      const direct = importsOf(readFileSync(file, "utf8")).some((s) => helpers.test(s));
      if (direct) expect(system, relative(ROOT, file)).toContain(relative(ROOT, file).split("\\").join("/"));
    }
    expect(system).toContain("test/report/forms-pdf.test.ts");
    expect(system).toContain("test/sidebar/sidebar-ui.test.ts");
    // The core, CLI and fake tests stay in.
    for (const kept of ["test/cli/cli.test.ts", "test/sidebar/bridge.test.ts", "test/committee/gas-committee.test.ts"])
      expect(system).not.toContain(kept);
    expect(unitConfig.test?.exclude).toEqual(expect.arrayContaining(system));
  });

  it("finds a system test however deep the helper is imported, and through dynamic imports", () => {
    const root = mkdtempSync(join(tmpdir(), "mip-unit-rule-"));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write("test/helpers/system-tools.ts", "export const requireCommand = () => '';\n");
    write("test/report/render.ts", 'import { requireCommand } from "../helpers/system-tools.js";\n');
    write("test/report/layout.ts", 'export * from "./render.js";\n');
    write("test/report/deep.test.ts", 'import { x } from "./layout.js";\n');
    write("test/report/lazy.test.ts", 'const m = await import("./render.js");\n');
    write("test/ui/browser.test.ts", 'import { chromium } from "playwright-core";\n');
    write("test/core/plain.test.ts", 'import { readFileSync } from "node:fs";\nimport { a } from "../../src/x.js";\n');
    write("src/x.ts", "export const a = 1;\n");
    expect(systemTestFiles(root)).toEqual([
      "test/report/deep.test.ts",
      "test/report/lazy.test.ts",
      "test/ui/browser.test.ts",
    ]);
  });

  it("leaves out the files marked slow, by vitest's own file tag, and npm test still runs them", () => {
    const slow = slowTestFiles();
    // The costly end-to-end files this rule exists for.
    for (const file of ["test/hostile/cli-files.test.ts", "test/committee/create-schools.test.ts"])
      expect(slow).toContain(file);
    expect(unitConfig.test?.exclude).toEqual(expect.arrayContaining(slow));
    // The full run excludes nothing of the test tree, and knows the tag (vitest refuses an unknown one).
    expect(fullConfig.test?.exclude ?? []).toEqual([]);
    expect(fullConfig.test?.tags?.map((t) => t.name)).toContain("slow");
    // Each marked file says so where vitest reads it.
    for (const file of slow) expect(readFileSync(join(ROOT, file), "utf8")).toMatch(/(\/\/|\*)\s*@module-tag\s+slow\b/);
  });

  it("finds the mark in a line comment or a doc comment, not in a word that merely contains it", () => {
    const root = mkdtempSync(join(tmpdir(), "mip-slow-rule-"));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    // Spelled in two parts: vitest reads the tag from anywhere in this file's text.
    const tag = "@module-" + "tag";
    write("test/a/line.test.ts", `// ${tag} slow\nimport { it } from 'vitest';\n`);
    write("test/a/doc.test.ts", `/**\n * Many files.\n *\n * ${tag} slow\n */\n`);
    write("test/b/quick.test.ts", `/** Quick. */\nconst s = 'no ${tag} slowly here';\n`);
    write("test/b/other-tag.test.ts", `// ${tag} slowish\n`);
    expect(slowTestFiles(root)).toEqual(["test/a/doc.test.ts", "test/a/line.test.ts"]);
  });
});
