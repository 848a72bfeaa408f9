/**
 * Apps Script benchmark: service calls counted by the in-memory fake when the BUILT bundle
 * (dist/Code.js) validates, marks, re-checks one edit and makes the report, on synthetic
 * workbooks (bench/synthetic.ts). Calls must scale with tabs, not rows: validate and mark
 * cost the same for 10 and 10,000 plan rows. Two edits of a plan status: «onEdit» leaves the
 * findings as they were (the common edit: at most 25 calls), «onEditNewFinding» adds one (the
 * tab's marks are rewritten). «report» is the click as a user makes it: the sidebar has read the
 * workbook (sidebarGetState, which leaves the tabs' positions for the report to read by) and a
 * report was made before (the folder is known); the workbook changed since, so a new document is
 * made. «reportFirst» is the very first click, from the menu, with nothing known. The report rows
 * also count `documentCalls`: the calls that make the Google Doc (Drive, Docs, the Blob of the
 * upload — and DocumentApp's, were any made), apart from the workbook's check the click starts with,
 * and `uploadBytes`: the size of the .docx the click uploaded (zipped in JavaScript).
 *   {"gasCalls":[{"scenario":"validate","planRows":10,"calls":…,"ms":…},…,
 *    {"scenario":"report","planRows":1000,"calls":…,"documentCalls":…,"uploadBytes":…,"ms":…}]}
 * Before the Doc was uploaded whole (DocumentApp drew it paragraph by paragraph and cell by
 * cell) the report cost 607 calls for 10 plan rows and 3,874 for 1,000, 515 and 3,782 of them
 * the document's. Uploaded whole, 105 for both (13 the document's: six Blobs, Utilities.zip,
 * setContentType, a folder made, the listing, the upload, Documents.get and batchUpdate; 92 the
 * check: getName, getDataRange and getValues on each of 22 tabs, properties key by key, the
 * metadata entry by entry). Now 38 for both (5 the document's): one getSheetValues per tab by
 * the remembered positions, one properties read and one write, one Blob zipped in JavaScript, the
 * remembered folder's listing and the upload into it, the metadata entry at its remembered place,
 * the lock left to the end of the execution; 2 more (export, create) save the PDF beside the Doc:
 * 40 (7 the document's). The first click, with nothing remembered, costs 68.
 * Validate 79 → 51, mark 157 → 104 (the marking takes the titles the check read), onEdit 25 → 21,
 * onEditNewFinding 44 → 40.
 */
import { CallCounter, DOCUMENT_SERVICES, spreadsheetFromGrid } from "../test/gas/fake/index.js";
import { createGasEnvironment } from "../test/gas/load-bundle.js";
import { syntheticGrid } from "./synthetic.js";

export type Scenario = "validate" | "mark" | "onEdit" | "onEditNewFinding" | "report" | "reportFirst";

export interface GasCalls {
  scenario: Scenario;
  planRows: number;
  calls: number;
  /** The report's calls that make the document (DOCUMENT_SERVICES). */
  documentCalls?: number;
  /** The report's upload, in bytes. */
  uploadBytes?: number;
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
  const uploadsBefore = env.fake.driveV3._uploads.size;
  env.counter.reset();
  const started = performance.now();
  act(env);
  const ms = Math.round(performance.now() - started);
  const documentCalls = DOCUMENT_SERVICES.reduce((n, prefix) => n + env.counter.countPrefix(prefix), 0);
  return {
    scenario,
    planRows,
    calls: env.counter.total,
    ...(scenario.startsWith("report") ? { documentCalls, uploadBytes: lastUpload(env, uploadsBefore) } : {}),
    ms,
  };
}

/** The size of the upload the measured click made (0: it made none). */
function lastUpload(env: ReturnType<typeof environment>, before: number): number {
  const uploads = [...env.fake.driveV3._uploads.values()];
  return uploads.length > before ? uploads[uploads.length - 1]!.length : 0;
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
  // The sidebar's read, an earlier report (its folder remembered), then a change: a new document.
  const afterSidebar = (env: ReturnType<typeof environment>) => {
    env.fns.sidebarGetState!();
    env.fns.sidebarGenerateReport!();
    const conclusions = env.fake.spreadsheet._sheet("Выводы");
    env.counter.paused(() => conclusions.getRange(2, 2).setValue("Педагогический совет школы"));
  };
  const report = (env: ReturnType<typeof environment>) => env.fns.sidebarGenerateReport!();
  for (const rows of [10, 1_000]) out.push(measure("report", rows, afterSidebar, report));
  for (const rows of [10, 1_000]) out.push(measure("reportFirst", rows, none, report));
  return out;
}

export async function run(): Promise<Record<string, unknown>> {
  return { gasCalls: gasCalls() };
}

// `npx tsx bench/gas.ts` prints the section on its own.
if (process.argv[1]?.endsWith("gas.ts")) console.log(JSON.stringify(await run()));
