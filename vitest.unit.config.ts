// `npm run test:unit`: every test that needs nothing but Node and node_modules — the core, the
// `mip` command, the Apps Script fake. Tests that need Chromium, LibreOffice or poppler are found
// by what they import (scripts/system-tests.mjs) and left to `npm test`, the full gate.
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";
import { systemTestFiles } from "./scripts/system-tests.mjs";

export default mergeConfig(
  base,
  defineConfig({
    test: { exclude: ["**/node_modules/**", ...systemTestFiles()] },
  }),
);
