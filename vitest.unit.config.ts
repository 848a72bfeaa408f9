// `npm run test:unit`: the core, the `mip` command and the Apps Script fake, in under a minute.
// Left to `npm test`, the full gate, by two rules (scripts/system-tests.mjs, checked by
// test/unit-run.test.ts):
// - tests that need Chromium, LibreOffice or poppler, found by what they import;
// - costly end-to-end files (huge hostile files, hundreds of CLI runs, the 300-school scenario,
//   clasp itself), marked `@module-tag slow` in their first comment.
// Property tests run a tenth of their cases here (test/helpers/property-runs.ts).
import { availableParallelism } from "node:os";
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";
import { slowTestFiles, systemTestFiles } from "./scripts/system-tests.mjs";

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ["**/node_modules/**", ...systemTestFiles(), ...slowTestFiles()],
      env: { MIP_PROPERTY_RUNS: "quick" },
      // Vitest runs one file at a time on two cores; most of a CLI test is a child process
      // waiting, so one file per core keeps both busy.
      maxWorkers: availableParallelism(),
      // Each worker keeps its modules from file to file instead of loading the core, exceljs and
      // docx afresh for each (a third of the run's CPU time). `npm test` keeps every file apart,
      // so a test that leaks state into the next still fails there.
      isolate: false,
    },
  }),
);
