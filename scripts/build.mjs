// Builds the two products from one core:
//   lib/mip.cjs  — the local `mip` command (Node, CommonJS, dependencies bundled in; the .xlsx
//                  writer's and the .docx writer's libraries in lib/vendor/, loaded when used)
//   dist/        — the school deployment pushed by clasp (Code.js, appsscript.json, Sidebar.html)
//   dist/committee/ — the committee deployment (its own manifest and push target), from the same source
//   dist/committee-readonly/ — only with --committee-readonly: the committee's opt-in deployment that may
//                  read any school workbook, with the sensitive spreadsheets.readonly (docs/SCOPES.md)
import { build } from "esbuild";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSidebar } from "./build-sidebar.mjs";
import { writeCommitteeReadonly } from "./committee-readonly.mjs";
import { templateXlsxBase64 } from "./template-xlsx.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const quiet = process.argv.includes("--quiet");
// Progress goes to stderr: stdout stays for what a command is asked for (`npm run bench -- --json`).
const log = (msg) => quiet || console.error(msg);

/**
 * Libraries only some commands need, each bundled into its own file beside lib/mip.cjs and
 * required when a command first uses it: `mip validate` and `mip help` then compile 1.9 MB of
 * JavaScript instead of 4.9 MB (the .xlsx writer's tree alone is over 2 MB).
 */
const LAZY_LIBRARIES = { exceljs: "vendor/exceljs.cjs", docx: "vendor/docx.cjs" };

async function buildLazyLibraries() {
  for (const [name, file] of Object.entries(LAZY_LIBRARIES)) {
    await build({
      stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, loader: "js" },
      outfile: join(root, "lib", file),
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      logLevel: "warning",
    });
  }
}

/** Resolves each lazy library to its own file (a require relative to lib/mip.cjs). */
const lazyLibraries = {
  name: "lazy-libraries",
  setup(pluginBuild) {
    const names = Object.keys(LAZY_LIBRARIES).join("|");
    pluginBuild.onResolve({ filter: new RegExp(`^(${names})$`) }, (args) => ({
      path: `./${LAZY_LIBRARIES[args.path]}`,
      external: true,
    }));
  },
};

async function buildCli() {
  mkdirSync(join(root, "lib"), { recursive: true });
  await buildLazyLibraries();
  // lib/mip.cjs last: the tests rebuild when it is older than src/.
  await build({
    entryPoints: [join(root, "src/local/cli.ts")],
    outfile: join(root, "lib/mip.cjs"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    banner: { js: "#!/usr/bin/env node" },
    // Russian text as UTF-8, not \uXXXX escapes (six bytes a letter): smaller files, same strings.
    charset: "utf8",
    sourcemap: "linked",
    plugins: [lazyLibraries],
    logLevel: "warning",
  });
  log("lib/mip.cjs");
}

/** Names the Apps Script entry module exports, so each gets a real top-level function. */
async function entryExports(entry) {
  const probe = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    write: false,
    metafile: true,
    platform: "neutral",
    mainFields: ["module", "main"],
    logLevel: "silent",
  });
  const out = Object.values(probe.metafile.outputs)[0];
  return out.exports.filter((name) => name !== "default").sort();
}

/** One Apps Script deployment: entry module → Code.js with a top-level function per export, its manifest. */
async function buildDeployment({ entry, dir, manifest, sidebar, templateXlsx = null }) {
  mkdirSync(dir, { recursive: true });
  const names = await entryExports(entry);
  const wrappers = names.map((name) => `function ${name}() { return MIP.${name}.apply(this, arguments); }`).join("\n");
  await build({
    entryPoints: [entry],
    outfile: join(dir, "Code.js"),
    bundle: true,
    format: "iife",
    globalName: "MIP",
    platform: "neutral",
    mainFields: ["module", "main"],
    target: "es2019",
    minifyWhitespace: false,
    minifySyntax: true,
    legalComments: "none",
    // Russian text as UTF-8, not \uXXXX escapes (six bytes a letter): Apps Script keeps a project's
    // files as UTF-8 text (the Apps Script API's File.source is a string).
    charset: "utf8",
    // The template .xlsx only in the committee's bundle (it creates the schools' workbooks).
    ...(templateXlsx ? { define: { __MIP_TEMPLATE_XLSX__: JSON.stringify(templateXlsx) } } : {}),
    footer: {
      js: `\n// Apps Script entry points (generated from ${entry.slice(root.length + 1)} exports)\n${wrappers}\n`,
    },
    logLevel: "warning",
  });
  copyFileSync(manifest, join(dir, "appsscript.json"));
  if (sidebar) await buildSidebar(root, dir);
  writeFileSync(join(dir, "entry-points.json"), JSON.stringify(names, null, 2) + "\n");
  log(`${dir.slice(root.length + 1)}/Code.js (${names.length} entry points)`);
}

async function buildGas() {
  const entry = join(root, "src/gas/main.ts");
  const dist = join(root, "dist");
  rmSync(dist, { recursive: true, force: true });
  // The school deployment: dist/ (the folder .clasp.json pushes; .claspignore keeps committee/ out).
  await buildDeployment({ entry, dir: dist, manifest: join(root, "appsscript.json"), sidebar: true });
  const templateXlsx = await templateXlsxBase64(root);
  // The committee deployment, written last (the bundle tests rebuild when it is older than src/).
  await buildDeployment({
    entry: join(root, "src/gas/committee-main.ts"),
    dir: join(dist, "committee"),
    manifest: join(root, "appsscript.committee.json"),
    sidebar: false,
    templateXlsx,
  });
  if (process.argv.includes("--committee-readonly")) log(writeCommitteeReadonly(root).slice(root.length + 1));
}

/** What the outputs are made from: the sources, the sidebar, the manifests, the build scripts, the lock file. */
const INPUTS = [
  "src",
  "sidebar",
  "scripts",
  "package-lock.json",
  ...["", ".committee", ".committee-readonly"].map((d) => `appsscript${d}.json`),
];
const OUTPUTS = [
  "lib/mip.cjs",
  ...Object.values(LAZY_LIBRARIES).map((file) => `lib/${file}`),
  "dist/Code.js",
  "dist/committee/Code.js",
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}

/** True when every output exists and is newer than every input (`--if-stale` then builds nothing). */
function upToDate() {
  const inputs = Math.max(...INPUTS.map((p) => newestMtime(join(root, p))));
  return OUTPUTS.every((p) => existsSync(join(root, p)) && statSync(join(root, p)).mtimeMs > inputs);
}

if (process.argv.includes("--if-stale") && upToDate()) {
  log("lib/ and dist/ are newer than their sources: nothing to build");
} else {
  // `--gas` builds only dist/ (the bundle tests rebuild it without touching the CLI).
  if (!process.argv.includes("--gas")) await buildCli();
  await buildGas();
}
