/**
 * «Создать таблицы школ по «Реестру»» on the BUILT committee bundle over 300 registry rows, with
 * the cost model of test/committee/create-env.ts (upload-and-convert 2.5 s, batchUpdate 1.5 s,
 * invitation 0.9 s, a Реестр write 0.15 s …): service calls per created workbook and how many runs the 6-minute limit
 * needs (each run stops at its 4.5-minute budget and a continuation goes on a minute later).
 */
import { createAll, createdSheets, envWith } from "../test/committee/create-env.js";

const SCHOOLS = 300;

export async function run(): Promise<Record<string, unknown> | undefined> {
  const rows = Array.from({ length: SCHOOLS }, (_, n) => ({
    organisation: `МОУ «Школа № ${n + 1}»`,
    link: "",
    email: `school${n + 1}@example.ru`,
  }));
  const env = envWith(rows);
  env.counter.reset();
  const started = Date.now();
  const outcomes = createAll(env);
  const wallMs = Date.now() - started;
  const calls = env.counter.total;
  const apiCalls = env.counter.countPrefix("Drive.") + env.counter.countPrefix("Sheets.");
  const writes = env.counter.count("Range.setValues") + env.counter.count("Range.setValue");
  const created = createdSheets(env).length;
  env.counter.reset();
  createAll(env);
  return {
    createSchools: {
      schools: SCHOOLS,
      created,
      runs: outcomes.length,
      callsPerSchool: Math.round((calls / created) * 100) / 100,
      apiCallsPerSchool: Math.round((apiCalls / created) * 100) / 100,
      registryWritesPerSchool: Math.round((writes / created) * 100) / 100,
      callsSecondRun: env.counter.total,
      wallMsLocal: wallMs,
    },
  };
}
