// `npm run push` (after `npm run build`): uploads dist/ to the Apps Script project named in
// .clasp.json with clasp. `--dry-run` only lists what would be pushed (works offline).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = process.cwd();
const clasp = join(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", ".bin", "clasp");
const dryRun = process.argv.includes("--dry-run");

function fail(ru, en) {
  console.error(`${ru}\n${en}`);
  process.exit(1);
}

const configPath = join(root, ".clasp.json");
if (!existsSync(configPath)) fail("Нет файла .clasp.json.", "No .clasp.json in this folder.");
let config;
try {
  config = JSON.parse(readFileSync(configPath, "utf8"));
} catch {
  fail("Файл .clasp.json повреждён: это должен быть JSON.", ".clasp.json is not valid JSON.");
}
if (typeof config.scriptId !== "string" || config.scriptId.trim() === "")
  fail(
    "В .clasp.json не указан scriptId. Создайте проект: удалите .clasp.json и выполните `npx clasp create --type sheets --title \"МИП-отчёт\" --rootDir dist`,\n" +
      "или вставьте идентификатор скрипта (Расширения → Apps Script → Настройки проекта → Идентификатор скрипта) в поле scriptId.",
    "No scriptId in .clasp.json yet: delete .clasp.json and run `npx clasp create --type sheets --rootDir dist`, or paste your script id into .clasp.json.",
  );
const rootDir = join(root, config.rootDir ?? "dist");
for (const file of ["Code.js", "appsscript.json"])
  if (!existsSync(join(rootDir, file))) fail(`Нет ${join(config.rootDir ?? "dist", file)}: сначала выполните npm run build.`, `Missing ${file}: run npm run build first.`);

const args = dryRun ? ["status", "--json"] : ["push", "--force"];
const result = spawnSync(existsSync(clasp) ? clasp : "clasp", args, { cwd: root, stdio: "inherit" });
if (result.error) fail(`Не удалось запустить clasp: ${result.error.message}`, `Could not run clasp: ${result.error.message}`);
process.exit(result.status ?? 1);
