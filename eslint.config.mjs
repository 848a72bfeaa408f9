// ESLint: typescript-eslint's recommended rules, plus the type-aware few that catch real bugs
// here (a promise nobody awaits, a switch that forgets a case). Formatting is Prettier's job.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

// The Apps Script server's globals (SpreadsheetApp, HtmlService, …) as @types/google-apps-script
// declares them. The sidebar's type check loads those types (tsconfig.sidebar.json) but the page
// runs in the browser, where none of them exists.
const gasTypes = join(import.meta.dirname, "node_modules/@types/google-apps-script");
const serverGlobals = [
  ...new Set(
    readdirSync(gasTypes)
      .filter((f) => f.endsWith(".d.ts"))
      .flatMap((f) => [...readFileSync(join(gasTypes, f), "utf8").matchAll(/^declare (?:var|const|let) (\w+)/gm)])
      .map((m) => m[1])
      .filter((name) => name !== "Date" && name !== "console"),
  ),
].map((name) => ({ name, message: "an Apps Script server global: the sidebar runs in the browser." }));

export default tseslint.config(
  { ignores: ["dist/", "lib/", "node_modules/", "demo-out/", "test-output/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      eqeqeq: ["error", "smart"],
    },
  },
  {
    // The Apps Script fakes mirror loosely typed platform values and rethrow Google's own messages.
    files: ["test/**"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "preserve-caught-error": "off",
      "@typescript-eslint/no-this-alias": "off",
    },
  },
  {
    files: ["**/*.mjs", "**/*.js", "**/*.cjs"],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: globals.node,
    },
  },
  {
    files: ["sidebar/**/*.ts"],
    rules: { "no-restricted-globals": ["error", ...serverGlobals] },
  },
);
