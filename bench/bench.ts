/**
 * `npm run bench [-- --json]`: the core validation benchmark plus the sections of the other
 * parts (xlsx, report, Apps Script calls, committee). With --json, stdout gets ONE JSON object:
 * {"core":[{"planRows":10000,"pairs":5000,"ms":…,"peakMB":…},…], "coreLinearity": …, "xlsx": …, "report": …}.
 * Each section runs in its own Node process, so its peak memory (max RSS) is its own and not
 * the high-water mark left by an earlier section. Progress goes to stderr so the JSON stays clean.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as core from "./core.js";

type Section = { run(): Promise<Record<string, unknown> | undefined> };

const SECTIONS: Record<string, () => Promise<Section>> = {
  terms: () => import("./terms.js"),
  xlsx: () => import("./xlsx.js"),
  report: () => import("./report.js"),
  gas: () => import("./gas.js"),
  committee: () => import("./committee.js"),
  createSchools: () => import("./create-schools.js"),
  validate: async () => ({ run: (await import("./cli.js")).runValidate }),
  cli: () => import("./cli.js"),
  survey: () => import("./survey.js"),
  hostile: () => import("./hostile.js"),
  roadmap: () => import("./roadmap.js"),
};

const asJson = process.argv.includes("--json");
const log = (line: string) => (asJson ? process.stderr : process.stdout).write(`${line}\n`);

/** Runs one section in this process and prints its keys as JSON on stdout. */
async function runSection(name: string): Promise<void> {
  if (name === "core") {
    log("Проверка таблицы (ядро):");
    const { core: coreResults, coreLinearity } = await core.run(log);
    log(`  Линейность: время(10 000) / время(1 000) = ${coreLinearity ?? "—"} (линейный рост ≈ 10)`);
    process.stdout.write(`${JSON.stringify({ core: coreResults, coreLinearity })}\n`);
    return;
  }
  const load = SECTIONS[name];
  if (!load) throw new Error(`нет раздела замеров «${name}»`);
  const section = await (await load()).run();
  process.stdout.write(`${JSON.stringify(section ?? {})}\n`);
}

/** Runs every section in a child process and merges their JSON. */
function runAll(): void {
  if (!(globalThis as { gc?: unknown }).gc) log("(без --expose-gc: замеры памяти менее точны)");
  const self = fileURLToPath(import.meta.url);
  const output: Record<string, unknown> = {};
  for (const name of ["core", ...Object.keys(SECTIONS)]) {
    const child = spawnSync(process.execPath, [...process.execArgv, self, "--section", name, "--json"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    });
    const lastLine = child.stdout.trim().split("\n").pop() ?? "";
    try {
      const section = JSON.parse(lastLine) as Record<string, unknown>;
      Object.assign(output, section);
      if (!asJson && name !== "core") log(`${name}: ${JSON.stringify(section)}`);
    } catch {
      output[name] = { error: `раздел не выполнен (код ${child.status})` };
      log(`${name}: раздел не выполнен (код ${child.status})`);
      process.exitCode = 1;
    }
  }
  if (asJson) process.stdout.write(`${JSON.stringify(output)}\n`);
}

const sectionAt = process.argv.indexOf("--section");
if (sectionAt >= 0) {
  runSection(process.argv[sectionAt + 1] ?? "").catch((error) => {
    process.stderr.write(`Замер не выполнен: ${String((error as Error)?.message ?? error)}\n`);
    process.exitCode = 1;
  });
} else {
  runAll();
}
