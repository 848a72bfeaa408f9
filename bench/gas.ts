/**
 * Apps Script benchmark: service calls counted by the in-memory fake when the BUILT bundle
 * (dist/Code.js) validates, marks, re-checks one edit and makes the report, on synthetic
 * workbooks (bench/synthetic.ts). Calls must scale with tabs, not rows: validate and mark
 * cost the same for 10 and 10,000 plan rows. Two edits of a plan status: «onEdit» leaves the
 * findings as they were (the common edit: at most 25 calls), «onEditNewFinding» adds one (the
 * tab's marks are rewritten). The report's row also counts `documentCalls`: the
 * calls that make the Google Doc (Drive, Docs, the Blobs and Utilities.zip/newBlob of the upload —
 * and DocumentApp's, were any made), apart from the workbook's check the click starts with.
 *   {"gasCalls":[{"scenario":"validate","planRows":10,"calls":…,"ms":…},…,
 *    {"scenario":"report","planRows":1000,"calls":…,"documentCalls":…,"ms":…}]}
 * Before the Doc was uploaded whole (DocumentApp drew it paragraph by paragraph and cell by
 * cell) the report cost 607 calls for 10 plan rows and 3,874 for 1,000, 515 and 3,782 of them
 * the document's.
 */
import { CallCounter, DOCUMENT_SERVICES, spreadsheetFromGrid } from "../test/gas/fake/index.js";
import { createGasEnvironment } from "../test/gas/load-bundle.js";
import { syntheticGrid } from "./synthetic.js";

export type Scenario = "validate" | "mark" | "onEdit" | "onEditNewFinding" | "report";

export interface GasCalls {
  scenario: Scenario;
  planRows: number;
  calls: number;
  /** The report's calls that make the document (DOCUMENT_SERVICES). */
  documentCalls?: number;
  ms: number;
}

const NOW = "2022-12-20T12:00:00+03:00";

function environment(planRows: number) {
  const counter = new CallCounter();
  const spreadsheet = spreadsheetFromGrid(
    syntheticGrid({ planRows, pairs: Math.max(10, Math.round(planRows / 2)) }),
    counter,
  );
  return createGasEnvironment({ spreadsheet, counter, now: NOW });
}

function measure(
  scenario: Scenario,
  planRows: number,
  prepare: (env: ReturnType<typeof environment>) => void,
  act: (env: ReturnType<typeof environment>) => void,
): GasCalls {
  const env = environment(planRows);
  prepare(env);
  env.counter.reset();
  const started = performance.now();
  act(env);
  const ms = Math.round(performance.now() - started);
  const documentCalls = DOCUMENT_SERVICES.reduce((n, prefix) => n + env.counter.countPrefix(prefix), 0);
  return {
    scenario,
    planRows,
    calls: env.counter.total,
    ...(scenario === "report" ? { documentCalls } : {}),
    ms,
  };
}

export function gasCalls(): GasCalls[] {
  const none = () => {};
  const out: GasCalls[] = [];
  for (const rows of [10, 10_000]) out.push(measure("validate", rows, none, (env) => env.fns.sidebarGetState!()));
  // «Проверить таблицу»: the check plus colours and notes on every tab.
  for (const rows of [10, 10_000]) out.push(measure("mark", rows, none, (env) => env.fns.sidebarValidate!()));
  const edit = (status: string) => (env: ReturnType<typeof environment>) => {
    const plan = env.fake.spreadsheet._sheet("План-факт");
    const range = env.counter.paused(() => plan.getRange(3, 8).setValue(status));
    env.fns.onEdit!({ authMode: "LIMITED", range, source: env.fake.spreadsheet, value: status });
  };
  const checked = (env: ReturnType<typeof environment>) => env.fns.sidebarValidate!();
  for (const rows of [10, 10_000]) out.push(measure("onEdit", rows, checked, edit("Выполнено")));
  // «Не выполнено» with no reason given: a new error on the edited tab.
  for (const rows of [10, 10_000]) out.push(measure("onEditNewFinding", rows, checked, edit("Не выполнено")));
  for (const rows of [10, 1_000]) out.push(measure("report", rows, none, (env) => env.fns.sidebarGenerateReport!()));
  return out;
}

export async function run(): Promise<Record<string, unknown>> {
  return { gasCalls: gasCalls() };
}

// `npx tsx bench/gas.ts` prints the section on its own.
if (process.argv[1]?.endsWith("gas.ts")) console.log(JSON.stringify(await run()));
