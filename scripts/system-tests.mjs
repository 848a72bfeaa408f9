// Which test files need programs outside node_modules (Chromium, LibreOffice, poppler): those
// that import, directly or through other test modules, the helper that finds those programs
// (test/helpers/system-tools.ts) or drive a browser (playwright-core). Found from the imports,
// not listed by hand, so a new test that renders a PDF or opens the sidebar in Chromium is left
// out of `npm run test:unit` by the same rule. `npm test` runs everything.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** What marks a module as needing a system program: its path, or a package it imports. */
export const SYSTEM_MODULES = ["test/helpers/system-tools.ts"];
export const SYSTEM_PACKAGES = ["playwright-core"];

const IMPORT =
  /(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|import\s*["']([^"']+)["']/g;

/** The specifiers a module imports (static, re-exports, side-effect and dynamic imports). */
export function importsOf(source) {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** A relative specifier «./harness.js» → the .ts file it names, or null. */
function resolveLocal(from, specifier) {
  if (!specifier.startsWith(".")) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base.replace(/\.js$/, ".ts"), base, `${base}.ts`, join(base, "index.ts")])
    if (candidate.endsWith(".ts") && existsSync(candidate)) return candidate;
  return null;
}

/**
 * Whether `file` (absolute) reaches a system module through test-side imports. Source under
 * src/ never does (it runs for users), so the walk stays inside the test tree and scripts.
 */
export function needsSystem(file, root = ROOT, seen = new Map()) {
  if (seen.has(file)) return seen.get(file);
  seen.set(file, false);
  const rel = relative(root, file).split("\\").join("/");
  if (SYSTEM_MODULES.includes(rel)) return seen.set(file, true).get(file);
  if (rel.startsWith("src/")) return false;
  const specifiers = importsOf(readFileSync(file, "utf8"));
  const found =
    specifiers.some((s) => SYSTEM_PACKAGES.includes(s) || SYSTEM_PACKAGES.some((p) => s.startsWith(`${p}/`))) ||
    specifiers.some((s) => {
      const target = resolveLocal(file, s);
      return target !== null && needsSystem(target, root, seen);
    });
  seen.set(file, found);
  return found;
}

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/**
 * The mark of a test file left to `npm test` for its cost (huge hostile files, hundreds of CLI
 * runs, a 300-school scenario): vitest's own file tag, `@module-tag slow` in its first comment
 * (vitest then also runs them alone: `npx vitest run --tags-filter=slow`).
 */
export const SLOW_MARK = /^\s*(?:\/\/|\/?\*+)\s*@module-tag\s+slow\b/m;

/** Test files (relative to the root, with «/») marked slow. */
export function slowTestFiles(root = ROOT) {
  return testFiles(join(root, "test"))
    .filter((file) => SLOW_MARK.test(readFileSync(file, "utf8")))
    .map((file) => relative(root, file).split("\\").join("/"))
    .sort();
}

/** Test files (relative to the root, with «/») that need a system program. */
export function systemTestFiles(root = ROOT) {
  const seen = new Map();
  return testFiles(join(root, "test"))
    .filter((file) => needsSystem(file, root, seen))
    .map((file) => relative(root, file).split("\\").join("/"))
    .sort();
}
