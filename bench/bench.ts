/**
 * `npm run bench [-- --json]`: the core validation benchmark plus optional sections owned by
 * others (report, Apps Script, committee). With --json, stdout gets ONE JSON object:
 * {"core":[{"planRows":10000,"pairs":5000,"ms":…,"peakMB":…},…], "coreLinearity": …, "xlsx": …, "report": …}.
 * Each optional section returns an object of top-level keys that is merged in.
 * Progress goes to stderr so the JSON stays clean.
 */
import * as core from "./core.js";

type Section = { run(): Promise<Record<string, unknown> | undefined> };

const OPTIONAL: Record<string, () => Promise<Section>> = {
  xlsx: () => import("./xlsx.js"),
  report: () => import("./report.js"),
  gas: () => import("./gas.js"),
  committee: () => import("./committee.js"),
};

async function main(): Promise<void> {
  const asJson = process.argv.includes("--json");
  const log = (line: string) => (asJson ? process.stderr : process.stdout).write(`${line}\n`);
  if (!(globalThis as { gc?: unknown }).gc) log("(без --expose-gc: замеры памяти менее точны)");
  log("Проверка таблицы (ядро):");
  const { core: coreResults, coreLinearity } = await core.run(log);
  log(`  Линейность: время(10 000) / время(1 000) = ${coreLinearity ?? "—"} (линейный рост ≈ 10)`);
  const output: Record<string, unknown> = { core: coreResults, coreLinearity };
  for (const [name, load] of Object.entries(OPTIONAL)) {
    try {
      const section = await (await load()).run();
      // Sections return their own top-level keys ({"report": […]}), merged into the one object.
      if (section !== undefined) {
        Object.assign(output, section);
        if (!asJson) log(`${name}: ${JSON.stringify(section)}`);
      }
    } catch (error) {
      output[name] = { error: String((error as Error)?.message ?? error) };
      log(`${name}: раздел не выполнен — ${String((error as Error)?.message ?? error)}`);
    }
  }
  if (asJson) process.stdout.write(`${JSON.stringify(output)}\n`);
}

main().catch((error) => {
  process.stderr.write(`Замер не выполнен: ${String((error as Error)?.message ?? error)}\n`);
  process.exitCode = 1;
});
