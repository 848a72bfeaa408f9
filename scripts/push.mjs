// `npm run push` (after `npm run build`): uploads a deployment to its Apps Script project with clasp.
//   node scripts/push.mjs               — the school deployment: dist/, project in .clasp.json
//   node scripts/push.mjs --committee   — the committee deployment: dist/committee/, project in .clasp.committee.json
//   node scripts/push.mjs --committee-readonly — the committee's opt-in deployment with spreadsheets.readonly
//     (docs/SCOPES.md): dist/committee-readonly/, project in .clasp.committee-readonly.json
// `--dry-run` only lists what would be pushed (`clasp status`, works offline).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeCommitteeReadonly } from "./committee-readonly.mjs";

const root = process.cwd();
const clasp = join(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", ".bin", "clasp");
const dryRun = process.argv.includes("--dry-run");
const readonly = process.argv.includes("--committee-readonly");
const committee = readonly || process.argv.includes("--committee");
const deployment = readonly
  ? {
      file: ".clasp.committee-readonly.json",
      rootDir: "dist/committee-readonly",
      title: "МИП-отчёт — комитет (чтение любых таблиц)",
      what: "committee read-any-sheet",
    }
  : committee
    ? { file: ".clasp.committee.json", rootDir: "dist/committee", title: "МИП-отчёт — комитет", what: "committee" }
    : { file: ".clasp.json", rootDir: "dist", title: "МИП-отчёт", what: "school" };

function fail(ru, en) {
  console.error(`${ru}\n${en}`);
  process.exit(1);
}

const configPath = join(root, deployment.file);
if (!existsSync(configPath)) fail(`Нет файла ${deployment.file}.`, `No ${deployment.file} in this folder.`);
let config;
try {
  config = JSON.parse(readFileSync(configPath, "utf8"));
} catch {
  fail(`Файл ${deployment.file} повреждён: это должен быть JSON.`, `${deployment.file} is not valid JSON.`);
}
if (typeof config.scriptId !== "string" || config.scriptId.trim() === "")
  fail(
    `В ${deployment.file} не указан scriptId. Создайте проект: удалите ${deployment.file} и выполните ` +
      `\`npx clasp create --type sheets --title "${deployment.title}" --rootDir ${deployment.rootDir}\`` +
      (committee ? ` (затем переименуйте полученный .clasp.json в ${deployment.file}),\n` : ",\n") +
      `или вставьте идентификатор скрипта (Расширения → Apps Script ` +
      `→ Настройки проекта → Идентификатор скрипта) в поле scriptId.`,
    `No scriptId in ${deployment.file} yet (${deployment.what} deployment): create the project with \`npx clasp ` +
      `create --type sheets --rootDir ${deployment.rootDir}\`, or paste your script id into ${deployment.file}.`,
  );
const rootDir = config.rootDir ?? deployment.rootDir;
if (rootDir.replace(/\/+$/, "") !== deployment.rootDir)
  fail(
    `В ${deployment.file} rootDir должен быть «${deployment.rootDir}» (сейчас «${rootDir}»).`,
    `${deployment.file}: rootDir must be ${deployment.rootDir}.`,
  );
// The opt-in deployment is written only now, from the committee's build (scripts/committee-readonly.mjs).
if (readonly && existsSync(join(root, "dist", "committee", "Code.js"))) writeCommitteeReadonly(root);
for (const file of ["Code.js", "appsscript.json"])
  if (!existsSync(join(root, rootDir, file)))
    fail(
      `Нет ${join(rootDir, file)}: сначала выполните npm run build.`,
      `Missing ${join(rootDir, file)}: run npm run build first.`,
    );

// .claspignore (project root) keeps dist/committee/ out of the school push.
const project = ["-P", configPath, "-I", join(root, ".claspignore")];
const args = dryRun ? [...project, "status", "--json"] : [...project, "push", "--force"];
const result = spawnSync(existsSync(clasp) ? clasp : "clasp", args, { cwd: root, stdio: "inherit" });
if (result.error)
  fail(`Не удалось запустить clasp: ${result.error.message}`, `Could not run clasp: ${result.error.message}`);
process.exit(result.status ?? 1);
