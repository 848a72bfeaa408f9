/**
 * A committee spreadsheet on the Apps Script fake for «Создать таблицы школ по «Реестру»»: its
 * Реестр filled with the given rows, every call costing modelled script time (Drive's
 * upload-and-convert is the slow one), Apps Script's 6-minute limit on. Used by the test and
 * the benchmark.
 */
import { SHEETS_MIME } from "../gas/fake/index.js";
import { CREATE_CONTINUE_HANDLER } from "../../src/gas/committee/create-schools.js";
import { type CommitteeEnv, committeeEnv } from "./gas-env.js";

export const PERIOD = "2024-2025 учебный год";
export const linkedId = (n: number) => `1linked${String(n).padStart(3, "0")}abcdefghijklmnopqrstuvwxyzAB`;

export interface RegistryRow {
  organisation: string;
  link: string;
  email: string;
}

/**
 * Script time of one call (ms): Drive's upload-and-convert is the slow one; reads and writes of
 * Реестр cost a round trip each. Calls on objects already fetched (RichTextValue, PromptResponse)
 * and cheap services cost nothing here.
 */
export const COST: Record<string, number> = {
  "Drive.Files.create": 2500,
  "Drive.Files.list": 400,
  "Drive.Permissions.create": 900,
  "Drive.Permissions.list": 300,
  "Sheets.Spreadsheets.get": 400,
  "Sheets.Spreadsheets.batchUpdate": 1500,
  "Range.getValues": 300,
  "Range.getRichTextValues": 300,
  "Range.getFormulas": 300,
  "Range.setValues": 150,
  "Range.setValue": 150,
};

export function envWith(rows: readonly RegistryRow[]): CommitteeEnv {
  const env = committeeEnv([], { executionLimitMs: 360_000 });
  env.counter.paused(() => {
    const registry = env.committee._sheet("Реестр");
    // Typed as text, the way a person enters «=…» into Реестр (a quote prefix).
    const typed = (v: string) => (/^[=+\-@]/.test(v) ? `'${v}` : v);
    const values = rows.map((r) => [typed(r.organisation), r.link, "Иванова А.А.", r.email]);
    if (values.length > 0) registry.getRange(2, 1, values.length, 4).setValues(values);
  });
  const hit = env.counter.hit.bind(env.counter);
  env.counter.hit = (name: string) => {
    env.clock.ms += COST[name] ?? 0;
    hit(name);
  };
  return env;
}

export function registryValues(env: CommitteeEnv): unknown[][] {
  return env.counter.paused(() => env.committee._sheet("Реестр").getDataRange().getValues());
}

export function column(env: CommitteeEnv, header: string): unknown[] {
  const values = registryValues(env);
  const at = values[0]!.indexOf(header);
  if (at < 0) throw new Error(`Реестр has no column «${header}»`);
  return values.slice(1).map((row) => row[at]);
}

export const pendingContinuation = (env: CommitteeEnv) =>
  env.triggers().some((t) => t.handler === CREATE_CONTINUE_HANDLER);

/** The menu item (answering the period), then every continuation until none is left; the runs' outcomes. */
export function createAll(env: CommitteeEnv): unknown[] {
  env.fake.ui._promptAnswers.push({ text: PERIOD, button: "OK" });
  const outcomes = [env.run("committeeCreateSchools")];
  while (pendingContinuation(env) && outcomes.length < 30) {
    env.clock.ms += 60_000;
    outcomes.push(env.run("committeeContinueCreateSchools"));
  }
  return outcomes;
}

export const createdSheets = (env: CommitteeEnv) =>
  [...env.fake.drive._files.values()].filter((f) => f.mimeType === SHEETS_MIME && f.appCreated);
